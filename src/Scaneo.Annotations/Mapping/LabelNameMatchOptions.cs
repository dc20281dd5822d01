namespace Scaneo.Annotations.Mapping;

/// <summary>How <see cref="LabelMappingBuilder.ByName"/> matches campaign labels to model output names.</summary>
public sealed class LabelNameMatchOptions
{
    /// <summary>Gets the default options: exact, then case-insensitive matching, no synonyms.</summary>
    public static LabelNameMatchOptions Default { get; } = new();

    /// <summary>Gets a value indicating whether a case-insensitive match is accepted when no exact match exists (default true).</summary>
    public bool IgnoreCase { get; init; } = true;

    /// <summary>
    /// Gets other names a label answers to, as Label Studio's <c>predicted_values</c> or CVAT's label aliases:
    /// campaign label → output names (compared case-insensitively). Several outputs may feed one label this way.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
