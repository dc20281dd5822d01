using Scaneo.ActiveLearning.Scoring;
using Scaneo.Rasters;

namespace Scaneo.ActiveLearning.Maps;

/// <summary>
/// A per-pixel uncertainty map computed from a C-band score raster (band = class): a one-band float32 raster with
/// the scores' georeferencing, NaN where the input is nodata or masked, plus the count, sum and maximum of the
/// valid pixels gathered in the same pass.
/// </summary>
/// <example>
/// <code>
/// UncertaintyMap map = UncertaintyMap.Compute(logits, UncertaintyMeasure.Entropy, ScoreInput.Logits);
/// double score = map.Aggregate(ImageAggregation.TopFraction(0.1));
/// </code>
/// </example>
public sealed class UncertaintyMap
{
    private readonly UncertaintySummary _summary;

    internal UncertaintyMap(RasterBuffer<float> raster, RasterBuffer<float> scores, UncertaintySummary summary)
    {
        Raster = raster;
        Scores = scores;
        _summary = summary;
    }

    /// <summary>Gets the map: one float32 band, the input's size, geotransform and CRS, nodata NaN.</summary>
    public RasterBuffer<float> Raster { get; }

    /// <summary>Gets the score raster the map was computed from (not copied).</summary>
    public RasterBuffer<float> Scores { get; }

    /// <summary>Gets the measure.</summary>
    public UncertaintyMeasure Measure => _summary.Measure;

    /// <summary>Gets what the scores were.</summary>
    public ScoreInput Input => _summary.Input;

    /// <summary>Gets a value indicating whether the values are normalised to [0, 1].</summary>
    public bool Normalized => _summary.Normalized;

    /// <summary>Gets the number of valid (not nodata, not masked) pixels.</summary>
    public long ValidPixelCount => _summary.ValidPixelCount;

    /// <summary>Gets the sum over valid pixels.</summary>
    public double Sum => _summary.Sum;

    /// <summary>Gets the mean over valid pixels (NaN when there is none).</summary>
    public double Mean => _summary.Mean;

    /// <summary>Gets the maximum over valid pixels (NaN when there is none).</summary>
    public double Max => _summary.Max;

    /// <summary>Computes a map with default settings.</summary>
    /// <param name="scores">C bands of class scores (C ≥ 1); the raster's nodata marks pixels to skip.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="input">Whether the bands are probabilities or logits.</param>
    /// <param name="normalize">Whether to scale to [0, 1].</param>
    /// <returns>The map.</returns>
    /// <exception cref="UncertaintyInputException">A pixel with NaN/∞ or probabilities not summing to 1 (named by row and column).</exception>
    public static UncertaintyMap Compute(RasterBuffer<float> scores, UncertaintyMeasure measure, ScoreInput input = ScoreInput.Probabilities, bool normalize = false) =>
        new UncertaintyMapBuilder { Measure = measure, Input = input, Normalize = normalize }.Build(scores);

    /// <summary>Reduces the map to one image score.</summary>
    /// <param name="aggregation">The reduction; class weights apply to each pixel's arg-max class of <see cref="Scores"/>.</param>
    /// <returns>The image score.</returns>
    /// <exception cref="UncertaintyInputException">No valid pixel.</exception>
    public double Aggregate(ImageAggregation aggregation)
    {
        ArgumentNullException.ThrowIfNull(aggregation);
        switch (aggregation.Kind)
        {
            case ImageAggregateKind.Mean when ValidPixelCount > 0:
                return Mean;
            case ImageAggregateKind.Max when ValidPixelCount > 0:
                return Max;
            case ImageAggregateKind.Sum when ValidPixelCount > 0:
                return Sum;
            case ImageAggregateKind.ClassWeightedMean:
                return UncertaintyAggregator.Aggregate(Raster.GetBand(0), aggregation, PredictedClasses());
            default:
                return UncertaintyAggregator.Aggregate(Raster, aggregation);
        }
    }

    /// <summary>Returns the arg-max class of every pixel of <see cref="Scores"/> (the first class on ties; −1 where the map is NaN).</summary>
    /// <returns>One class per pixel, row-major.</returns>
    public int[] PredictedClasses()
    {
        int plane = Scores.Width * Scores.Height;
        int classes = Scores.BandCount;
        float[] data = Scores.GetArray();
        Span<float> map = Raster.GetBand(0);
        int[] result = new int[plane];
        float[] best = new float[plane];
        data.AsSpan(0, plane).CopyTo(best);
        for (int c = 1; c < classes; c++)
        {
            ReadOnlySpan<float> band = data.AsSpan(c * plane, plane);
            for (int i = 0; i < plane; i++)
            {
                if (band[i] > best[i])
                {
                    best[i] = band[i];
                    result[i] = c;
                }
            }
        }

        for (int i = 0; i < plane; i++)
        {
            if (float.IsNaN(map[i]))
            {
                result[i] = -1;
            }
        }

        return result;
    }
}
