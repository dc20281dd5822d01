using Scaneo.ActiveLearning.Scoring;

namespace Scaneo.ActiveLearning.Maps;

/// <summary>
/// The statistics of an uncertainty map without the map itself (<see cref="UncertaintyMapBuilder.Summarize"/>):
/// what ranking needs from each image.
/// </summary>
public sealed class UncertaintySummary
{
    internal UncertaintySummary(UncertaintyMeasure measure, ScoreInput input, bool normalized, long validPixelCount, double sum, double max)
    {
        Measure = measure;
        Input = input;
        Normalized = normalized;
        ValidPixelCount = validPixelCount;
        Sum = sum;
        Max = validPixelCount > 0 ? max : double.NaN;
        Mean = validPixelCount > 0 ? sum / validPixelCount : double.NaN;
    }

    /// <summary>Gets the measure.</summary>
    public UncertaintyMeasure Measure { get; }

    /// <summary>Gets what the scores were.</summary>
    public ScoreInput Input { get; }

    /// <summary>Gets a value indicating whether the values are normalised to [0, 1].</summary>
    public bool Normalized { get; }

    /// <summary>Gets the number of valid (not nodata, not masked) pixels.</summary>
    public long ValidPixelCount { get; }

    /// <summary>Gets the sum over valid pixels.</summary>
    public double Sum { get; }

    /// <summary>Gets the mean over valid pixels (NaN when there is none).</summary>
    public double Mean { get; }

    /// <summary>Gets the maximum over valid pixels (NaN when there is none).</summary>
    public double Max { get; }
}
