namespace Scaneo.ActiveLearning.Areas;

/// <summary>The uncertain areas of one map: the cut actually applied, how much of the image it covers, and the regions.</summary>
public sealed class UncertainAreas
{
    internal UncertainAreas(double thresholdValue, long uncertainPixelCount, long validPixelCount, IReadOnlyList<UncertainRegion> regions)
    {
        ThresholdValue = thresholdValue;
        UncertainPixelCount = uncertainPixelCount;
        ValidPixelCount = validPixelCount;
        Regions = regions;
    }

    /// <summary>Gets the value the map (smoothed, when the finder smooths) was cut at (for a top fraction: the ⌈q·N⌉-th largest value; pixels ≥ it are uncertain).</summary>
    public double ThresholdValue { get; }

    /// <summary>Gets the number of uncertain pixels: past the cut in the (possibly smoothed) map, before the minimum-area filter.</summary>
    public long UncertainPixelCount { get; }

    /// <summary>Gets the number of valid (non-NaN) pixels.</summary>
    public long ValidPixelCount { get; }

    /// <summary>Gets the uncertain fraction of valid pixels, in [0, 1] (0 when there is no valid pixel).</summary>
    public double UncertainFraction => ValidPixelCount == 0 ? 0 : (double)UncertainPixelCount / ValidPixelCount;

    /// <summary>Gets the regions, in the row-major order of their first pixel.</summary>
    public IReadOnlyList<UncertainRegion> Regions { get; }
}
