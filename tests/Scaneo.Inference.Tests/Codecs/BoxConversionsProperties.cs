using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scaneo.Inference.Codecs;
using Scaneo.Predictions;

namespace Scaneo.Inference.Tests.Codecs;

public class BoxConversionsProperties
{
    private static Gen<PixelBox> Boxes() =>
        from x in Gen.Choose(-1000, 100000)
        from y in Gen.Choose(-1000, 100000)
        from w in Gen.Choose(0, 50000)
        from h in Gen.Choose(0, 50000)
        from scale in Gen.Elements(1.0, 0.5, 0.25, 0.1, 1.0 / 3)
        select new PixelBox(x * scale, y * scale, (x + w) * scale, (y + h) * scale);

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));

    private static bool Same(PixelBox a, PixelBox b) => Close(a.MinX, b.MinX) && Close(a.MinY, b.MinY) && Close(a.MaxX, b.MaxX) && Close(a.MaxY, b.MaxY);

    [Property(MaxTest = 500)]
    public Property CentreCorner_RoundTrips() => Prop.ForAll(Arb.From(Boxes()), box =>
    {
        var (cx, cy, w, h) = BoxConversions.ToCentre(box);
        return Same(box, BoxConversions.FromCentre(cx, cy, w, h));
    });

    [Property(MaxTest = 500)]
    public Property PercentPixel_RoundTrips() =>
        Prop.ForAll(Arb.From(from box in Boxes() from w in Gen.Choose(1, 20000) from h in Gen.Choose(1, 20000) select (box, w, h)), t =>
        {
            var (x, y, pw, ph) = BoxConversions.ToPercent(t.box, t.w, t.h);
            return Same(t.box, BoxConversions.FromPercent(x, y, pw, ph, t.w, t.h));
        });

    [Property(MaxTest = 200)]
    public Property ScoreList_DecodeEncode_RoundTrips()
    {
        var detected =
            from box in Boxes()
            from count in Gen.Choose(1, 6)
            from scores in Gen.ArrayOf(Gen.Choose(0, 1_000_000).Select(i => i / 1_000_000.0), count)
            select new DetectedBox(box, scores.Max(), classScores: scores);
        return Prop.ForAll(Arb.From(Gen.ListOf(detected, 5)), boxes =>
        {
            var decoded = ScoreListCodec.Decode(ScoreListCodec.Encode(boxes));
            return decoded.Count == boxes.Count && decoded.Zip(boxes).All(p =>
                p.First.Box == p.Second.Box
                && p.First.ClassScores!.SequenceEqual(p.Second.ClassScores!)
                && p.First.Score == p.Second.Score
                && p.First.OutputIndex == IndexOfMax(p.Second.ClassScores!));
        });
    }

    private static int IndexOfMax(IReadOnlyList<double> v)
    {
        int best = 0;
        for (int i = 1; i < v.Count; i++)
        {
            if (v[i] > v[best])
            {
                best = i;
            }
        }

        return best;
    }
}
