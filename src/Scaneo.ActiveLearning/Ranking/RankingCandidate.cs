using Scaneo.ActiveLearning.Maps;
using Scaneo.Predictions;

namespace Scaneo.ActiveLearning.Ranking;

/// <summary>One unlabelled campaign image and the model's prediction for it (classification, detection or segmentation).</summary>
public sealed class RankingCandidate
{
    /// <summary>Initializes a classification candidate.</summary>
    /// <param name="imagePath">Image path relative to the campaign folder.</param>
    /// <param name="prediction">The prediction.</param>
    public RankingCandidate(string imagePath, ClassificationPrediction prediction)
        : this(imagePath)
    {
        Classification = prediction ?? throw new ArgumentNullException(nameof(prediction));
    }

    /// <summary>Initializes a detection candidate.</summary>
    /// <param name="imagePath">Image path relative to the campaign folder.</param>
    /// <param name="prediction">The prediction.</param>
    public RankingCandidate(string imagePath, DetectionPrediction prediction)
        : this(imagePath)
    {
        Detection = prediction ?? throw new ArgumentNullException(nameof(prediction));
    }

    /// <summary>Initializes a segmentation candidate (its per-class scores are required).</summary>
    /// <param name="imagePath">Image path relative to the campaign folder.</param>
    /// <param name="prediction">The prediction.</param>
    public RankingCandidate(string imagePath, SegmentationPrediction prediction)
        : this(imagePath)
    {
        Segmentation = prediction ?? throw new ArgumentNullException(nameof(prediction));
    }

    /// <summary>
    /// Initializes a segmentation candidate with the uncertainty map the host already computed from its scores (for
    /// overlays or uncertain areas), so ranking does not compute it again. The ranker uses the map only when its
    /// measure and normalisation are the ranker's, and recomputes it from the scores otherwise.
    /// </summary>
    /// <param name="imagePath">Image path relative to the campaign folder.</param>
    /// <param name="prediction">The prediction; its per-class scores are required.</param>
    /// <param name="map">The map computed from <paramref name="prediction"/>'s scores.</param>
    /// <exception cref="ScaneoValidationException">The map's size differs from the scores'.</exception>
    public RankingCandidate(string imagePath, SegmentationPrediction prediction, UncertaintyMap map)
        : this(imagePath, prediction)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (prediction.ClassScores is not { } scores || map.Raster.Width != scores.Width || map.Raster.Height != scores.Height)
        {
            throw new ScaneoValidationException(
                "RankingCandidate.Map",
                $"{map.Raster.Width} × {map.Raster.Height}",
                "must be the uncertainty map of the prediction's class scores (same size).");
        }

        Map = map;
    }

    private RankingCandidate(string imagePath)
    {
        if (string.IsNullOrWhiteSpace(imagePath))
        {
            throw new ScaneoValidationException("RankingCandidate.ImagePath", imagePath, "must be the image path relative to the campaign folder.");
        }

        ImagePath = imagePath;
    }

    /// <summary>Gets the image path relative to the campaign folder.</summary>
    public string ImagePath { get; }

    /// <summary>Gets the classification prediction, if this is one.</summary>
    public ClassificationPrediction? Classification { get; }

    /// <summary>Gets the detection prediction, if this is one.</summary>
    public DetectionPrediction? Detection { get; }

    /// <summary>Gets the segmentation prediction, if this is one.</summary>
    public SegmentationPrediction? Segmentation { get; }

    /// <summary>Gets the uncertainty map the host computed for the segmentation, if it gave one.</summary>
    public UncertaintyMap? Map { get; }
}
