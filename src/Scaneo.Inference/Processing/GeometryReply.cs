using NetTopologySuite.Geometries;

namespace Scaneo.Inference.Processing;

/// <summary>A reply holding a geometry in EPSG:4326 (SAM).</summary>
/// <param name="geometry">The geometry.</param>
public sealed class GeometryReply(Geometry geometry) : ModelReply
{
    /// <summary>Gets the geometry.</summary>
    public Geometry Geometry { get; } = geometry ?? throw new ArgumentNullException(nameof(geometry));

    /// <inheritdoc />
    public override string Describe() => "a GeoJSON " + Geometry.GeometryType;
}
