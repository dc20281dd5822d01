namespace Scaneo.Annotations.Exports;

/// <summary>Options of the SCANEO exporter.</summary>
public sealed class ScaneoExportOptions
{
    /// <summary>Gets or sets how classification features are written (default <see cref="ScaneoClassificationGeometry.Null"/>).</summary>
    public ScaneoClassificationGeometry ClassificationGeometry { get; set; } = ScaneoClassificationGeometry.Null;

    /// <summary>Gets or sets a value indicating whether the JSON is indented (default false).</summary>
    public bool Indented { get; set; }
}
