using System.Buffers;
using System.Globalization;

namespace Scaneo.ActiveLearning.Scoring;

/// <summary>
/// Uncertainty of classification outputs (one class-score vector per image, box or pixel). Static one-shot calls
/// for the common case (<see cref="Score(ReadOnlySpan{double}, UncertaintyMeasure, ScoreInput, bool)"/>,
/// <see cref="Entropy"/>, …) and a configurable instance for many rows.
/// </summary>
/// <remarks>
/// Conventions: higher = more uncertain; natural log; 0·ln 0 = 0; probability rows that do not sum to 1 (±1e-3),
/// values outside [0, 1], NaN/∞ and empty rows throw <see cref="UncertaintyInputException"/> naming the row and
/// class. Rows are never renormalised silently.
/// </remarks>
/// <example>
/// <code>
/// double u = UncertaintyScorer.Score([2.0, 1.0, 0.0], UncertaintyMeasure.Entropy, ScoreInput.Logits); // 0.832396
/// var scorer = new UncertaintyScorer { Measure = UncertaintyMeasure.Margin, Input = ScoreInput.Logits, Temperature = 2 };
/// double[] perRow = scorer.ScoreRows(logits, classCount: 5);
/// </code>
/// </example>
public sealed class UncertaintyScorer
{
    private double _temperature = 1;

    /// <summary>Gets or sets the measure (default <see cref="UncertaintyMeasure.Margin"/>, a strong default in the literature).</summary>
    public UncertaintyMeasure Measure { get; set; } = UncertaintyMeasure.Margin;

    /// <summary>Gets or sets what the scores are (default probabilities).</summary>
    public ScoreInput Input { get; set; } = ScoreInput.Probabilities;

    /// <summary>Gets or sets the softmax temperature T for logits (<c>softmax(z / T)</c>); positive, default 1.</summary>
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

    /// <summary>Gets or sets a value indicating whether scores are scaled to [0, 1] (entropy / ln C, least confidence · C/(C−1); margin and ratio already are).</summary>
    public bool Normalize { get; set; }

    /// <summary>Computes a measure of one class-score vector.</summary>
    /// <param name="scores">One score per class.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="input">Whether the scores are probabilities or logits (softmax at T = 1).</param>
    /// <param name="normalize">Whether to scale to [0, 1].</param>
    /// <returns>The uncertainty; higher = more uncertain.</returns>
    /// <exception cref="UncertaintyInputException">Empty, non-finite, or probabilities not summing to 1.</exception>
    public static double Score(ReadOnlySpan<double> scores, UncertaintyMeasure measure, ScoreInput input = ScoreInput.Probabilities, bool normalize = false) =>
        new UncertaintyScorer { Measure = measure, Input = input, Normalize = normalize }.ScoreRow(scores);

    /// <summary>Least confidence <c>1 − max p</c> of a probability vector.</summary>
    /// <param name="probabilities">A distribution.</param>
    /// <returns>The least confidence in [0, 1 − 1/C].</returns>
    /// <exception cref="UncertaintyInputException">Not a valid distribution.</exception>
    public static double LeastConfidence(ReadOnlySpan<double> probabilities) => Score(probabilities, UncertaintyMeasure.LeastConfidence);

    /// <summary>One minus the margin between the two largest probabilities, <c>1 − (p(1) − p(2))</c>.</summary>
    /// <param name="probabilities">A distribution.</param>
    /// <returns>The value in [0, 1].</returns>
    /// <exception cref="UncertaintyInputException">Not a valid distribution.</exception>
    public static double Margin(ReadOnlySpan<double> probabilities) => Score(probabilities, UncertaintyMeasure.Margin);

    /// <summary>Ratio of the second-largest to the largest probability, <c>p(2) / p(1)</c>.</summary>
    /// <param name="probabilities">A distribution.</param>
    /// <returns>The value in [0, 1].</returns>
    /// <exception cref="UncertaintyInputException">Not a valid distribution.</exception>
    public static double Ratio(ReadOnlySpan<double> probabilities) => Score(probabilities, UncertaintyMeasure.Ratio);

    /// <summary>Shannon entropy in nats, <c>−Σ p ln p</c> with 0·ln 0 = 0.</summary>
    /// <param name="probabilities">A distribution.</param>
    /// <returns>The entropy in [0, ln C].</returns>
    /// <exception cref="UncertaintyInputException">Not a valid distribution.</exception>
    public static double Entropy(ReadOnlySpan<double> probabilities) => Score(probabilities, UncertaintyMeasure.Entropy);

    /// <summary>Numerically stable <c>softmax(z / T)</c>.</summary>
    /// <param name="logits">The logits.</param>
    /// <param name="temperature">Positive temperature; 1 by default.</param>
    /// <returns>The probabilities.</returns>
    /// <exception cref="UncertaintyInputException">Empty or non-finite logits.</exception>
    public static double[] Softmax(ReadOnlySpan<double> logits, double temperature = 1)
    {
        ProbabilityMath.RequireTemperature(temperature);
        double[] p = new double[logits.Length];
        ProbabilityMath.ToProbabilities(logits, ScoreInput.Logits, temperature, p, "logits", null);
        return p;
    }

    /// <summary>The largest value a measure can take over <paramref name="classCount"/> classes (at the uniform distribution).</summary>
    /// <param name="measure">The measure.</param>
    /// <param name="classCount">Number of classes (≥ 1).</param>
    /// <param name="normalize">Whether the measure is normalised.</param>
    /// <returns>The maximum: 1 − 1/C, 1, 1 or ln C (1 when normalised; 0 for one class).</returns>
    public static double MaximumScore(UncertaintyMeasure measure, int classCount, bool normalize = false)
    {
        ProbabilityMath.RequireDefined(measure);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        return ProbabilityMath.Maximum(measure, classCount, normalize);
    }

    /// <summary>Scores one class-score vector with this scorer's settings.</summary>
    /// <param name="scores">One score per class.</param>
    /// <returns>The uncertainty.</returns>
    /// <exception cref="UncertaintyInputException">Empty, non-finite, or probabilities not summing to 1.</exception>
    public double ScoreRow(ReadOnlySpan<double> scores) => ScoreRow(scores, "scores", null);

    /// <summary>Scores every row of a row-major N × C matrix.</summary>
    /// <param name="scores">N × <paramref name="classCount"/> scores, row after row.</param>
    /// <param name="classCount">Number of classes C.</param>
    /// <returns>One uncertainty per row.</returns>
    /// <exception cref="UncertaintyInputException">Empty input, a length that is not a multiple of C, or a bad row (named).</exception>
    public double[] ScoreRows(ReadOnlySpan<double> scores, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        if (scores.IsEmpty || scores.Length % classCount != 0)
        {
            throw new UncertaintyInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"scores: expected a non-empty multiple of {classCount} values (rows × classes), found {scores.Length}."));
        }

        int n = scores.Length / classCount;
        double[] result = new double[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = ScoreRow(scores.Slice(i * classCount, classCount), ProbabilityMath.RowName(i), i);
        }

        return result;
    }

    /// <summary>Scores every row of a jagged matrix (rows may have different lengths only if that is what the caller means).</summary>
    /// <param name="rows">The rows.</param>
    /// <returns>One uncertainty per row.</returns>
    /// <exception cref="UncertaintyInputException">No rows, or a bad row (named).</exception>
    public double[] ScoreRows(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new UncertaintyInputException("rows: expected at least one row of class scores, found none.");
        }

        double[] result = new double[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i] is null)
            {
                throw new UncertaintyInputException($"{ProbabilityMath.RowName(i)}: expected class scores, found null.", i);
            }

            result[i] = ScoreRow(rows[i], ProbabilityMath.RowName(i), i);
        }

        return result;
    }

    internal double ScoreRow(ReadOnlySpan<double> scores, string what, long? index)
    {
        ProbabilityMath.RequireDefined(Measure);
        ProbabilityMath.RequireDefined(Input);
        double[]? rented = null;
        Span<double> p = scores.Length <= 64 ? stackalloc double[64] : (rented = ArrayPool<double>.Shared.Rent(scores.Length));
        try
        {
            p = p[..scores.Length];
            ProbabilityMath.ToProbabilities(scores, Input, _temperature, p, what, index);
            return ProbabilityMath.Measure(p, Measure, Normalize);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }
}
