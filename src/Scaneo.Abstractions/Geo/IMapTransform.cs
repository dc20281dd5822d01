namespace Scaneo.Geo;

/// <summary>
/// Transforms map coordinates from one CRS to another, point by point (no densification, as rasterio's
/// <c>transform_geom</c>). Geographic coordinates are (lon, lat) = (X, Y).
/// </summary>
public interface IMapTransform
{
    /// <summary>Gets the CRS of the input coordinates.</summary>
    CrsReference Source { get; }

    /// <summary>Gets the CRS of the output coordinates.</summary>
    CrsReference Target { get; }

    /// <summary>Transforms one point.</summary>
    /// <param name="x">X (or lon) in the source CRS.</param>
    /// <param name="y">Y (or lat) in the source CRS.</param>
    /// <returns>The point in the target CRS.</returns>
    (double X, double Y) Transform(double x, double y);

    /// <summary>Transforms many points in place.</summary>
    /// <param name="x">X (or lon) values; replaced by the target's.</param>
    /// <param name="y">Y (or lat) values; replaced by the target's. Same length as <paramref name="x"/>.</param>
    void Transform(Span<double> x, Span<double> y);
}
