using NetTopologySuite.Geometries;

namespace Scaneo.Predictions;

/// <summary>A SAM reply: the geometry grown from the prompt points, in EPSG:4326 (lon, lat).</summary>
public sealed class SamPrediction
{
    /// <summary>Initializes a new prediction.</summary>
    /// <param name="geometry">A non-empty Polygon or MultiPolygon in EPSG:4326.</param>
    /// <exception cref="ScaneoValidationException">Empty or not polygonal.</exception>
    public SamPrediction(Geometry geometry)
    {
        if (geometry is null || geometry.IsEmpty || geometry is not (Polygon or MultiPolygon))
        {
            throw new ScaneoValidationException("SamPrediction.Geometry", geometry?.GeometryType, "must be a non-empty Polygon or MultiPolygon in EPSG:4326.");
        }

        Geometry = geometry;
    }

    /// <summary>Gets the geometry.</summary>
    public Geometry Geometry { get; }
}
