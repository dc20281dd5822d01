using BenchmarkDotNet.Attributes;
using Scaneo.ActiveLearning.Maps;
using Scaneo.ActiveLearning.Scoring;
using Scaneo.Rasters;

namespace Scaneo.Benchmarks.ActiveLearning;

/// <summary>
/// Uncertainty maps over 5 × 2048 × 2048 float32 scores, the size of the numpy anchors in docs/performance.md
/// (numpy 1.24: softmax 73 ms, entropy map 61 ms, softmax + entropy + mean 127 ms, sorted margin 201 ms,
/// least confidence 11 ms). Each call builds the full map and its mean in one fused pass; the *Summary methods
/// compute the same statistics without keeping the map. Min and median are reported beside the mean because
/// numpy_anchor.py gives numpy's best of 7: min against best is the like-for-like ratio, mean against best the
/// conservative one.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class UncertaintyMapBenchmarks
{
    private const int Side = 2048;
    private const int Classes = 5;
    private RasterBuffer<float> _logits = null!;
    private RasterBuffer<float> _probabilities = null!;

    /// <summary>Creates random logits in [−6, 6] and their softmax.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        int plane = Side * Side;
        float[] z = new float[plane * Classes];
        float[] p = new float[plane * Classes];
        for (int i = 0; i < z.Length; i++)
        {
            z[i] = (float)((rng.NextDouble() * 12) - 6);
        }

        for (int i = 0; i < plane; i++)
        {
            double max = double.NegativeInfinity;
            for (int c = 0; c < Classes; c++)
            {
                max = Math.Max(max, z[(c * plane) + i]);
            }

            double s = 0;
            for (int c = 0; c < Classes; c++)
            {
                s += Math.Exp(z[(c * plane) + i] - max);
            }

            for (int c = 0; c < Classes; c++)
            {
                p[(c * plane) + i] = (float)(Math.Exp(z[(c * plane) + i] - max) / s);
            }
        }

        _logits = new RasterBuffer<float>(z, Side, Side, Classes);
        _probabilities = new RasterBuffer<float>(p, Side, Side, Classes);
    }

    /// <summary>Softmax + entropy + mean from logits (numpy: 127 ms; target ≤ 13 ms).</summary>
    /// <returns>The mean.</returns>
    [Benchmark(Baseline = true)]
    public double LogitsEntropyMean() => Build(_logits, UncertaintyMeasure.Entropy, ScoreInput.Logits);

    /// <summary>Softmax + 1 − margin + mean from logits (numpy sorted margin: 201 ms).</summary>
    /// <returns>The mean.</returns>
    [Benchmark]
    public double LogitsMarginMean() => Build(_logits, UncertaintyMeasure.Margin, ScoreInput.Logits);

    /// <summary>Softmax + least confidence + mean from logits.</summary>
    /// <returns>The mean.</returns>
    [Benchmark]
    public double LogitsLeastConfidenceMean() => Build(_logits, UncertaintyMeasure.LeastConfidence, ScoreInput.Logits);

    /// <summary>Entropy from probabilities (numpy entropy map: 61 ms).</summary>
    /// <returns>The mean.</returns>
    [Benchmark]
    public double ProbabilitiesEntropyMean() => Build(_probabilities, UncertaintyMeasure.Entropy, ScoreInput.Probabilities);

    /// <summary>1 − margin from probabilities (numpy sorted margin: 201 ms).</summary>
    /// <returns>The mean.</returns>
    [Benchmark]
    public double ProbabilitiesMarginMean() => Build(_probabilities, UncertaintyMeasure.Margin, ScoreInput.Probabilities);

    /// <summary>Least confidence from probabilities (numpy: 11 ms).</summary>
    /// <returns>The mean.</returns>
    [Benchmark]
    public double ProbabilitiesLeastConfidenceMean() => Build(_probabilities, UncertaintyMeasure.LeastConfidence, ScoreInput.Probabilities);

    /// <summary>Softmax + entropy + mean from logits without keeping the map (<c>Summarize</c>; numpy: 127 ms; target ≤ 13 ms).</summary>
    /// <returns>The mean.</returns>
    [Benchmark]
    public double LogitsEntropyMeanSummary() => Summarize(_logits, UncertaintyMeasure.Entropy, ScoreInput.Logits);

    /// <summary>Softmax + 1 − margin + mean from logits without keeping the map.</summary>
    /// <returns>The mean.</returns>
    [Benchmark]
    public double LogitsMarginMeanSummary() => Summarize(_logits, UncertaintyMeasure.Margin, ScoreInput.Logits);

    /// <summary>Entropy + mean from probabilities without keeping the map.</summary>
    /// <returns>The mean.</returns>
    [Benchmark]
    public double ProbabilitiesEntropyMeanSummary() => Summarize(_probabilities, UncertaintyMeasure.Entropy, ScoreInput.Probabilities);

    private static double Build(RasterBuffer<float> scores, UncertaintyMeasure measure, ScoreInput input) =>
        new UncertaintyMapBuilder { Measure = measure, Input = input }.Build(scores).Mean;

    private static double Summarize(RasterBuffer<float> scores, UncertaintyMeasure measure, ScoreInput input) =>
        new UncertaintyMapBuilder { Measure = measure, Input = input }.Summarize(scores).Mean;
}
