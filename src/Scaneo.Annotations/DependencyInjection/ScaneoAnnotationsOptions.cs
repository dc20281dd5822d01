using Scaneo.Annotations.Building;
using Scaneo.Annotations.Exports;

namespace Scaneo.Annotations.DependencyInjection;

/// <summary>Options of the services <c>AddScaneoAnnotations</c> registers; validated when the host starts.</summary>
public sealed class ScaneoAnnotationsOptions
{
    /// <summary>Gets the options of <see cref="AnnotationBuilder"/>.</summary>
    public AnnotationBuilderOptions Builder { get; } = new();

    /// <summary>Gets the options of <see cref="ScaneoExporter"/>.</summary>
    public ScaneoExportOptions Scaneo { get; } = new();

    /// <summary>Gets the options of <see cref="CocoExporter"/>.</summary>
    public CocoExportOptions Coco { get; } = new();

    /// <summary>Gets the options of <see cref="StacExporter"/>.</summary>
    public StacExportOptions Stac { get; } = new();

    /// <summary>Gets or sets what re-running a model does to its earlier predictions (default <see cref="AnnotationMergePolicy.Replace"/>).</summary>
    public AnnotationMergePolicy MergePolicy { get; set; } = AnnotationMergePolicy.Replace;
}
