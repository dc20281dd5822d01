namespace Scaneo.Rasters;

/// <summary>The file formats <see cref="RasterFile"/> reads, detected from the first bytes of the file.</summary>
public enum RasterFormat
{
    /// <summary>TIFF or BigTIFF, with or without GeoTIFF tags.</summary>
    GeoTiff,

    /// <summary>PNG.</summary>
    Png,

    /// <summary>JPEG (JFIF/EXIF baseline or progressive).</summary>
    Jpeg,
}
