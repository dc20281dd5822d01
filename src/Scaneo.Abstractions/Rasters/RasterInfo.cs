using Scaneo.Geo;

namespace Scaneo.Rasters;

/// <summary>What a raster file declares, read from its header without decoding pixels.</summary>
public sealed class RasterInfo
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="format">The file format.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="bandCount">Number of bands.</param>
    /// <param name="dataType">Pixel type.</param>
    /// <param name="noData">Nodata value, if declared.</param>
    /// <param name="crs">CRS, if declared.</param>
    /// <param name="geoTransform">Pixel → map transform (after the PixelIsPoint shift), if declared.</param>
    public RasterInfo(RasterFormat format, int width, int height, int bandCount, RasterDataType dataType, double? noData, CrsReference? crs, GeoTransform? geoTransform)
    {
        Format = format;
        Width = width;
        Height = height;
        BandCount = bandCount;
        DataType = dataType;
        NoData = noData;
        Crs = crs;
        GeoTransform = geoTransform;
    }

    /// <summary>Gets the file format.</summary>
    public RasterFormat Format { get; }

    /// <summary>Gets the width in pixels.</summary>
    public int Width { get; }

    /// <summary>Gets the height in pixels.</summary>
    public int Height { get; }

    /// <summary>Gets the number of bands.</summary>
    public int BandCount { get; }

    /// <summary>Gets the pixel type.</summary>
    public RasterDataType DataType { get; }

    /// <summary>Gets the nodata value (GDAL_NODATA), or <see langword="null"/>.</summary>
    public double? NoData { get; }

    /// <summary>Gets the CRS, or <see langword="null"/> when the file declares none.</summary>
    public CrsReference? Crs { get; }

    /// <summary>Gets the pixel → map transform in GDAL order, or <see langword="null"/> when not georeferenced.</summary>
    public GeoTransform? GeoTransform { get; }
}
