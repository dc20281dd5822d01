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
}
