namespace Scaneo.Annotations.Mapping;

/// <summary>
/// A label mapping as a user or a file states it, before validation: label name → output indexes. Unlike
/// <see cref="LabelMapping"/> it may be wrong (duplicates, negative indexes, unknown labels), so that
/// <see cref="LabelMappingValidator"/> can report every problem at once.
/// </summary>
public sealed class LabelMappingDraft
{
    /// <summary>Initializes a draft.</summary>
    /// <param name="entries">Label name → output indexes (empty or null = unmapped), in order.</param>
    public LabelMappingDraft(IEnumerable<KeyValuePair<string, IReadOnlyList<int>?>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries.Select(e => new KeyValuePair<string, IReadOnlyList<int>>(e.Key ?? string.Empty, e.Value is null ? [] : [.. e.Value]))];
    }

    /// <summary>Gets the entries in the order given.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<int>>> Entries { get; }

    /// <summary>Creates a draft in SCANEO's form: at most one output per label, null = unmapped.</summary>
    /// <param name="indexByLabel">Label name → output index or null.</param>
    /// <returns>The draft.</returns>
    public static LabelMappingDraft FromIndexes(IEnumerable<KeyValuePair<string, int?>> indexByLabel)
    {
        ArgumentNullException.ThrowIfNull(indexByLabel);
        return new LabelMappingDraft(indexByLabel.Select(kv =>
            new KeyValuePair<string, IReadOnlyList<int>?>(kv.Key, kv.Value is int i ? [i] : [])));
    }

    /// <summary>Creates a draft listing what an existing mapping holds (to re-validate it against a model).</summary>
    /// <param name="mapping">The mapping.</param>
    /// <returns>The draft.</returns>
    public static LabelMappingDraft From(LabelMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return new LabelMappingDraft(mapping.Labels.Select(l => new KeyValuePair<string, IReadOnlyList<int>?>(l, mapping.GetOutputs(l))));
    }
}
