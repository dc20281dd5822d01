using System.Globalization;

namespace Scaneo.ActiveLearning.Scoring;

/// <summary>Double-precision validation, softmax and measures shared by every scorer (the reference the SIMD maps are tested against).</summary>
internal static class ProbabilityMath
{
    /// <summary>Tolerance on the sum of a probability row, as the conventions say (not silently renormalised).</summary>
    public const double SumTolerance = 1e-3;

    /// <summary>
    /// Validates <paramref name="scores"/> and writes the probability distribution to <paramref name="probabilities"/>.
    /// </summary>
    /// <param name="scores">The row.</param>
    /// <param name="input">Probabilities or logits.</param>
    /// <param name="temperature">Softmax temperature for logits.</param>
    /// <param name="probabilities">Destination, same length.</param>
    /// <param name="what">Name of the row in messages, e.g. "row 3" or "pixel (row 2, column 5)".</param>
    /// <param name="index">Index reported by the exception.</param>
    public static void ToProbabilities(ReadOnlySpan<double> scores, ScoreInput input, double temperature, Span<double> probabilities, string what, long? index)
    {
        if (scores.IsEmpty)
        {
            throw new UncertaintyInputException($"{what}: expected at least one class score, found none.", index);
        }

        for (int c = 0; c < scores.Length; c++)
        {
            if (!double.IsFinite(scores[c]))
            {
                throw new UncertaintyInputException(
                    $"{what}, class {c}: expected a finite score, found {scores[c].ToString(CultureInfo.InvariantCulture)}.", index, c);
            }
        }

        if (input == ScoreInput.Logits)
        {
            Scaneo.Predictions.Softmax.Compute(scores, probabilities, temperature);
            return;
        }

        double sum = 0;
        for (int c = 0; c < scores.Length; c++)
        {
            double p = scores[c];
            if (p < 0 || p > 1)
            {
                throw new UncertaintyInputException(
                    $"{what}, class {c}: expected a probability in [0, 1], found {p.ToString("R", CultureInfo.InvariantCulture)} (declare the scores as logits if they are).", index, c);
            }

            sum += p;
            probabilities[c] = p;
        }

        if (Math.Abs(sum - 1) > SumTolerance)
        {
            throw new UncertaintyInputException(
                $"{what}: expected probabilities summing to 1 (±{SumTolerance.ToString(CultureInfo.InvariantCulture)}), found a sum of {sum.ToString("0.######", CultureInfo.InvariantCulture)}; rows are not renormalised silently.", index);
        }
    }

    /// <summary>Like <see cref="ToProbabilities"/> but returns false instead of throwing, so hot loops build no message unless needed.</summary>
    public static bool TryToProbabilities(ReadOnlySpan<double> scores, ScoreInput input, double temperature, Span<double> probabilities)
    {
        if (scores.IsEmpty)
        {
            return false;
        }

        double sum = 0;
        for (int c = 0; c < scores.Length; c++)
        {
            double v = scores[c];
            if (!double.IsFinite(v) || (input == ScoreInput.Probabilities && (v < 0 || v > 1)))
            {
                return false;
            }

            sum += v;
        }

        if (input == ScoreInput.Logits)
        {
            Scaneo.Predictions.Softmax.Compute(scores, probabilities, temperature);
            return true;
        }

        if (Math.Abs(sum - 1) > SumTolerance)
        {
            return false;
        }

        scores.CopyTo(probabilities);
        return true;
    }

    /// <summary>Numerically stable <c>softmax(z / T)</c>.</summary>
    public static void Softmax(ReadOnlySpan<double> logits, double temperature, Span<double> destination)
    {
        double max = double.NegativeInfinity;
        foreach (double z in logits)
        {
            max = Math.Max(max, z);
        }

        double sum = 0;
        for (int c = 0; c < logits.Length; c++)
        {
            double e = Math.Exp((logits[c] - max) / temperature);
            destination[c] = e;
            sum += e;
        }

        for (int c = 0; c < logits.Length; c++)
        {
            destination[c] /= sum;
        }
    }

    public static void TopTwo(ReadOnlySpan<double> p, out double first, out double second)
    {
        first = double.NegativeInfinity;
        second = double.NegativeInfinity;
        foreach (double v in p)
        {
            if (v > first)
            {
                second = first;
                first = v;
            }
            else if (v > second)
            {
                second = v;
            }
        }

        if (p.Length == 1)
        {
            second = 0;
        }
    }

    public static int ArgMax(ReadOnlySpan<double> p)
    {
        int best = 0;
        for (int c = 1; c < p.Length; c++)
        {
            if (p[c] > p[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>Shannon entropy in nats with 0·ln 0 = 0.</summary>
    public static double Entropy(ReadOnlySpan<double> p)
    {
        double h = 0;
        foreach (double v in p)
        {
            if (v > 0)
            {
                h -= v * Math.Log(v);
            }
        }

        // Rounding can give −1e-17 for a one-hot row; uncertainty is never negative.
        return Math.Max(h, 0);
    }

    /// <summary>Computes a measure on a validated distribution.</summary>
    public static double Measure(ReadOnlySpan<double> p, UncertaintyMeasure measure, bool normalize)
    {
        int c = p.Length;
        switch (measure)
        {
            case UncertaintyMeasure.LeastConfidence:
            {
                TopTwo(p, out double p1, out _);
                double lc = Math.Max(0, 1 - p1);
                return normalize ? (c > 1 ? Math.Min(1, lc * c / (c - 1)) : 0) : lc;
            }

            case UncertaintyMeasure.Margin:
            {
                TopTwo(p, out double p1, out double p2);
                return Math.Clamp(1 - (p1 - p2), 0, 1);
            }

            case UncertaintyMeasure.Ratio:
            {
                TopTwo(p, out double p1, out double p2);
                return p1 > 0 ? Math.Clamp(p2 / p1, 0, 1) : 1;
            }

            case UncertaintyMeasure.Entropy:
            {
                double h = Entropy(p);
                return normalize ? (c > 1 ? Math.Min(1, h / Math.Log(c)) : 0) : h;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(measure), measure, "Unknown uncertainty measure.");
        }
    }

    /// <summary>The largest value a measure can take over C classes (reached at the uniform distribution).</summary>
    public static double Maximum(UncertaintyMeasure measure, int classCount, bool normalize)
    {
        if (classCount < 2)
        {
            return 0;
        }

        return measure switch
        {
            UncertaintyMeasure.LeastConfidence => normalize ? 1 : 1 - (1.0 / classCount),
            UncertaintyMeasure.Margin or UncertaintyMeasure.Ratio => 1,
            UncertaintyMeasure.Entropy => normalize ? 1 : Math.Log(classCount),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Unknown uncertainty measure."),
        };
    }

    public static void RequireDefined(UncertaintyMeasure measure)
    {
        if (!Enum.IsDefined(measure))
        {
            throw new ArgumentOutOfRangeException(nameof(measure), measure, "Expected least-confidence, margin, ratio or entropy.");
        }
    }

    public static void RequireDefined(ScoreInput input)
    {
        if (!Enum.IsDefined(input))
        {
            throw new ArgumentOutOfRangeException(nameof(input), input, "Expected probabilities or logits.");
        }
    }

    public static void RequireTemperature(double temperature)
    {
        if (!(temperature > 0) || !double.IsFinite(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The softmax temperature must be a positive finite number.");
        }
    }

    public static string RowName(long row) => "row " + row.ToString(CultureInfo.InvariantCulture);
}
