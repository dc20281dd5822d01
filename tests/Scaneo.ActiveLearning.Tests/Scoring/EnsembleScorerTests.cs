using Scaneo.ActiveLearning;
using Scaneo.ActiveLearning.Scoring;

namespace Scaneo.ActiveLearning.Tests.Scoring;

public class EnsembleScorerTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Bald_DisagreeingConfidentPasses_MatchesReference() =>
        Assert.Equal(0.368064, EnsembleScorer.Bald([[0.9, 0.1], [0.1, 0.9]]), Tolerance);

    [Fact]
    public void Bald_AllAleatoric_IsZero() =>
        Assert.Equal(0, EnsembleScorer.Bald([[0.5, 0.5], [0.5, 0.5]]), Tolerance);

    [Fact]
    public void Bald_ThreeClassRotation_MatchesReference() =>
        Assert.Equal(0.296794, EnsembleScorer.Bald([[0.7, 0.2, 0.1], [0.1, 0.7, 0.2], [0.2, 0.1, 0.7]]), Tolerance);

    [Fact]
    public void Measures_ThreePassExample_MatchReference()
    {
        double[][] passes = [[0.6, 0.4], [0.6, 0.4], [0.1, 0.9]];
        Assert.Equal(0.127196, EnsembleScorer.Bald(passes), Tolerance);
        Assert.Equal(0.235702, EnsembleScorer.MeanStandardDeviation(passes), Tolerance);
        Assert.Equal(0.333333, EnsembleScorer.VariationRatio(passes), Tolerance);
    }

    [Fact]
    public void Score_LogitPasses_AreSoftmaxedFirst()
    {
        double u = EnsembleScorer.Score([[2, 1, 0], [2, 1, 0]], EnsembleMeasure.PredictiveEntropy, ScoreInput.Logits);
        Assert.Equal(0.832396, u, Tolerance);
    }

    [Fact]
    public void ScorePasses_DifferentLengths_ThrowsNamingPass()
    {
        var ex = Assert.Throws<UncertaintyInputException>(() => EnsembleScorer.Bald([[0.5, 0.5], [0.2, 0.3, 0.5]]));
        Assert.Equal(1, ex.Index);
    }

    [Fact]
    public void ScorePasses_InvalidPass_ThrowsNamingPass()
    {
        var ex = Assert.Throws<UncertaintyInputException>(() => EnsembleScorer.Bald([[0.5, 0.5], [0.2, 0.2]]));
        Assert.Equal(1, ex.Index);
        Assert.Contains("pass 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScorePasses_NoPasses_Throws() =>
        Assert.Throws<UncertaintyInputException>(() => EnsembleScorer.Bald([]));
}
