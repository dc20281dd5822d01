using Scaneo.ActiveLearning.Areas;
using Scaneo.ActiveLearning.Maps;
using Scaneo.Predictions;

namespace Scaneo.Cli.Labelling;

/// <summary>What the label job learned about one image, gathered over all models.</summary>
internal sealed class ImageOutcome(CampaignImage image)
{
    /// <summary>Gets the image.</summary>
    public CampaignImage Image { get; } = image;

    /// <summary>Gets the annotations the models proposed for it.</summary>
    public List<Annotation> Predictions { get; } = [];

    /// <summary>Gets the failures (model name and message).</summary>
    public List<string> Failures { get; } = [];

    /// <summary>Gets or sets the per-pixel uncertainty map of the segmentation model, if it returned class scores.</summary>
    public UncertaintyMap? UncertaintyMap { get; set; }

    /// <summary>Gets or sets the uncertain areas found on the map.</summary>
    public UncertainAreas? UncertainAreas { get; set; }

    /// <summary>Gets or sets the classification model's answer, kept for ranking.</summary>
    public ClassificationPrediction? Classification { get; set; }

    /// <summary>Gets or sets the segmentation model's answer (mask and class scores), kept for ranking.</summary>
    public SegmentationPrediction? Segmentation { get; set; }
}
