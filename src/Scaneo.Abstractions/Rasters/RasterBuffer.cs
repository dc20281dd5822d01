using System.Globalization;
using System.Runtime.CompilerServices;
using Scaneo.Geo;

namespace Scaneo.Rasters;

/// <summary>
/// A raster whose samples are <typeparamref name="T"/>, stored band-sequentially in one array:
/// band b, row r, column c is at <c>b·W·H + r·W + c</c>. Hot paths take <see cref="GetBand"/> or
/// <see cref="GetRow"/> spans; the pixels are mutable, the shape and georeferencing are not.
/// </summary>
/// <typeparam name="T">byte, sbyte, ushort, short, uint, int, float or double.</typeparam>
public sealed class RasterBuffer<T> : Raster
    where T : unmanaged
{
    private readonly T[] _data;

    /// <summary>Initializes a zero-filled raster.</summary>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="bandCount">Number of bands.</param>
    /// <param name="geoTransform">Pixel → map transform, if georeferenced.</param>
    /// <param name="crs">CRS, if known.</param>
    /// <param name="noData">Nodata value, if any.</param>
    public RasterBuffer(int width, int height, int bandCount = 1, GeoTransform? geoTransform = null, CrsReference? crs = null, double? noData = null)
        : base(width, height, bandCount, RasterDataTypes.Of<T>(), geoTransform, crs, noData)
    {
        _data = new T[checked(width * height * bandCount)];
    }

    /// <summary>Initializes a raster over existing band-sequential samples (not copied).</summary>
    /// <param name="data">Exactly width × height × bandCount samples, band-sequential.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="bandCount">Number of bands.</param>
    /// <param name="geoTransform">Pixel → map transform, if georeferenced.</param>
    /// <param name="crs">CRS, if known.</param>
    /// <param name="noData">Nodata value, if any.</param>
    /// <exception cref="ScaneoValidationException">The array length does not match the shape.</exception>
    public RasterBuffer(T[] data, int width, int height, int bandCount = 1, GeoTransform? geoTransform = null, CrsReference? crs = null, double? noData = null)
        : base(width, height, bandCount, RasterDataTypes.Of<T>(), geoTransform, crs, noData)
    {
        ArgumentNullException.ThrowIfNull(data);
        long expected = (long)width * height * bandCount;
        if (data.LongLength != expected)
        {
            throw new ScaneoValidationException(
                "RasterBuffer.Data",
                data.LongLength.ToString(CultureInfo.InvariantCulture) + " samples",
                string.Create(CultureInfo.InvariantCulture, $"must hold width × height × bands = {width} × {height} × {bandCount} = {expected} samples."));
        }

        _data = data;
    }

    /// <summary>Gets all samples, band-sequential.</summary>
    public Span<T> Data => _data;

    /// <summary>Gets the underlying array (band-sequential), for APIs that need an array.</summary>
    /// <returns>The array itself, not a copy.</returns>
    public T[] GetArray() => _data;

    /// <summary>Gets or sets one sample.</summary>
    /// <param name="band">Band index, 0-based.</param>
    /// <param name="row">Row.</param>
    /// <param name="column">Column.</param>
    public T this[int band, int row, int column]
    {
        get
        {
            CheckPixel(band, row, column);
            return _data[Offset(band, row, column)];
        }

        set
        {
            CheckPixel(band, row, column);
            _data[Offset(band, row, column)] = value;
        }
    }

    /// <summary>Returns the samples of one band (width × height, row-major).</summary>
    /// <param name="band">Band index, 0-based.</param>
    /// <returns>A span over the band.</returns>
    public Span<T> GetBand(int band)
    {
        if ((uint)band >= (uint)BandCount)
        {
            throw new ArgumentOutOfRangeException(nameof(band), band, $"Band index must be in [0, {BandCount}).");
        }

        return _data.AsSpan(band * Width * Height, Width * Height);
    }

    /// <summary>Returns the samples of one band as memory (for async or parallel consumers).</summary>
    /// <param name="band">Band index, 0-based.</param>
    /// <returns>The band's memory.</returns>
    public Memory<T> GetBandMemory(int band)
    {
        if ((uint)band >= (uint)BandCount)
        {
            throw new ArgumentOutOfRangeException(nameof(band), band, $"Band index must be in [0, {BandCount}).");
        }

        return _data.AsMemory(band * Width * Height, Width * Height);
    }

    /// <summary>Returns one row of one band.</summary>
    /// <param name="band">Band index, 0-based.</param>
    /// <param name="row">Row.</param>
    /// <returns>A span of <see cref="Raster.Width"/> samples.</returns>
    public Span<T> GetRow(int band, int row)
    {
        CheckPixel(band, row, 0);
        return _data.AsSpan(Offset(band, row, 0), Width);
    }

    /// <inheritdoc />
    public override double GetValue(int band, int row, int column)
    {
        CheckPixel(band, row, column);
        return ToDouble(_data[Offset(band, row, column)]);
    }

    /// <inheritdoc />
    public override Raster WithGeoreference(GeoTransform? geoTransform, CrsReference? crs) =>
        new RasterBuffer<T>(_data, Width, Height, BandCount, geoTransform, crs, NoData);

    /// <summary>Returns a raster sharing these pixels with another nodata value.</summary>
    /// <param name="noData">The nodata value, or <see langword="null"/>.</param>
    /// <returns>The raster.</returns>
    public RasterBuffer<T> WithNoData(double? noData) =>
        new(_data, Width, Height, BandCount, GeoTransform, Crs, noData);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Offset(int band, int row, int column) => (((band * Height) + row) * Width) + column;

    private static double ToDouble(T value) => value switch
    {
        byte v => v,
        sbyte v => v,
        ushort v => v,
        short v => v,
        uint v => v,
        int v => v,
        float v => v,
        double v => v,
        _ => throw new NotSupportedException($"{typeof(T).Name} is not a raster sample type."),
    };
}
