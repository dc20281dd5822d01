using System.Globalization;

namespace Scaneo.ActiveLearning.Maps;

/// <summary>
/// A reduction of an uncertainty map to one image score: <see cref="Mean"/>, <see cref="Max"/>, <see cref="Sum"/>,
/// <see cref="TopFraction"/> (top-k% mean) or <see cref="ClassWeighted"/>. Text form as on the command line:
/// <c>mean</c>, <c>max</c>, <c>sum</c>, <c>topk:0.1</c>, <c>class-weighted</c>.
/// </summary>
public sealed class ImageAggregation
{
    private ImageAggregation(ImageAggregateKind kind, double fraction, IReadOnlyList<double>? classWeights)
    {
        Kind = kind;
        Fraction = fraction;
        ClassWeights = classWeights;
    }

    /// <summary>Gets the mean over valid pixels.</summary>
    public static ImageAggregation Mean { get; } = new(ImageAggregateKind.Mean, 1, null);

    /// <summary>Gets the maximum over valid pixels.</summary>
    public static ImageAggregation Max { get; } = new(ImageAggregateKind.Max, 1, null);

    /// <summary>Gets the sum over valid pixels.</summary>
    public static ImageAggregation Sum { get; } = new(ImageAggregateKind.Sum, 1, null);

    /// <summary>Gets the kind of reduction.</summary>
    public ImageAggregateKind Kind { get; }

    /// <summary>Gets the fraction q of <see cref="ImageAggregateKind.TopFractionMean"/> (1 for the other kinds).</summary>
    public double Fraction { get; }

    /// <summary>Gets the weight per class of <see cref="ImageAggregateKind.ClassWeightedMean"/>, else <see langword="null"/>.</summary>
    public IReadOnlyList<double>? ClassWeights { get; }

    /// <summary>The mean of the ⌈q·N⌉ most uncertain valid pixels.</summary>
    /// <param name="fraction">q in (0, 1].</param>
    /// <returns>The aggregation.</returns>
    /// <exception cref="ArgumentOutOfRangeException">q outside (0, 1].</exception>
    public static ImageAggregation TopFraction(double fraction)
    {
        if (!(fraction > 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The top fraction must be in (0, 1].");
        }

        return new ImageAggregation(ImageAggregateKind.TopFractionMean, fraction, null);
    }

    /// <summary>The mean weighted by a weight per predicted (arg-max) class, e.g. to favour rare classes.</summary>
    /// <param name="classWeights">One non-negative finite weight per class, not all zero.</param>
    /// <returns>The aggregation.</returns>
    /// <exception cref="ArgumentException">Empty, negative, non-finite or all-zero weights.</exception>
    public static ImageAggregation ClassWeighted(IEnumerable<double> classWeights)
    {
        ArgumentNullException.ThrowIfNull(classWeights);
        double[] w = [.. classWeights];
        if (w.Length == 0 || w.Any(v => !double.IsFinite(v) || v < 0) || w.All(v => v == 0))
        {
            throw new ArgumentException("Class weights must be non-negative finite numbers, one per class, not all zero.", nameof(classWeights));
        }

        return new ImageAggregation(ImageAggregateKind.ClassWeightedMean, 1, w);
    }

    /// <summary>Parses <c>mean</c>, <c>max</c>, <c>sum</c> or <c>topk:FRACTION</c> (case-insensitive).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The aggregation.</returns>
    /// <exception cref="FormatException">Not one of those forms, or a fraction outside (0, 1].</exception>
    public static ImageAggregation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim().ToLowerInvariant();
        switch (t)
        {
            case "mean":
                return Mean;
            case "max":
                return Max;
            case "sum":
                return Sum;
        }

        if (t.StartsWith("topk:", StringComparison.Ordinal)
            && double.TryParse(t.AsSpan(5), NumberStyles.Float, CultureInfo.InvariantCulture, out double q)
            && q > 0 && q <= 1)
        {
            return TopFraction(q);
        }

        throw new FormatException($"\"{text}\" is not an aggregation: expected mean, max, sum or topk:FRACTION with FRACTION in (0, 1].");
    }

    /// <summary>Returns the text form (<c>mean</c>, <c>max</c>, <c>sum</c>, <c>topk:0.1</c>, <c>class-weighted</c>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        ImageAggregateKind.Mean => "mean",
        ImageAggregateKind.Max => "max",
        ImageAggregateKind.Sum => "sum",
        ImageAggregateKind.TopFractionMean => "topk:" + Fraction.ToString("R", CultureInfo.InvariantCulture),
        _ => "class-weighted",
    };
}
