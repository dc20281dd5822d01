using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scaneo.ActiveLearning;
using Scaneo.ActiveLearning.Selection;

namespace Scaneo.ActiveLearning.Tests.Selection;

public class SelectionTests
{
    private static readonly double[] ReferenceScores = [0.1, 0.2, 0.3, 0.4];

    [Fact]
    public void Probabilities_PowerBetaTwo_MatchesReference()
    {
        double[] p = StochasticSampler.Probabilities(ReferenceScores, SelectionStrategy.Power, beta: 2);
        double[] expected = [0.033333, 0.133333, 0.3, 0.533333];
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(expected[i], p[i], 1e-6);
        }
    }

    [Fact]
    public void Probabilities_SoftmaxBetaOne_MatchesReference()
    {
        double[] p = StochasticSampler.Probabilities(ReferenceScores, SelectionStrategy.Softmax, beta: 1);
        double[] expected = [0.213838, 0.236328, 0.261183, 0.288651];
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(expected[i], p[i], 1e-6);
        }
    }

    [Fact]
    public void Probabilities_SoftRank_IsInverseRankPower()
    {
        double[] p = StochasticSampler.Probabilities(ReferenceScores, SelectionStrategy.SoftRank, beta: 1);
        double z = 1 + (1 / 2.0) + (1 / 3.0) + (1 / 4.0);
        Assert.Equal(1 / z, p[3], 1e-12);
        Assert.Equal(0.25 / z, p[0], 1e-12);
    }

    [Fact]
    public void Sample_SameSeed_IsReproducibleAndRecordsEveryCandidate()
    {
        double[] s = [.. Enumerable.Range(0, 50).Select(i => (i % 7) / 7.0)];
        var a = StochasticSampler.Sample(s, 10, SelectionStrategy.Power, 2, seed: 11);
        var b = StochasticSampler.Sample(s, 10, SelectionStrategy.Power, 2, seed: 11);
        Assert.Equal(a.SelectedIndices, b.SelectedIndices);
        Assert.Equal(50, a.Entries.Count);
        Assert.Equal(10, a.Entries.Count(e => e.Selected));
        Assert.Equal(Enumerable.Range(0, 10), a.SelectedIndices.Select(i => a.Entries[i].PickOrder!.Value));
        Assert.Equal(1, a.Entries.Sum(e => e.Probability!.Value), 1e-9);
        Assert.Equal(2, a.Beta);
        Assert.Equal(11, a.Seed);
    }

    [Fact]
    public void Sample_ManySeeds_FirstDrawFrequenciesFollowPowerProbabilities()
    {
        int[] counts = new int[4];
        for (int seed = 0; seed < 20000; seed++)
        {
            counts[StochasticSampler.Sample(ReferenceScores, 1, SelectionStrategy.Power, 2, seed).SelectedIndices[0]]++;
        }

        double[] expected = [0.033333, 0.133333, 0.3, 0.533333];
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(expected[i], counts[i] / 20000.0, 0.015);
        }
    }

    [Fact]
    public void Sample_NegativeScoreWithPower_ThrowsNamingCandidate()
    {
        var ex = Assert.Throws<UncertaintyInputException>(() => StochasticSampler.Sample([0.1, -0.2], 1));
        Assert.Equal(1, ex.Index);
    }

    [Fact]
    public void Sample_NonStochasticStrategy_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StochasticSampler.Sample(ReferenceScores, 1, SelectionStrategy.TopK));

    [Fact]
    public void TopK_Scores_PicksHighestInOrder()
    {
        var r = TopKSelector.Select([0.3, 0.9, 0.1, 0.5], 2);
        Assert.Equal([1, 3], r.SelectedIndices);
        Assert.False(r.Entries[0].Selected);
        Assert.Equal(0.9, r.Entries[1].Score);
    }

    [Fact]
    public void TopK_Ties_BrokenBySeedNotIndex()
    {
        double[] s = [.. Enumerable.Repeat(0.5, 20)];
        var picks = Enumerable.Range(0, 30).Select(seed => TopKSelector.Select(s, 1, seed).SelectedIndices[0]).Distinct().Count();
        Assert.True(picks > 3);
        Assert.Equal(TopKSelector.Select(s, 5, 3).SelectedIndices, TopKSelector.Select(s, 5, 3).SelectedIndices);
    }

    [Fact]
    public void TopK_NaNScore_ThrowsNamingCandidate()
    {
        var ex = Assert.Throws<UncertaintyInputException>(() => TopKSelector.Select([0.1, double.NaN], 1));
        Assert.Equal(1, ex.Index);
    }

    [Fact]
    public void TopK_KLargerThanCandidates_SelectsAll() =>
        Assert.Equal(3, TopKSelector.Select([1, 2, 3], 10).SelectedIndices.Count);

    [Fact]
    public void KCenterGreedy_LineReference_PicksTenThenTwo()
    {
        float[][] points = [[0], [1], [2], [10]];
        var r = KCenterGreedySelector.Select(points, labelled: [0], k: 2);
        Assert.Equal([3, 2], r.SelectedIndices);
        Assert.Equal(10, r.Entries[3].Score, 1e-6);
        Assert.Equal(2, r.Entries[2].Score, 1e-6);
        Assert.Equal(1, r.Entries[1].Score, 1e-6);
        Assert.Null(r.Entries[0].PickOrder);
    }

    [Fact]
    public void KCenterGreedy_NothingLabelled_StartsAtSeededCandidateThenFarthest()
    {
        float[][] points = [[0, 0], [0, 1], [5, 5], [9, 9]];
        var r = KCenterGreedySelector.Select(points, [], 4, seed: 1);
        Assert.Equal(4, r.SelectedIndices.Distinct().Count());
    }

    [Property(MaxTest = 30)]
    public Property KCenterGreedy_AnyPoints_EqualsNaiveGreedy() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(0, int.MaxValue)),
            seed =>
            {
                var rng = new Random(seed);
                int n = rng.Next(2, 5000);
                int d = rng.Next(1, 20);
                float[][] x = [.. Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, d).Select(_ => (float)rng.NextDouble()).ToArray())];
                int[] labelled = [.. Enumerable.Range(0, rng.Next(1, 4)).Select(_ => rng.Next(n)).Distinct()];
                int k = Math.Min(rng.Next(1, 8), n - labelled.Length);
                var r = KCenterGreedySelector.Select(x, labelled, k);
                Assert.Equal(NaiveKCenter(x, labelled, k), r.SelectedIndices);
            });

    [Fact]
    public void KCenterGreedy_RaggedFeatures_ThrowsNamingRow()
    {
        var ex = Assert.Throws<UncertaintyInputException>(() => KCenterGreedySelector.Select([[1f, 2f], [1f]], [], 1));
        Assert.Equal(1, ex.Index);
    }

    [Fact]
    public void KCenterGreedy_NaNFeature_ThrowsNamingRowAndColumn()
    {
        var ex = Assert.Throws<UncertaintyInputException>(() => KCenterGreedySelector.Select([[1f, 2f], [1f, float.NaN]], [], 1));
        Assert.Equal(1, ex.Index);
        Assert.Equal(1, ex.ClassIndex);
    }

    [Fact]
    public void ClassBalanced_ThreeClasses_RoundRobinsBestFirst()
    {
        double[] s = [0.9, 0.8, 0.7, 0.1, 0.2, 0.6];
        int[] classes = [0, 0, 0, 1, 1, 2];
        var r = ClassBalancedSelector.Select(s, classes, 4);
        Assert.Equal([0, 4, 5, 1], r.SelectedIndices);
        Assert.Equal(1, r.Entries[4].ClassIndex);
    }

    [Fact]
    public void ClassBalanced_LengthMismatch_Throws() =>
        Assert.Throws<UncertaintyInputException>(() => ClassBalancedSelector.Select([0.1, 0.2], [0], 1));

    [Fact]
    public void SquaredDistance_RandomVectors_EqualsDoublePrecision()
    {
        var rng = new Random(1);
        foreach (int d in new[] { 1, 7, 8, 9, 128, 131 })
        {
            float[] a = [.. Enumerable.Range(0, d).Select(_ => (float)rng.NextDouble())];
            float[] b = [.. Enumerable.Range(0, d).Select(_ => (float)rng.NextDouble())];
            double expected = a.Zip(b, (u, v) => (double)(u - v) * (u - v)).Sum();
            Assert.Equal(expected, KCenterGreedySelector.SquaredDistance(a, b), expected * 1e-5);
        }
    }

    private static int[] NaiveKCenter(float[][] x, int[] labelled, int k)
    {
        var centers = new List<int>(labelled);
        var picks = new List<int>();
        for (int r = 0; r < k; r++)
        {
            int best = -1;
            double bestD = -1;
            for (int i = 0; i < x.Length; i++)
            {
                if (centers.Contains(i))
                {
                    continue;
                }

                // Same distance kernel (tested below against double precision), so only the greedy logic is compared.
                double m = centers.Min(c => KCenterGreedySelector.SquaredDistance(x[i], x[c]));
                if (m > bestD)
                {
                    bestD = m;
                    best = i;
                }
            }

            centers.Add(best);
            picks.Add(best);
        }

        return [.. picks];
    }
}
