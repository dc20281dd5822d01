namespace Scaneo.Annotations.Exports;

/// <summary>Options of the STAC exporter.</summary>
public sealed class StacExportOptions
{
    /// <summary>
    /// Gets or sets where the source images are: the campaign folder (items link to the images by relative path
    /// from the item) or an absolute http(s) URL prefix. Null: links hold the campaign-relative image path.
    /// </summary>
    public string? ImageRoot { get; set; }

    /// <summary>Gets or sets the collection licence (SPDX id, <c>various</c> or <c>proprietary</c>; default <c>proprietary</c>).</summary>
    public string License { get; set; } = "proprietary";

    /// <summary>Gets or sets a value indicating whether the JSON is indented (default true: STAC catalogs are read by people).</summary>
    public bool Indented { get; set; } = true;
}
