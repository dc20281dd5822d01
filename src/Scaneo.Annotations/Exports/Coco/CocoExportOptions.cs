using Scaneo.Geo;

namespace Scaneo.Annotations.Exports;

/// <summary>Options of the COCO exporter.</summary>
public sealed class CocoExportOptions
{
    /// <summary>The name of the file written in the output folder.</summary>
    public const string FileName = "annotations.json";

    /// <summary>
    /// Gets or sets the factory of transforms from EPSG:4326 to an image's CRS, used to bring annotations back onto
    /// the image grid (default: <see cref="Reprojection.Create"/>). Not used for images in EPSG:4326.
    /// </summary>
    public Func<CrsReference, IMapTransform>? TransformFromWgs84 { get; set; }

    /// <summary>Gets or sets a value indicating whether the JSON is indented (default false).</summary>
    public bool Indented { get; set; }
}
