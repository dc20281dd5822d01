namespace Scaneo.ActiveLearning.Ranking;

/// <summary>One image of a ranking with the reasons for its place: plain properties, ready to serialize.</summary>
public sealed class RankedImage
{
    /// <summary>Gets the image path relative to the campaign folder.</summary>
    public required string ImagePath { get; init; }

    /// <summary>Gets the task of the prediction: <c>classification</c>, <c>detection</c> or <c>segmentation</c>.</summary>
    public required string Task { get; init; }

    /// <summary>Gets the uncertainty score (higher = more worth labelling).</summary>
    public required double Score { get; init; }

    /// <summary>Gets the measure, e.g. <c>margin</c>.</summary>
    public required string Measure { get; init; }

    /// <summary>Gets how pixels or boxes were reduced, e.g. <c>mean</c>, <c>sum</c>, <c>topk:0.1</c>; <c>none</c> for classification.</summary>
    public required string Aggregate { get; init; }

    /// <summary>Gets the fraction of valid pixels above the region threshold (segmentation with a threshold), else null.</summary>
    public double? UncertainAreaFraction { get; init; }

    /// <summary>Gets the 1-based rank by score (ties by input order).</summary>
    public required int Rank { get; init; }

    /// <summary>Gets a value indicating whether the image is in the batch.</summary>
    public bool Selected => PickOrder is not null;

    /// <summary>Gets the 0-based position in the batch, or null.</summary>
    public int? PickOrder { get; init; }

    /// <summary>Gets the probability of being drawn first, for stochastic strategies.</summary>
    public double? Probability { get; init; }

    /// <summary>Gets the flags (see <see cref="RankingFlags"/>).</summary>
    public required IReadOnlyList<string> Flags { get; init; }
}
