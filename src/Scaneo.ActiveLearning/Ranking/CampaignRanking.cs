namespace Scaneo.ActiveLearning.Ranking;

/// <summary>The ranking of a campaign's unlabelled images and the next batch to label: plain properties, ready to serialize.</summary>
public sealed class CampaignRanking
{
    /// <summary>Gets the strategy, e.g. <c>power</c>.</summary>
    public required string Strategy { get; init; }

    /// <summary>Gets the measure, e.g. <c>margin</c>.</summary>
    public required string Measure { get; init; }

    /// <summary>Gets the seed of the selection.</summary>
    public required int Seed { get; init; }

    /// <summary>Gets the coldness β of stochastic strategies, else null.</summary>
    public double? Beta { get; init; }

    /// <summary>Gets every image, most uncertain first.</summary>
    public required IReadOnlyList<RankedImage> Images { get; init; }

    /// <summary>Gets the batch to label next, in pick order.</summary>
    public required IReadOnlyList<RankedImage> Batch { get; init; }
}
