namespace Scaneo.Annotations.Building;

/// <summary>How <see cref="AnnotationBuilder"/> turns predictions into annotations.</summary>
public sealed class AnnotationBuilderOptions
{
    /// <summary>Gets or sets a value indicating whether classification scores are renormalised over the mapped labels (default false).</summary>
    public bool RenormalizeClassification { get; set; }

    /// <summary>Gets or sets the minimum score a detection box needs to become an annotation (default 0: keep all).</summary>
    public double MinimumDetectionScore { get; set; }
}
