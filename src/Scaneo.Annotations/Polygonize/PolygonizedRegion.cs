using NetTopologySuite.Geometries;

namespace Scaneo.Annotations.Polygonize;

/// <summary>One connected region of equal class value, as a polygon in map coordinates.</summary>
public sealed class PolygonizedRegion
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="value">The class value of the region's pixels.</param>
    /// <param name="geometry">The region: a <see cref="Polygon"/>, or a <see cref="MultiPolygon"/> for an 8-connected region joined through corners.</param>
    /// <param name="pixelCount">The number of pixels of the region.</param>
    /// <exception cref="ArgumentNullException"><paramref name="geometry"/> is null.</exception>
    /// <exception cref="ScaneoValidationException">The geometry is not polygonal or the pixel count is not positive.</exception>
    public PolygonizedRegion(int value, Geometry geometry, long pixelCount)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry is not (Polygon or MultiPolygon))
        {
            throw new ScaneoValidationException("PolygonizedRegion.Geometry", geometry.GeometryType, "must be a Polygon or a MultiPolygon.");
        }

        if (pixelCount <= 0)
        {
            throw new ScaneoValidationException("PolygonizedRegion.PixelCount", pixelCount.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be a positive number of pixels.");
        }

        Value = value;
        Geometry = geometry;
        PixelCount = pixelCount;
    }

    /// <summary>Gets the class value of the region's pixels.</summary>
    public int Value { get; }

    /// <summary>Gets the region: a <see cref="Polygon"/>, or a <see cref="MultiPolygon"/> when an 8-connected region touches itself only at corners.</summary>
    public Geometry Geometry { get; }

    /// <summary>Gets the number of pixels of the region (holes filled by <see cref="PolygonizeOptions.FillHolesBelow"/> are not counted).</summary>
    public long PixelCount { get; }
}
