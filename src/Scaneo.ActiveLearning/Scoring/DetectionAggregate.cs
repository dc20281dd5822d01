namespace Scaneo.ActiveLearning.Scoring;

/// <summary>How the box scores of one image are reduced to the image score.</summary>
public enum DetectionAggregate
{
    /// <summary>Sum of box scores: the default, best in Brust et al. (more uncertain objects = more to learn).</summary>
    Sum,

    /// <summary>Mean of box scores.</summary>
    Mean,

    /// <summary>Maximum box score.</summary>
    Max,
}
