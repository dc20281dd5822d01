using System.Globalization;
using Scaneo.Geo;

namespace Scaneo.Rasters;

/// <summary>
/// A raster held in memory: width × height pixels × bands, band-sequential, with optional georeferencing and
/// nodata. The typed pixels live in <see cref="RasterBuffer{T}"/>; this base lets code handle any pixel type.
/// </summary>
public abstract class Raster
{
    private protected Raster(int width, int height, int bandCount, RasterDataType dataType, GeoTransform? geoTransform, CrsReference? crs, double? noData)
    {
        RequirePositive("Raster.Width", width);
        RequirePositive("Raster.Height", height);
        RequirePositive("Raster.BandCount", bandCount);
        if ((long)width * height * bandCount > Array.MaxLength)
        {
            throw new ScaneoValidationException(
                "Raster",
                string.Create(CultureInfo.InvariantCulture, $"{width} × {height} × {bandCount}"),
                $"holds more than {Array.MaxLength} samples, the largest in-memory raster .NET allows; read it by window.");
        }

        if (geoTransform is GeoTransform gt && gt == default)
        {
            throw new ScaneoValidationException("Raster.GeoTransform", gt.ToString(), "must be an invertible transform, not the zero default.");
        }

        if (noData is double nd && double.IsInfinity(nd))
        {
            throw new ScaneoValidationException("Raster.NoData", nd.ToString(CultureInfo.InvariantCulture), "must be a finite number or NaN.");
        }

        Width = width;
        Height = height;
        BandCount = bandCount;
        DataType = dataType;
        GeoTransform = geoTransform;
        Crs = crs;
        NoData = noData;
    }

    /// <summary>Gets the width in pixels.</summary>
    public int Width { get; }

    /// <summary>Gets the height in pixels.</summary>
    public int Height { get; }

    /// <summary>Gets the number of bands.</summary>
    public int BandCount { get; }

    /// <summary>Gets the pixel type.</summary>
    public RasterDataType DataType { get; }

    /// <summary>Gets the pixel → map transform, or <see langword="null"/> for an image without georeferencing.</summary>
    public GeoTransform? GeoTransform { get; }

    /// <summary>Gets the coordinate reference system, or <see langword="null"/> when unknown.</summary>
    public CrsReference? Crs { get; }

    /// <summary>Gets the nodata value shared by all bands, or <see langword="null"/>.</summary>
    public double? NoData { get; }

    /// <summary>Gets the number of pixels of one band.</summary>
    public long PixelCount => (long)Width * Height;

    /// <summary>Reads one sample as a double, whatever the pixel type (slow path; hot paths use typed spans).</summary>
    /// <param name="band">Band index, 0-based.</param>
    /// <param name="row">Row.</param>
    /// <param name="column">Column.</param>
    /// <returns>The value.</returns>
    public abstract double GetValue(int band, int row, int column);

    /// <summary>Returns a raster of the same type, size and band count with new georeferencing.</summary>
    /// <param name="geoTransform">The transform.</param>
    /// <param name="crs">The CRS.</param>
    /// <returns>A raster sharing this raster's pixels.</returns>
    public abstract Raster WithGeoreference(GeoTransform? geoTransform, CrsReference? crs);

    /// <summary>Throws when the band, row or column is outside the raster.</summary>
    /// <param name="band">Band index.</param>
    /// <param name="row">Row.</param>
    /// <param name="column">Column.</param>
    protected void CheckPixel(int band, int row, int column)
    {
        if ((uint)band >= (uint)BandCount)
        {
            throw new ArgumentOutOfRangeException(nameof(band), band, $"Band index must be in [0, {BandCount}).");
        }

        if ((uint)row >= (uint)Height)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row must be in [0, {Height}).");
        }

        if ((uint)column >= (uint)Width)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"Column must be in [0, {Width}).");
        }
    }

    private static void RequirePositive(string field, int value)
    {
        if (value <= 0)
        {
            throw new ScaneoValidationException(field, value.ToString(CultureInfo.InvariantCulture), "must be a positive number of pixels or bands.");
        }
    }
}
