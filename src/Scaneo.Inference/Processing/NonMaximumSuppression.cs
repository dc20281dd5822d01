using Scaneo.Predictions;

namespace Scaneo.Inference.Processing;

/// <summary>Greedy non-maximum suppression: keep the best box, drop boxes of the same class overlapping it more than the IoU.</summary>
internal static class NonMaximumSuppression
{
    public static DetectedBox[] Apply(IReadOnlyList<DetectedBox> boxes, double iou, bool agnostic)
    {
        var order = boxes.OrderByDescending(b => b.Score).ToArray();
        var kept = new List<DetectedBox>(order.Length);
        foreach (var candidate in order)
        {
            bool suppressed = false;
            foreach (var k in kept)
            {
                if ((agnostic || SameClass(k, candidate)) && k.Box.IntersectionOverUnion(candidate.Box) > iou)
                {
                    suppressed = true;
                    break;
                }
            }

            if (!suppressed)
            {
                kept.Add(candidate);
            }
        }

        return [.. kept];
    }

    private static bool SameClass(DetectedBox a, DetectedBox b)
    {
        if (a.OutputIndex is int ia && b.OutputIndex is int ib)
        {
            return ia == ib;
        }

        return string.Equals(a.ClassName, b.ClassName, StringComparison.Ordinal);
    }
}
