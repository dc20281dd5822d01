using Scaneo.Rasters;

namespace Scaneo.Geo;

/// <summary>Where a raster lies on Earth: its four corners transformed to WGS 84.</summary>
public static class RasterFootprint
{
    /// <summary>Returns the WGS 84 bounds of a raster's four corners.</summary>
    /// <param name="raster">The raster.</param>
    /// <returns>The bounds, or <see langword="null"/> when the raster has no transform or CRS, or the CRS cannot be transformed.</returns>
    public static GeoBounds? BoundsWgs84(Raster raster)
    {
        ArgumentNullException.ThrowIfNull(raster);
        return BoundsWgs84(raster.Width, raster.Height, raster.GeoTransform, raster.Crs);
    }

    /// <summary>Returns the WGS 84 bounds of the four corners of a raster file's header.</summary>
    /// <param name="info">The header.</param>
    /// <returns>The bounds, or <see langword="null"/> when not georeferenced or the CRS cannot be transformed.</returns>
    public static GeoBounds? BoundsWgs84(RasterInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return BoundsWgs84(info.Width, info.Height, info.GeoTransform, info.Crs);
    }

    private static GeoBounds? BoundsWgs84(int width, int height, GeoTransform? geoTransform, CrsReference? crs)
    {
        if (geoTransform is not GeoTransform gt || crs is null)
        {
            return null;
        }

        IMapTransform transform;
        try
        {
            transform = Reprojection.ToWgs84(crs);
        }
        catch (CrsNotSupportedException)
        {
            return null;
        }

        Span<double> x = stackalloc double[4];
        Span<double> y = stackalloc double[4];
        (x[0], y[0]) = gt.PixelToMap(0, 0);
        (x[1], y[1]) = gt.PixelToMap(width, 0);
        (x[2], y[2]) = gt.PixelToMap(0, height);
        (x[3], y[3]) = gt.PixelToMap(width, height);
        transform.Transform(x, y);
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, maxX = double.NegativeInfinity, maxY = double.NegativeInfinity;
        for (int i = 0; i < 4; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                return null;
            }

            minX = Math.Min(minX, x[i]);
            maxX = Math.Max(maxX, x[i]);
            minY = Math.Min(minY, y[i]);
            maxY = Math.Max(maxY, y[i]);
        }

        return new GeoBounds(minX, minY, maxX, maxY);
    }
}
