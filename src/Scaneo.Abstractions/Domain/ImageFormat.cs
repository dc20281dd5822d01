namespace Scaneo;

/// <summary>The encoding of the image sent to a model server.</summary>
public enum ImageFormat
{
    /// <summary>GeoTIFF with all bands, CRS and geotransform (SCANEO's default).</summary>
    GeoTiff,

    /// <summary>PNG (8-bit gray, RGB or RGBA; 16-bit gray).</summary>
    Png,

    /// <summary>JPEG (8-bit gray or RGB).</summary>
    Jpeg,
}
