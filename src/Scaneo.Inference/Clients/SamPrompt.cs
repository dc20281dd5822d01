using System.Globalization;

namespace Scaneo.Inference;

/// <summary>The prompt of a SAM request: points (in pixel or map coordinates) and the label to segment.</summary>
public sealed class SamPrompt
{
    /// <summary>Initializes a prompt.</summary>
    /// <param name="points">At least one finite point, (column, row) or map (X, Y) according to <paramref name="space"/>.</param>
    /// <param name="label">The label name sent in the <c>label</c> field.</param>
    /// <param name="space">The coordinate space of the points.</param>
    /// <exception cref="ScaneoValidationException">No points, a non-finite coordinate, or an empty label.</exception>
    public SamPrompt(IEnumerable<(double X, double Y)> points, string label, SamPointSpace space = SamPointSpace.Pixel)
    {
        ArgumentNullException.ThrowIfNull(points);
        (double X, double Y)[] copy = [.. points];
        if (copy.Length == 0)
        {
            throw new ScaneoValidationException("SamPrompt.Points", "[]", "must hold at least one point.");
        }

        for (int i = 0; i < copy.Length; i++)
        {
            if (!double.IsFinite(copy[i].X) || !double.IsFinite(copy[i].Y))
            {
                throw new ScaneoValidationException($"SamPrompt.Points[{i}]", string.Create(CultureInfo.InvariantCulture, $"({copy[i].X}, {copy[i].Y})"), "must have finite coordinates.");
            }
        }

        if (string.IsNullOrWhiteSpace(label))
        {
            throw new ScaneoValidationException("SamPrompt.Label", label, "must be a non-empty label name.");
        }

        if (!Enum.IsDefined(space))
        {
            throw new ScaneoValidationException("SamPrompt.Space", space.ToString(), "must be Pixel or Map.");
        }

        Points = copy;
        Label = label;
        Space = space;
    }

    /// <summary>Gets the points.</summary>
    public IReadOnlyList<(double X, double Y)> Points { get; }

    /// <summary>Gets the label name.</summary>
    public string Label { get; }

    /// <summary>Gets the coordinate space of the points.</summary>
    public SamPointSpace Space { get; }
}
