namespace Scaneo.Annotations.Mapping;

/// <summary>A dry run of a mapping: which labels will receive predictions, which will not, which outputs are dropped.</summary>
public sealed class LabelMappingSummary
{
    /// <summary>Initializes a summary.</summary>
    /// <param name="mappedLabels">Label → outputs feeding it, for labels with at least one valid output.</param>
    /// <param name="unmappedLabels">Campaign labels that will never receive predictions.</param>
    /// <param name="droppedOutputs">Model outputs (within the known bound) that feed no label; their predictions are dropped.</param>
    public LabelMappingSummary(IReadOnlyList<KeyValuePair<string, IReadOnlyList<int>>> mappedLabels, IReadOnlyList<string> unmappedLabels, IReadOnlyList<int> droppedOutputs)
    {
        ArgumentNullException.ThrowIfNull(mappedLabels);
        ArgumentNullException.ThrowIfNull(unmappedLabels);
        ArgumentNullException.ThrowIfNull(droppedOutputs);
        MappedLabels = mappedLabels;
        UnmappedLabels = unmappedLabels;
        DroppedOutputs = droppedOutputs;
    }

    /// <summary>Gets each mapped label with the outputs feeding it, in campaign order.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<int>>> MappedLabels { get; }

    /// <summary>Gets the campaign labels that receive no predictions.</summary>
    public IReadOnlyList<string> UnmappedLabels { get; }

    /// <summary>Gets the model outputs that feed no label (empty when the output count is unknown).</summary>
    public IReadOnlyList<int> DroppedOutputs { get; }
}
