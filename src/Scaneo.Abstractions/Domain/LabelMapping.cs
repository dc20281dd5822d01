using System.Globalization;

namespace Scaneo;

/// <summary>
/// For one campaign and one model: which model outputs (class indexes) feed each campaign label. A label with no
/// outputs is unmapped (the model has no such class). Several outputs may feed one label; one output never feeds
/// two labels.
/// </summary>
public sealed class LabelMapping
{
    private readonly Dictionary<string, int[]> _outputs;
    private readonly Dictionary<int, string> _labelByOutput;

    /// <summary>Initializes a mapping.</summary>
    /// <param name="outputsByLabel">Campaign label name → output indexes (empty = unmapped).</param>
    /// <exception cref="ScaneoValidationException">A negative index, an empty label name, a label listed twice, or an output claimed by two labels.</exception>
    public LabelMapping(IEnumerable<KeyValuePair<string, IReadOnlyList<int>>> outputsByLabel)
    {
        ArgumentNullException.ThrowIfNull(outputsByLabel);
        _outputs = new Dictionary<string, int[]>(StringComparer.OrdinalIgnoreCase);
        _labelByOutput = [];
        var order = new List<string>();
        foreach (var (label, outputs) in outputsByLabel)
        {
            if (string.IsNullOrWhiteSpace(label))
            {
                throw new ScaneoValidationException("LabelMapping.Label", label, "must be a non-empty campaign label name.");
            }

            string name = label.Trim();
            int[] indexes = outputs is null ? [] : [.. outputs.Distinct()];
            if (!_outputs.TryAdd(name, indexes))
            {
                throw new ScaneoValidationException("LabelMapping.Label", name, "is listed twice (label names are compared case-insensitively).");
            }

            order.Add(name);
            foreach (int index in indexes)
            {
                if (index < 0)
                {
                    throw new ScaneoValidationException($"LabelMapping[{name}]", index.ToString(CultureInfo.InvariantCulture), "must be a non-negative model output index.");
                }

                if (!_labelByOutput.TryAdd(index, name))
                {
                    throw new ScaneoValidationException(
                        $"LabelMapping[{name}]",
                        index.ToString(CultureInfo.InvariantCulture),
                        $"is already mapped to label \"{_labelByOutput[index]}\"; one model output may feed only one label.");
                }
            }
        }

        Labels = order;
    }

    /// <summary>Gets the campaign label names the mapping lists, in the order given (mapped and unmapped).</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Gets the output indexes that are mapped to some label, ascending.</summary>
    public IReadOnlyList<int> MappedOutputs => [.. _labelByOutput.Keys.Order()];

    /// <summary>Creates a mapping where each label has at most one output (SCANEO's form); null = unmapped.</summary>
    /// <param name="indexByLabel">Label name → output index or null.</param>
    /// <returns>The mapping.</returns>
    public static LabelMapping FromIndexes(IEnumerable<KeyValuePair<string, int?>> indexByLabel)
    {
        ArgumentNullException.ThrowIfNull(indexByLabel);
        return new LabelMapping(indexByLabel.Select(kv =>
            new KeyValuePair<string, IReadOnlyList<int>>(kv.Key, kv.Value is int i ? [i] : [])));
    }

    /// <summary>Returns the outputs feeding a label (empty when unmapped or not listed).</summary>
    /// <param name="label">Campaign label name (case-insensitive).</param>
    /// <returns>The output indexes.</returns>
    public IReadOnlyList<int> GetOutputs(string label) =>
        label is not null && _outputs.TryGetValue(label, out int[]? indexes) ? indexes : [];

    /// <summary>Returns the label an output feeds.</summary>
    /// <param name="outputIndex">The model output index.</param>
    /// <param name="label">The label name when mapped.</param>
    /// <returns>Whether the output is mapped.</returns>
    public bool TryGetLabel(int outputIndex, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? label) =>
        _labelByOutput.TryGetValue(outputIndex, out label);

    /// <summary>Returns whether the label receives predictions.</summary>
    /// <param name="label">Campaign label name (case-insensitive).</param>
    /// <returns>Whether it has at least one output.</returns>
    public bool IsMapped(string label) => GetOutputs(label).Count > 0;
}
