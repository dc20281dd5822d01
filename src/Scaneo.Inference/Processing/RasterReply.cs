using System.Globalization;
using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Inference.Processing;

/// <summary>
/// A reply holding a raster (segmentation): a class mask, or C bands of scores, or one band of binary scores.
/// After <c>Argmax</c> / <c>Sigmoid(threshold)</c> the raster is the mask and <see cref="ClassScores"/> keeps the scores.
/// </summary>
public sealed class RasterReply : ModelReply
{
    /// <summary>Initializes a new reply.</summary>
    /// <param name="raster">The raster as decoded or as transformed by earlier steps.</param>
    /// <param name="kind">What the raster's values are when they are scores.</param>
    /// <param name="classScores">Per-class scores kept by a step that turned scores into a mask.</param>
    public RasterReply(Raster raster, ScoreKind kind = ScoreKind.Unknown, RasterBuffer<float>? classScores = null)
    {
        Raster = raster ?? throw new ArgumentNullException(nameof(raster));
        Kind = kind;
        ClassScores = classScores;
    }

    /// <summary>Gets the raster.</summary>
    public Raster Raster { get; }

    /// <summary>Gets what the raster's values are when they are scores.</summary>
    public ScoreKind Kind { get; }

    /// <summary>Gets per-class scores kept from an earlier step, if any.</summary>
    public RasterBuffer<float>? ClassScores { get; }

    /// <inheritdoc />
    public override string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Raster.Width} × {Raster.Height} raster with {Raster.BandCount} band{(Raster.BandCount == 1 ? string.Empty : "s")} of {Raster.DataType.ToName()}");
}
