using System.Globalization;

namespace Scaneo.ActiveLearning.Scoring;

/// <summary>
/// Uncertainty over T stochastic passes (MC dropout) or ensemble members of one prediction: BALD, variation ratio,
/// mean standard deviation and predictive entropy. Static one-shot calls plus a configurable instance.
/// </summary>
/// <example>
/// <code>
/// double mi = EnsembleScorer.Bald([[0.9, 0.1], [0.1, 0.9]]); // 0.368064
/// </code>
/// </example>
public sealed class EnsembleScorer
{
    private double _temperature = 1;

    /// <summary>Gets or sets the measure (default <see cref="EnsembleMeasure.Bald"/>).</summary>
    public EnsembleMeasure Measure { get; set; } = EnsembleMeasure.Bald;

    /// <summary>Gets or sets what each pass's scores are (default probabilities).</summary>
    public ScoreInput Input { get; set; } = ScoreInput.Probabilities;

    /// <summary>Gets or sets the softmax temperature for logits; positive, default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a positive finite number.</exception>
    public double Temperature
    {
        get => _temperature;
        set
        {
            ProbabilityMath.RequireTemperature(value);
            _temperature = value;
        }
    }

    /// <summary>BALD (mutual information) <c>H(mean_t p_t) − mean_t H(p_t)</c> of probability passes.</summary>
    /// <param name="passes">T ≥ 1 distributions over the same C classes.</param>
    /// <returns>The mutual information in nats, ≥ 0 and ≤ the predictive entropy.</returns>
    /// <exception cref="UncertaintyInputException">No passes, passes of different lengths, or an invalid distribution (named).</exception>
    public static double Bald(IReadOnlyList<double[]> passes) => new EnsembleScorer { Measure = EnsembleMeasure.Bald }.ScorePasses(passes);

    /// <summary>Variation ratio <c>1 − (modal arg-max votes) / T</c>.</summary>
    /// <param name="passes">T ≥ 1 distributions.</param>
    /// <returns>The variation ratio in [0, 1 − 1/T].</returns>
    /// <exception cref="UncertaintyInputException">Invalid passes.</exception>
    public static double VariationRatio(IReadOnlyList<double[]> passes) => new EnsembleScorer { Measure = EnsembleMeasure.VariationRatio }.ScorePasses(passes);

    /// <summary>Mean over classes of the population standard deviation of p over the passes.</summary>
    /// <param name="passes">T ≥ 1 distributions.</param>
    /// <returns>The mean standard deviation in [0, 0.5].</returns>
    /// <exception cref="UncertaintyInputException">Invalid passes.</exception>
    public static double MeanStandardDeviation(IReadOnlyList<double[]> passes) => new EnsembleScorer { Measure = EnsembleMeasure.MeanStandardDeviation }.ScorePasses(passes);

    /// <summary>Computes an ensemble measure.</summary>
    /// <param name="passes">T ≥ 1 score vectors over the same classes.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="input">Whether the scores are probabilities or logits.</param>
    /// <returns>The uncertainty.</returns>
    /// <exception cref="UncertaintyInputException">Invalid passes.</exception>
    public static double Score(IReadOnlyList<double[]> passes, EnsembleMeasure measure, ScoreInput input = ScoreInput.Probabilities) =>
        new EnsembleScorer { Measure = measure, Input = input }.ScorePasses(passes);

    /// <summary>Scores the passes with this instance's settings.</summary>
    /// <param name="passes">T ≥ 1 score vectors over the same C classes.</param>
    /// <returns>The uncertainty.</returns>
    /// <exception cref="UncertaintyInputException">No passes, passes of different lengths, or an invalid distribution (named by pass and class).</exception>
    public double ScorePasses(IReadOnlyList<double[]> passes)
    {
        ArgumentNullException.ThrowIfNull(passes);
        if (passes.Count == 0)
        {
            throw new UncertaintyInputException("passes: expected at least one pass or ensemble member, found none.");
        }

        int c = passes[0]?.Length ?? 0;
        for (int t = 0; t < passes.Count; t++)
        {
            double[]? pass = passes[t];
            if (pass is null || pass.Length != c || c == 0)
            {
                throw new UncertaintyInputException(
                    string.Create(CultureInfo.InvariantCulture, $"pass {t}: expected {Math.Max(c, 1)}+ class scores like pass 0, found {pass?.Length.ToString(CultureInfo.InvariantCulture) ?? "null"}."),
                    t);
            }
        }

        RequireSettings();

        // Convert each pass straight into the probability matrix (no intermediate flat copy of the raw scores).
        double[] p = new double[passes.Count * c];
        for (int t = 0; t < passes.Count; t++)
        {
            ToProbabilities(passes[t], t, p.AsSpan(t * c, c));
        }

        return Compute(p, passes.Count, c, Measure);
    }

    /// <summary>Scores T passes stored row-major (T × C).</summary>
    /// <param name="passes">T × <paramref name="classCount"/> scores.</param>
    /// <param name="classCount">Number of classes C.</param>
    /// <returns>The uncertainty.</returns>
    /// <exception cref="UncertaintyInputException">Empty input, a length that is not a multiple of C, or an invalid pass.</exception>
    public double ScorePasses(ReadOnlySpan<double> passes, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        RequireSettings();
        if (passes.IsEmpty || passes.Length % classCount != 0)
        {
            throw new UncertaintyInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"passes: expected a non-empty multiple of {classCount} values (passes × classes), found {passes.Length}."));
        }

        int t = passes.Length / classCount;
        double[] p = new double[passes.Length];
        for (int i = 0; i < t; i++)
        {
            ToProbabilities(passes.Slice(i * classCount, classCount), i, p.AsSpan(i * classCount, classCount));
        }

        return Compute(p, t, classCount, Measure);
    }

    private void RequireSettings()
    {
        if (!Enum.IsDefined(Measure))
        {
            throw new ArgumentOutOfRangeException(nameof(Measure), Measure, "Unknown ensemble measure.");
        }

        ProbabilityMath.RequireDefined(Input);
    }

    private void ToProbabilities(ReadOnlySpan<double> scores, int pass, Span<double> destination) =>
        ProbabilityMath.ToProbabilities(scores, Input, _temperature, destination, "pass " + pass.ToString(CultureInfo.InvariantCulture), pass);

    internal static double Compute(ReadOnlySpan<double> p, int t, int c, EnsembleMeasure measure)
    {
        Span<double> mean = c <= 256 ? stackalloc double[c] : new double[c];
        mean.Clear();
        for (int i = 0; i < t; i++)
        {
            for (int k = 0; k < c; k++)
            {
                mean[k] += p[(i * c) + k];
            }
        }

        for (int k = 0; k < c; k++)
        {
            mean[k] /= t;
        }

        switch (measure)
        {
            case EnsembleMeasure.PredictiveEntropy:
                return ProbabilityMath.Entropy(mean);

            case EnsembleMeasure.Bald:
            {
                double expected = 0;
                for (int i = 0; i < t; i++)
                {
                    expected += ProbabilityMath.Entropy(p.Slice(i * c, c));
                }

                // Jensen guarantees H(mean) ≥ mean H; clamp the rounding residue so the property holds exactly.
                double h = ProbabilityMath.Entropy(mean);
                return Math.Clamp(h - (expected / t), 0, h);
            }

            case EnsembleMeasure.VariationRatio:
            {
                Span<int> votes = c <= 256 ? stackalloc int[c] : new int[c];
                votes.Clear();
                for (int i = 0; i < t; i++)
                {
                    votes[ProbabilityMath.ArgMax(p.Slice(i * c, c))]++;
                }

                int mode = 0;
                foreach (int v in votes)
                {
                    mode = Math.Max(mode, v);
                }

                return 1 - ((double)mode / t);
            }

            default:
            {
                double total = 0;
                for (int k = 0; k < c; k++)
                {
                    double ss = 0;
                    for (int i = 0; i < t; i++)
                    {
                        double d = p[(i * c) + k] - mean[k];
                        ss += d * d;
                    }

                    total += Math.Sqrt(ss / t);
                }

                return total / c;
            }
        }
    }
}
