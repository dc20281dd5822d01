using BenchmarkDotNet.Attributes;
using Scaneo.ActiveLearning.Selection;

namespace Scaneo.Benchmarks.ActiveLearning;

/// <summary>k-center greedy (core-set): pick 1,000 of 100,000 random 128-d vectors, 10 labelled (target ≤ 5 s).</summary>
[MemoryDiagnoser]
public class KCenterGreedyBenchmarks
{
    private KCenterGreedySelector _selector = null!;

    /// <summary>Creates the pool.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        float[][] x = new float[100_000][];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = new float[128];
            for (int j = 0; j < 128; j++)
            {
                x[i][j] = (float)rng.NextDouble();
            }
        }

        _selector = new KCenterGreedySelector(x) { Labelled = [.. Enumerable.Range(0, 10)] };
    }

    /// <summary>Picks 1,000 centers.</summary>
    /// <returns>The last pick.</returns>
    [Benchmark]
    public int Pick1000Of100000() => _selector.Select(1000).SelectedIndices[^1];
}
