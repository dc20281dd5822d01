using System.Globalization;
using Scaneo.Predictions;

namespace Scaneo.Inference.Processing;

/// <summary>A reply holding one score per model output (classification).</summary>
public sealed class ScoresReply : ModelReply
{
    /// <summary>Initializes a new reply.</summary>
    /// <param name="scores">The scores in output order.</param>
    /// <param name="kind">Whether they are probabilities or logits.</param>
    /// <param name="outputNames">Output names when the reply gave them (same length as scores).</param>
    public ScoresReply(IReadOnlyList<double> scores, ScoreKind kind, IReadOnlyList<string?>? outputNames = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (outputNames is not null && outputNames.Count != scores.Count)
        {
            throw new ScaneoValidationException("ScoresReply.OutputNames", outputNames.Count.ToString(CultureInfo.InvariantCulture) + " names", $"must have one name per score ({scores.Count}).");
        }

        Scores = scores;
        Kind = kind;
        OutputNames = outputNames;
    }

    /// <summary>Gets the scores.</summary>
    public IReadOnlyList<double> Scores { get; }

    /// <summary>Gets whether the scores are probabilities or logits.</summary>
    public ScoreKind Kind { get; }

    /// <summary>Gets the output names, if given.</summary>
    public IReadOnlyList<string?>? OutputNames { get; }

    /// <inheritdoc />
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"a list of {Scores.Count} scores");
}
