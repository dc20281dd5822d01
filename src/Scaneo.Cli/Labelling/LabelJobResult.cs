using Scaneo.ActiveLearning.Ranking;
using Scaneo.Annotations.Building;

namespace Scaneo.Cli.Labelling;

/// <summary>What a label job produced.</summary>
internal sealed record LabelJobResult(
    Campaign Campaign,
    AnnotationSet Annotations,
    IReadOnlyList<ImageOutcome> Images,
    CampaignRanking? Ranking,
    TimeSpan Elapsed)
{
    /// <summary>Gets the number of images with at least one failed model.</summary>
    public int FailedImages => Images.Count(i => i.Failures.Count > 0);
}
