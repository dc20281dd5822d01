using Scaneo.ActiveLearning;
using Scaneo.ActiveLearning.Scoring;

namespace Scaneo.ActiveLearning.Tests.Scoring;

public class UncertaintyScorerTests
{
    private const double Tolerance = 1e-6;

    // Reference table of active-learning.md: p, least confidence, margin p(1) − p(2), ratio, entropy, entropy / ln C.
    public static TheoryData<double[], double, double, double, double, double> ReferenceTable => new()
    {
        { [0.7, 0.2, 0.1], 0.3, 0.5, 0.285714, 0.801819, 0.729847 },
        { [0.5, 0.5], 0.5, 0, 1, 0.693147, 1 },
        { [0.4, 0.35, 0.25], 0.6, 0.05, 0.875, 1.080528, 0.983539 },
        { [1, 0, 0], 0, 1, 0, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(ReferenceTable))]
    public void Score_ReferenceTable_MatchesEveryColumn(double[] p, double lc, double margin, double ratio, double entropy, double normalizedEntropy)
    {
        Assert.Equal(lc, UncertaintyScorer.LeastConfidence(p), Tolerance);
        Assert.Equal(1 - margin, UncertaintyScorer.Margin(p), Tolerance);
        Assert.Equal(ratio, UncertaintyScorer.Ratio(p), Tolerance);
        Assert.Equal(entropy, UncertaintyScorer.Entropy(p), Tolerance);
        Assert.Equal(normalizedEntropy, UncertaintyScorer.Score(p, UncertaintyMeasure.Entropy, normalize: true), Tolerance);
    }

    [Fact]
    public void Softmax_ReferenceLogits_MatchesTable()
    {
        double[] p = UncertaintyScorer.Softmax([2, 1, 0]);
        Assert.Equal(0.665241, p[0], Tolerance);
        Assert.Equal(0.244728, p[1], Tolerance);
        Assert.Equal(0.090031, p[2], Tolerance);
    }

    [Fact]
    public void Score_ReferenceLogits_MatchesEntropyLeastConfidenceAndMargin()
    {
        double[] z = [2, 1, 0];
        Assert.Equal(0.832396, UncertaintyScorer.Score(z, UncertaintyMeasure.Entropy, ScoreInput.Logits), Tolerance);
        Assert.Equal(0.334759, UncertaintyScorer.Score(z, UncertaintyMeasure.LeastConfidence, ScoreInput.Logits), Tolerance);
        Assert.Equal(1 - 0.420512, UncertaintyScorer.Score(z, UncertaintyMeasure.Margin, ScoreInput.Logits), Tolerance);
    }

    [Fact]
    public void Score_ReferenceLogitsAtTemperatureTwo_MatchesSoftmaxAndEntropy()
    {
        double[] p = UncertaintyScorer.Softmax([2, 1, 0], temperature: 2);
        Assert.Equal(0.506480, p[0], Tolerance);
        Assert.Equal(0.307196, p[1], Tolerance);
        Assert.Equal(0.186324, p[2], Tolerance);
        var scorer = new UncertaintyScorer { Measure = UncertaintyMeasure.Entropy, Input = ScoreInput.Logits, Temperature = 2 };
        Assert.Equal(1.020191, scorer.ScoreRow([2, 1, 0]), Tolerance);
    }

    [Fact]
    public void Score_NormalizedLeastConfidence_ScalesByCOverCMinusOne()
    {
        double u = UncertaintyScorer.Score([0.7, 0.2, 0.1], UncertaintyMeasure.LeastConfidence, normalize: true);
        Assert.Equal(0.3 * 3 / 2, u, Tolerance);
        Assert.Equal(1, UncertaintyScorer.Score([0.25, 0.25, 0.25, 0.25], UncertaintyMeasure.LeastConfidence, normalize: true), Tolerance);
    }

    [Fact]
    public void Score_RowNotSummingToOne_ThrowsNamingRow()
    {
        var scorer = new UncertaintyScorer { Measure = UncertaintyMeasure.Entropy };
        var ex = Assert.Throws<UncertaintyInputException>(() => scorer.ScoreRows([0.5, 0.5, 0.5, 0.4], classCount: 2));
        Assert.Equal(1, ex.Index);
        Assert.Contains("row 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0.9", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ScaneoException>(ex);
    }

    [Fact]
    public void Score_SumWithinTolerance_IsAccepted()
    {
        Assert.Equal(0.5, UncertaintyScorer.LeastConfidence([0.5, 0.5009]), 1e-3);
        Assert.Throws<UncertaintyInputException>(() => UncertaintyScorer.LeastConfidence([0.5, 0.5011]));
    }

    [Fact]
    public void Score_NaNValue_ThrowsNamingRowAndClass()
    {
        var scorer = new UncertaintyScorer { Input = ScoreInput.Logits };
        var ex = Assert.Throws<UncertaintyInputException>(() => scorer.ScoreRows([1, 2, 3, double.NaN], classCount: 2));
        Assert.Equal(1, ex.Index);
        Assert.Equal(1, ex.ClassIndex);
        Assert.Contains("row 1, class 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_InfiniteLogit_Throws()
    {
        var ex = Assert.Throws<UncertaintyInputException>(() => UncertaintyScorer.Score([1, double.PositiveInfinity], UncertaintyMeasure.Margin, ScoreInput.Logits));
        Assert.Equal(1, ex.ClassIndex);
    }

    [Fact]
    public void Score_NegativeProbability_ThrowsNamingClass()
    {
        var ex = Assert.Throws<UncertaintyInputException>(() => UncertaintyScorer.Entropy([0.6, -0.2, 0.6]));
        Assert.Equal(1, ex.ClassIndex);
    }

    [Fact]
    public void Score_EmptyRow_Throws()
    {
        Assert.Throws<UncertaintyInputException>(() => UncertaintyScorer.Entropy([]));
        Assert.Throws<UncertaintyInputException>(() => new UncertaintyScorer().ScoreRows([], 3));
        Assert.Throws<UncertaintyInputException>(() => new UncertaintyScorer().ScoreRows(Array.Empty<double[]>()));
    }

    [Fact]
    public void Temperature_NotPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new UncertaintyScorer { Temperature = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new UncertaintyScorer { Temperature = double.NaN });
    }

    [Theory]
    [InlineData(UncertaintyMeasure.LeastConfidence, 4, false, 0.75)]
    [InlineData(UncertaintyMeasure.Entropy, 4, false, 1.3862943611198906)]
    [InlineData(UncertaintyMeasure.Entropy, 4, true, 1)]
    [InlineData(UncertaintyMeasure.Margin, 4, false, 1)]
    [InlineData(UncertaintyMeasure.Ratio, 1, false, 0)]
    public void MaximumScore_Measure_EqualsValueAtUniform(UncertaintyMeasure measure, int classes, bool normalize, double expected)
    {
        Assert.Equal(expected, UncertaintyScorer.MaximumScore(measure, classes, normalize), 1e-12);
        double[] uniform = Enumerable.Repeat(1.0 / classes, classes).ToArray();
        Assert.Equal(expected, UncertaintyScorer.Score(uniform, measure, normalize: normalize), 1e-12);
    }

    [Fact]
    public void Score_SingleClass_IsZero()
    {
        foreach (var m in Enum.GetValues<UncertaintyMeasure>())
        {
            Assert.Equal(0, UncertaintyScorer.Score([1.0], m, normalize: true), 1e-12);
            Assert.Equal(0, UncertaintyScorer.Score([3.0], m, ScoreInput.Logits), 1e-12);
        }
    }
}
