using Scaneo.ActiveLearning.Maps;
using Scaneo.ActiveLearning.Scoring;
using Scaneo.ActiveLearning.Selection;

namespace Scaneo.ActiveLearning.Ranking;

/// <summary>Settings of <see cref="CampaignRanker"/> (bound from configuration by <c>AddScaneoActiveLearning</c>, validated on start).</summary>
public sealed class CampaignRankerOptions
{
    /// <summary>Gets or sets the measure (default <see cref="UncertaintyMeasure.Margin"/>, a strong default in the literature).</summary>
    public UncertaintyMeasure Measure { get; set; } = UncertaintyMeasure.Margin;

    /// <summary>Gets or sets a value indicating whether scores are normalised to [0, 1].</summary>
    public bool Normalize { get; set; }

    /// <summary>Gets or sets the softmax temperature for logits (positive, default 1).</summary>
    public double Temperature { get; set; } = 1;

    /// <summary>Gets or sets the batch strategy: top-k, power (default), softmax or soft-rank.</summary>
    public SelectionStrategy Strategy { get; set; } = SelectionStrategy.Power;

    /// <summary>Gets or sets the batch size (default 10).</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>Gets or sets the seed of the selection (default 0).</summary>
    public int Seed { get; set; }

    /// <summary>Gets or sets the coldness β of stochastic strategies (default 1).</summary>
    public double Beta { get; set; } = 1;

    /// <summary>Gets or sets how segmentation maps become image scores: <c>mean</c> (default), <c>max</c>, <c>sum</c> or <c>topk:FRACTION</c>.</summary>
    public string SegmentationAggregate { get; set; } = "mean";

    /// <summary>Gets or sets how detection boxes become image scores (default sum, Brust et al.).</summary>
    public DetectionAggregate DetectionAggregate { get; set; } = DetectionAggregate.Sum;

    /// <summary>Gets or sets the score of detection images without boxes (null: the maximum possible box score).</summary>
    public double? EmptyDetectionScore { get; set; }

    /// <summary>Gets or sets the map value above which a pixel counts as uncertain, for the uncertain-area fraction (null: not computed).</summary>
    public double? RegionThreshold { get; set; }

    internal ImageAggregation ParseSegmentationAggregate() => ImageAggregation.Parse(SegmentationAggregate);
}
