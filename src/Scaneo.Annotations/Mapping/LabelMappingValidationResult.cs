namespace Scaneo.Annotations.Mapping;

/// <summary>The outcome of validating a label mapping: every problem, a dry-run summary, and the mapping when valid.</summary>
public sealed class LabelMappingValidationResult
{
    internal LabelMappingValidationResult(IReadOnlyList<LabelMappingProblem> problems, LabelMappingSummary summary, LabelMapping? mapping)
    {
        Problems = problems;
        Summary = summary;
        Mapping = mapping;
    }

    /// <summary>Gets a value indicating whether the mapping has no problem.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>Gets every problem found (empty when valid).</summary>
    public IReadOnlyList<LabelMappingProblem> Problems { get; }

    /// <summary>Gets the dry-run summary (computed from the valid part of the mapping even when problems exist).</summary>
    public LabelMappingSummary Summary { get; }

    /// <summary>Gets the validated mapping, or <see langword="null"/> when there are problems.</summary>
    public LabelMapping? Mapping { get; }

    /// <summary>Returns the mapping, or throws with every problem.</summary>
    /// <returns>The validated mapping.</returns>
    /// <exception cref="LabelMappingException">The mapping has problems.</exception>
    public LabelMapping GetMappingOrThrow() => Mapping ?? throw new LabelMappingException(Problems);
}
