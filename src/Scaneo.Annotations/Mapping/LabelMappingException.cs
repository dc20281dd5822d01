
namespace Scaneo.Annotations.Mapping;

/// <summary>Thrown when an invalid label mapping is applied; lists every problem at once.</summary>
public sealed class LabelMappingException : ScaneoException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="problems">All problems found (at least one).</param>
    public LabelMappingException(IReadOnlyList<LabelMappingProblem> problems)
        : base(BuildMessage(problems))
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<LabelMappingProblem> Problems { get; }

    private static string BuildMessage(IReadOnlyList<LabelMappingProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count == 1
            ? "Invalid label mapping: " + problems[0].Message
            : $"Invalid label mapping ({problems.Count} problems): " + string.Join(" ", problems.Select((p, i) => $"({i + 1}) {p.Message}"));
    }
}
