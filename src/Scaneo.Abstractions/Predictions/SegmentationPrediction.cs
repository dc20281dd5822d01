using Scaneo.Rasters;

namespace Scaneo.Predictions;

/// <summary>
/// A segmentation reply aligned to the sent image's grid: a one-band class mask and, when the model returned them,
/// per-class scores (one band per class) that feed uncertainty.
/// </summary>
public sealed class SegmentationPrediction
{
    /// <summary>Initializes a new prediction.</summary>
    /// <param name="classMask">One band of integer class values (uint8, uint16 or int32).</param>
    /// <param name="classScores">Optional C-band scores of the same size.</param>
    /// <param name="scoreKind">Whether the scores are probabilities or logits.</param>
    /// <exception cref="ScaneoValidationException">A multi-band or non-integer mask, or scores of another size.</exception>
    public SegmentationPrediction(Raster classMask, RasterBuffer<float>? classScores = null, ScoreKind scoreKind = ScoreKind.Unknown)
    {
        ArgumentNullException.ThrowIfNull(classMask);
        if (classMask.BandCount != 1)
        {
            throw new ScaneoValidationException("SegmentationPrediction.ClassMask", $"{classMask.BandCount} bands", "must have 1 band of class values.");
        }

        if (classMask.DataType is not (RasterDataType.UInt8 or RasterDataType.UInt16 or RasterDataType.Int32))
        {
            throw new ScaneoValidationException("SegmentationPrediction.ClassMask", classMask.DataType.ToName(), "must hold integer class values (uint8, uint16 or int32).");
        }

        if (classScores is not null && (classScores.Width != classMask.Width || classScores.Height != classMask.Height))
        {
            throw new ScaneoValidationException(
                "SegmentationPrediction.ClassScores",
                $"{classScores.Width} × {classScores.Height}",
                $"must have the mask's size {classMask.Width} × {classMask.Height}.");
        }

        ClassMask = classMask;
        ClassScores = classScores;
        ScoreKind = scoreKind;
    }

    /// <summary>Gets the class mask.</summary>
    public Raster ClassMask { get; }

    /// <summary>Gets the per-class scores (band i = output i), if the model returned them.</summary>
    public RasterBuffer<float>? ClassScores { get; }

    /// <summary>Gets whether the scores are probabilities or logits.</summary>
    public ScoreKind ScoreKind { get; }
}
