namespace Scaneo.Annotations.Mapping;

/// <summary>A classification reply seen through a label mapping.</summary>
public sealed class MappedClassification
{
    internal MappedClassification(string label, double score, IReadOnlyList<LabelScore> distribution)
    {
        Label = label;
        Score = score;
        Distribution = distribution;
    }

    /// <summary>Gets the mapped label with the highest score.</summary>
    public string Label { get; }

    /// <summary>Gets that label's score.</summary>
    public double Score { get; }

    /// <summary>Gets every mapped label's score, in mapping order (unmapped outputs excluded).</summary>
    public IReadOnlyList<LabelScore> Distribution { get; }
}
