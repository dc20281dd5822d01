using System.Globalization;

namespace Scaneo.ActiveLearning.Areas;

/// <summary>A cut of an uncertainty map: an absolute value T (<c>u &gt; T</c>) or the top fraction q of valid pixels.</summary>
public sealed class UncertaintyThreshold
{
    private UncertaintyThreshold(UncertaintyThresholdKind kind, double value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>Gets the kind of cut.</summary>
    public UncertaintyThresholdKind Kind { get; }

    /// <summary>Gets T for an absolute cut, q in (0, 1] for a top fraction.</summary>
    public double Value { get; }

    /// <summary>Pixels with <c>u &gt; T</c>.</summary>
    /// <param name="threshold">A finite T.</param>
    /// <returns>The cut.</returns>
    /// <exception cref="ArgumentOutOfRangeException">T is not finite.</exception>
    public static UncertaintyThreshold Absolute(double threshold)
    {
        if (!double.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be a finite number.");
        }

        return new UncertaintyThreshold(UncertaintyThresholdKind.Absolute, threshold);
    }

    /// <summary>The top fraction q of valid pixels.</summary>
    /// <param name="fraction">q in (0, 1].</param>
    /// <returns>The cut.</returns>
    /// <exception cref="ArgumentOutOfRangeException">q outside (0, 1].</exception>
    public static UncertaintyThreshold TopFraction(double fraction)
    {
        if (!(fraction > 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The top fraction must be in (0, 1].");
        }

        return new UncertaintyThreshold(UncertaintyThresholdKind.TopFraction, fraction);
    }

    /// <inheritdoc />
    public override string ToString() => Kind == UncertaintyThresholdKind.Absolute
        ? "> " + Value.ToString("R", CultureInfo.InvariantCulture)
        : "top " + (Value * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}
