namespace Scaneo.ActiveLearning.Ranking;

/// <summary>The flags a <see cref="RankedImage"/> may carry, as stable strings for JSON.</summary>
public static class RankingFlags
{
    /// <summary>A detection image without any box, scored by the empty-image rule (not as certain).</summary>
    public const string NoDetections = "no-detections";

    /// <summary>Some pixels of a segmentation image were nodata and left out of the score.</summary>
    public const string NoDataPixels = "nodata-pixels";

    /// <summary>The prediction did not say whether its scores were probabilities or logits; the ranker decided from the values.</summary>
    public const string ScoreKindInferred = "score-kind-inferred";
}
