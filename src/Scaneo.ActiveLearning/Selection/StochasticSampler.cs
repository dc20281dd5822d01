using System.Globalization;

namespace Scaneo.ActiveLearning.Selection;

/// <summary>
/// Stochastic batch acquisition (Kirsch et al., "Stochastic Batch Acquisition"): draw k candidates without
/// replacement with probabilities from the scores — power p ∝ s^β, softmax p ∝ exp(β·s), soft-rank
/// p ∝ rank^(−β). Draws use the Gumbel-top-k trick, equivalent to sequential sampling without replacement, and
/// are reproducible from the seed.
/// </summary>
public static class StochasticSampler
{
    /// <summary>The probability of each candidate being drawn first.</summary>
    /// <param name="scores">Finite scores; power sampling needs them non-negative.</param>
    /// <param name="strategy"><see cref="SelectionStrategy.Power"/>, <see cref="SelectionStrategy.Softmax"/> or <see cref="SelectionStrategy.SoftRank"/>.</param>
    /// <param name="beta">Coldness β ≥ 0 (0 = uniform; large = top-k).</param>
    /// <param name="seed">Seed of the tie-break between equal scores (soft-rank only).</param>
    /// <returns>Probabilities summing to 1.</returns>
    /// <exception cref="UncertaintyInputException">A non-finite score, or a negative one for power sampling.</exception>
    public static double[] Probabilities(IReadOnlyList<double> scores, SelectionStrategy strategy, double beta = 1, int seed = 0)
    {
        double[] s = SelectionGuard.Scores(scores);
        if (s.Length == 0)
        {
            return [];
        }

        return Compute(s, strategy, beta, SelectionGuard.TieKeys(s.Length, new Random(seed)));
    }

    /// <summary>Draws k candidates without replacement.</summary>
    /// <param name="scores">Finite scores; power sampling needs them non-negative.</param>
    /// <param name="k">Batch size; more than the candidates selects them all.</param>
    /// <param name="strategy"><see cref="SelectionStrategy.Power"/> (default in the literature), <see cref="SelectionStrategy.Softmax"/> or <see cref="SelectionStrategy.SoftRank"/>.</param>
    /// <param name="beta">Coldness β ≥ 0, default 1.</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <returns>Every candidate with its first-draw probability, and the draws in order.</returns>
    /// <exception cref="UncertaintyInputException">A non-finite score, or a negative one for power sampling.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative k, β, or a strategy that is not stochastic.</exception>
    public static SelectionResult Sample(IReadOnlyList<double> scores, int k, SelectionStrategy strategy = SelectionStrategy.Power, double beta = 1, int seed = 0)
    {
        double[] s = SelectionGuard.Scores(scores);
        int take = SelectionGuard.Count(k, s.Length);
        var rng = new Random(seed);
        int[] tieKeys = SelectionGuard.TieKeys(s.Length, rng);
        double[] p = s.Length == 0 ? [] : Compute(s, strategy, beta, tieKeys);

        // Gumbel-top-k: the k largest log p + Gumbel noise are a draw without replacement from p.
        double[] keys = new double[s.Length];
        for (int i = 0; i < s.Length; i++)
        {
            double u = rng.NextDouble();
            double gumbel = -Math.Log(-Math.Log(u + double.Epsilon) + double.Epsilon);
            keys[i] = p[i] > 0 ? Math.Log(p[i]) + gumbel : double.NegativeInfinity;
        }

        int[] order = SelectionGuard.OrderByScore(keys, tieKeys);
        var entries = SelectionGuard.Entries(s);
        int[] picked = order[..take];
        for (int i = 0; i < s.Length; i++)
        {
            entries[i].Probability = p[i];
        }

        for (int r = 0; r < take; r++)
        {
            entries[picked[r]].PickOrder = r;
        }

        return new SelectionResult(strategy, seed, beta, entries, picked);
    }

    private static double[] Compute(double[] s, SelectionStrategy strategy, double beta, int[] tieKeys)
    {
        if (!(beta >= 0) || !double.IsFinite(beta))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "The coldness β must be a non-negative finite number.");
        }

        double[] w = new double[s.Length];
        switch (strategy)
        {
            case SelectionStrategy.Power:
                for (int i = 0; i < s.Length; i++)
                {
                    if (s[i] < 0)
                    {
                        throw new UncertaintyInputException(
                            string.Create(CultureInfo.InvariantCulture, $"candidate {i}: power sampling needs non-negative scores, found {s[i]}."), i);
                    }

                    w[i] = beta == 0 ? 1 : Math.Pow(s[i], beta);
                }

                break;

            case SelectionStrategy.Softmax:
            {
                double max = s.Max();
                for (int i = 0; i < s.Length; i++)
                {
                    w[i] = Math.Exp(beta * (s[i] - max));
                }

                break;
            }

            case SelectionStrategy.SoftRank:
            {
                int[] order = SelectionGuard.OrderByScore(s, tieKeys);
                for (int r = 0; r < order.Length; r++)
                {
                    w[order[r]] = Math.Pow(r + 1, -beta);
                }

                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Expected power, softmax or soft-rank sampling.");
        }

        double total = w.Sum();
        if (total <= 0 || !double.IsFinite(total))
        {
            // Every score is 0 under power sampling: nothing distinguishes the candidates, draw uniformly.
            Array.Fill(w, 1.0 / w.Length);
            return w;
        }

        for (int i = 0; i < w.Length; i++)
        {
            w[i] /= total;
        }

        return w;
    }
}
