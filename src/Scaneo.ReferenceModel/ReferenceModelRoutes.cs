namespace Scaneo.ReferenceModel;

/// <summary>
/// The routes of the reference model server. Every task route takes <c>POST multipart/form-data</c> with a file
/// field <c>image</c> (GeoTIFF with all bands; PNG/JPEG are read too but have no NIR band, so only <see cref="Sam"/>
/// can use them). Class order everywhere: 0 = water, 1 = vegetation, 2 = built-up (<see cref="ReferenceClasses"/>).
/// Errors are <c>application/problem+json</c> (RFC 9457): 400 malformed request, 413 too large, 415 not an image
/// format the server reads, 422 an image the model cannot use (too few bands, no valid pixel).
/// </summary>
public static class ReferenceModelRoutes
{
    /// <summary><c>GET /</c>: JSON describing the model (classes, band roles, thresholds, routes).</summary>
    public const string Info = "/";

    /// <summary><c>POST /classification</c>: JSON list <c>[p_water, p_vegetation, p_builtup]</c>, the mean class probabilities over the valid pixels.</summary>
    public const string Classification = "/classification";

    /// <summary>
    /// <c>POST /detection</c>: JSON list of per-class score boxes <c>[{"bbox":[x1,y1,x2,y2],"scores":[…3]}]</c>, one per
    /// connected water or vegetation patch, in pixel corners of the sent image (x2, y2 = right and bottom edges).
    /// </summary>
    public const string Detection = "/detection";

    /// <summary><c>POST /segmentation</c>: a 1-band uint8 class-mask GeoTIFF (<c>image/tiff</c>) with the input's size, CRS and transform; 255 = nodata.</summary>
    public const string Segmentation = "/segmentation";

    /// <summary><c>POST /segmentation/scores</c>: a 3-band float32 probability GeoTIFF (band i = class i; NaN = nodata), same grid as the input.</summary>
    public const string SegmentationScores = "/segmentation/scores";

    /// <summary>
    /// <c>POST /sam</c>: fields <c>image</c>, <c>points</c> (JSON <c>[[col,row],…]</c>), <c>label</c>, <c>crs</c> (e.g.
    /// <c>EPSG:32631</c>) and <c>transform</c> (JSON GDAL geotransform); replies a GeoJSON Feature in EPSG:4326 whose
    /// geometry is the region grown from the points (properties <c>label</c>, <c>pixels</c>).
    /// </summary>
    public const string Sam = "/sam";
}
