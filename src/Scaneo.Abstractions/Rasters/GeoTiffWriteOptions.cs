using System.IO.Compression;

namespace Scaneo.Rasters;

/// <summary>How <see cref="RasterFile"/> writes a GeoTIFF.</summary>
public sealed class GeoTiffWriteOptions
{
    /// <summary>Gets the default options: Deflate with predictor, tiles of 256 for large rasters, pixel interleaving.</summary>
    public static GeoTiffWriteOptions Default { get; } = new();

    /// <summary>Gets the compression. Default <see cref="GeoTiffCompression.Deflate"/>.</summary>
    public GeoTiffCompression Compression { get; init; } = GeoTiffCompression.Deflate;

    /// <summary>Gets the zlib effort for Deflate. Default <see cref="CompressionLevel.Optimal"/> (zlib level 6, as GDAL).</summary>
    public CompressionLevel DeflateLevel { get; init; } = CompressionLevel.Optimal;

    /// <summary>
    /// Gets a value indicating whether a predictor is applied before Deflate or LZW (horizontal differencing
    /// for integers, TIFF predictor 3 for floats). Default <see langword="true"/>.
    /// </summary>
    public bool UsePredictor { get; init; } = true;

    /// <summary>
    /// Gets whether to write tiles: <see langword="true"/>, <see langword="false"/> (strips), or
    /// <see langword="null"/> (default) for tiles when the raster is larger than <see cref="TileSize"/> in both
    /// directions, strips otherwise.
    /// </summary>
    public bool? Tiled { get; init; }

    /// <summary>Gets the tile width and height in pixels, a multiple of 16. Default 256.</summary>
    public int TileSize { get; init; } = 256;

    /// <summary>
    /// Gets the rows per strip when writing strips, or <see langword="null"/> (default) for strips of about
    /// 64 KiB uncompressed. GDAL writes one-row strips for Deflate single-band bytes; 1 reproduces that.
    /// </summary>
    /// <remarks>
    /// With <see cref="GeoTiffCompression.None"/>, <see cref="Tiled"/> <see langword="false"/>,
    /// <see cref="BandInterleaved"/> (or one band) and at least the raster's height here (e.g. <see cref="int.MaxValue"/>),
    /// each band is one strip holding the raster's memory as-is: the file is then written without an encoder,
    /// straight to any stream, at memory-copy speed — the layout for sending images to model servers.
    /// </remarks>
    public int? RowsPerStrip { get; init; }

    /// <summary>
    /// Gets a value indicating whether bands are stored in separate planes (GDAL's INTERLEAVE=BAND), which makes
    /// reading a subset of bands cheaper. Default <see langword="false"/> (pixel interleaving, as GDAL).
    /// </summary>
    public bool BandInterleaved { get; init; }

    /// <summary>
    /// Gets whether to write BigTIFF: <see langword="true"/>, <see langword="false"/>, or <see langword="null"/>
    /// (default) for BigTIFF only when the uncompressed pixels exceed 4 GB − 64 MB, as GDAL's IF_NEEDED.
    /// </summary>
    public bool? BigTiff { get; init; }
}
