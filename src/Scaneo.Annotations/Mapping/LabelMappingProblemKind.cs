namespace Scaneo.Annotations.Mapping;

/// <summary>What is wrong with one entry of a label mapping.</summary>
public enum LabelMappingProblemKind
{
    /// <summary>The mapping maps no output to any label: the model would produce nothing.</summary>
    EmptyMapping,

    /// <summary>The mapping names a label the campaign does not have.</summary>
    UnknownLabel,

    /// <summary>The mapping lists the same label twice (names compared case-insensitively).</summary>
    DuplicateLabel,

    /// <summary>The same output index is listed twice for one label.</summary>
    DuplicateIndex,

    /// <summary>An output index is negative.</summary>
    NegativeIndex,

    /// <summary>An output index is not below the declared output count (upstream checks <c>&gt;</c>; the right bound is <c>&gt;=</c>).</summary>
    IndexBeyondDeclaredCount,

    /// <summary>An output index is not below the number of outputs the model actually returned.</summary>
    IndexBeyondReturnedCount,

    /// <summary>One output is claimed by two labels; an output may feed only one label.</summary>
    OutputClaimedTwice,

    /// <summary>A name-based mapping could not resolve a model output name.</summary>
    UnknownOutputName,
}
