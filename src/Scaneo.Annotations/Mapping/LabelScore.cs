namespace Scaneo.Annotations.Mapping;

/// <summary>A campaign label with a score.</summary>
/// <param name="Label">The campaign label name.</param>
/// <param name="Score">The score.</param>
public readonly record struct LabelScore(string Label, double Score);
