namespace Scaneo.Rasters;

/// <summary>Compressions <see cref="RasterFile.WriteGeoTiff(Raster, string, GeoTiffWriteOptions?)"/> can write.</summary>
public enum GeoTiffCompression
{
    /// <summary>Deflate (zlib) with a predictor: horizontal for integers, floating-point for floats.</summary>
    Deflate,

    /// <summary>No compression.</summary>
    None,

    /// <summary>LZW with the same predictors as <see cref="Deflate"/>.</summary>
    Lzw,

    /// <summary>PackBits run-length encoding (no predictor).</summary>
    PackBits,
}
