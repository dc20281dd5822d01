namespace Scaneo.Annotations.Mapping;

/// <summary>One problem found while validating a label mapping.</summary>
public sealed class LabelMappingProblem
{
    /// <summary>Initializes a problem.</summary>
    /// <param name="kind">What is wrong.</param>
    /// <param name="label">The label concerned, if any.</param>
    /// <param name="outputIndex">The output index concerned, if any.</param>
    /// <param name="message">A sentence saying what was expected and what was found.</param>
    public LabelMappingProblem(LabelMappingProblemKind kind, string? label, int? outputIndex, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        Kind = kind;
        Label = label;
        OutputIndex = outputIndex;
        Message = message;
    }

    /// <summary>Gets what is wrong.</summary>
    public LabelMappingProblemKind Kind { get; }

    /// <summary>Gets the label concerned, if any.</summary>
    public string? Label { get; }

    /// <summary>Gets the output index concerned, if any.</summary>
    public int? OutputIndex { get; }

    /// <summary>Gets the explanation.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Message}";
}
