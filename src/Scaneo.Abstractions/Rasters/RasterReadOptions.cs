using Microsoft.Extensions.Logging;

namespace Scaneo.Rasters;

/// <summary>What to read from a raster file and how much memory a read may take.</summary>
public sealed class RasterReadOptions
{
    /// <summary>The default <see cref="MaxPixels"/>: 1 Gpx (a full Sentinel-2 tile is 0.12 Gpx).</summary>
    public const long DefaultMaxPixels = 1L << 30;

    /// <summary>
    /// The default <see cref="MaxBytes"/>: 2 GiB − 1, the largest pixel buffer one read can return (larger limits are
    /// accepted, but a read beyond 2 GiB − 1 bytes is still refused; read such rasters by windows).
    /// </summary>
    public const long DefaultMaxBytes = int.MaxValue;

    /// <summary>Gets the default options: whole raster, all bands, default limits.</summary>
    public static RasterReadOptions Default { get; } = new();

    /// <summary>Gets the window to read, or <see langword="null"/> for the whole raster.</summary>
    public RasterWindow? Window { get; init; }

    /// <summary>
    /// Gets the 0-based bands to read, in output order (repeats allowed), or <see langword="null"/> for all bands.
    /// </summary>
    public IReadOnlyList<int>? Bands { get; init; }

    /// <summary>Gets the largest number of pixels (width × height of the part read) a read may return.</summary>
    public long MaxPixels { get; init; } = DefaultMaxPixels;

    /// <summary>Gets the largest number of bytes (pixels × bands × sample size) a read may allocate; reads are also capped at 2 GiB − 1 bytes.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>Gets the logger that receives the decoder's warnings, or <see langword="null"/> to drop them.</summary>
    public ILogger? Logger { get; init; }
}
