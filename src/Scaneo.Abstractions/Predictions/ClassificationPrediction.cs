using System.Globalization;

namespace Scaneo.Predictions;

/// <summary>A classification reply: one score per model output.</summary>
public sealed class ClassificationPrediction
{
    /// <summary>Initializes a new prediction.</summary>
    /// <param name="scores">One finite score per model output, in output order; at least one.</param>
    /// <param name="kind">Whether the scores are probabilities or logits.</param>
    /// <param name="outputNames">Output names when the reply gave them (same length as scores).</param>
    /// <exception cref="ScaneoValidationException">Empty scores, a non-finite score, or names of another length.</exception>
    public ClassificationPrediction(IEnumerable<double> scores, ScoreKind kind, IEnumerable<string?>? outputNames = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        double[] s = [.. scores];
        if (s.Length == 0)
        {
            throw new ScaneoValidationException("ClassificationPrediction.Scores", "[]", "must hold at least one score.");
        }

        for (int i = 0; i < s.Length; i++)
        {
            if (!double.IsFinite(s[i]))
            {
                throw new ScaneoValidationException($"ClassificationPrediction.Scores[{i}]", s[i].ToString(CultureInfo.InvariantCulture), "must be a finite number.");
            }
        }

        if (outputNames is not null)
        {
            string?[] names = [.. outputNames];
            if (names.Length != s.Length)
            {
                throw new ScaneoValidationException("ClassificationPrediction.OutputNames", names.Length.ToString(CultureInfo.InvariantCulture) + " names", $"must have one name per score ({s.Length}).");
            }

            OutputNames = names;
        }

        Scores = s;
        Kind = kind;
    }

    /// <summary>Gets the scores in model output order.</summary>
    public IReadOnlyList<double> Scores { get; }

    /// <summary>Gets whether the scores are probabilities or logits.</summary>
    public ScoreKind Kind { get; }

    /// <summary>Gets the output names given by the reply, if any (an entry may be null).</summary>
    public IReadOnlyList<string?>? OutputNames { get; }
}
