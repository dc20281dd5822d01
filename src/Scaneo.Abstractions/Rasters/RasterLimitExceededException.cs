using System.Globalization;

namespace Scaneo.Rasters;

/// <summary>
/// Thrown before any pixel buffer is allocated when a raster declares more pixels or bytes than the configured
/// limits (<see cref="RasterReadOptions.MaxPixels"/>, <see cref="RasterReadOptions.MaxBytes"/>) allow.
/// </summary>
public sealed class RasterLimitExceededException : ScaneoException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="fileName">The file (or stream name).</param>
    /// <param name="quantity">What was measured: <c>pixels</c> or <c>bytes</c>.</param>
    /// <param name="declared">The amount the file declares.</param>
    /// <param name="limit">The configured limit.</param>
    /// <param name="detail">How the amount was computed, e.g. <c>100000 × 100000</c>.</param>
    public RasterLimitExceededException(string fileName, string quantity, long declared, long limit, string detail)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"{fileName}: the raster declares {detail} = {declared} {quantity}, more than the limit of {limit} {quantity}; read a window or raise the limit in RasterReadOptions."))
    {
        FileName = fileName;
        Quantity = quantity;
        Declared = declared;
        Limit = limit;
    }

    /// <summary>Gets the file (or stream name).</summary>
    public string FileName { get; }

    /// <summary>Gets what was measured: <c>pixels</c> or <c>bytes</c>.</summary>
    public string Quantity { get; }

    /// <summary>Gets the amount the file declares.</summary>
    public long Declared { get; }

    /// <summary>Gets the limit that was exceeded.</summary>
    public long Limit { get; }
}
