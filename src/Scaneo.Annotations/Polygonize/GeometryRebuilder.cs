using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using Scaneo.Geo;

namespace Scaneo.Annotations.Polygonize;

/// <summary>Rebuilds a polygonal geometry with reprojected, RFC 7946-oriented rings (used after coverage simplification).</summary>
internal static class GeometryRebuilder
{
    public static Geometry Rebuild(Geometry geometry, IMapTransform? reprojection, GeometryFactory factory)
    {
        switch (geometry)
        {
            case Polygon p:
                return RebuildPolygon(p, reprojection, factory);
            case MultiPolygon mp:
                var parts = new Polygon[mp.NumGeometries];
                for (int i = 0; i < parts.Length; i++)
                {
                    parts[i] = RebuildPolygon((Polygon)mp.GetGeometryN(i), reprojection, factory);
                }

                return factory.CreateMultiPolygon(parts);
            default:
                throw new ScaneoException("Coverage simplification returned a " + geometry.GeometryType + " where a polygon was expected.");
        }
    }

    private static Polygon RebuildPolygon(Polygon polygon, IMapTransform? reprojection, GeometryFactory factory)
    {
        if (polygon.IsEmpty)
        {
            return factory.CreatePolygon();
        }

        LinearRing shell = RebuildRing(polygon.Shell, exterior: true, reprojection, factory);
        var holes = new LinearRing[polygon.NumInteriorRings];
        for (int i = 0; i < holes.Length; i++)
        {
            holes[i] = RebuildRing(polygon.GetInteriorRingN(i), exterior: false, reprojection, factory);
        }

        return factory.CreatePolygon(shell, holes);
    }

    private static LinearRing RebuildRing(LineString ring, bool exterior, IMapTransform? reprojection, GeometryFactory factory)
    {
        CoordinateSequence seq = ring.CoordinateSequence;
        int n = seq.Count;
        var coords = new double[n * 2];
        if (reprojection is not null)
        {
            var x = new double[n];
            var y = new double[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = seq.GetX(i);
                y[i] = seq.GetY(i);
            }

            reprojection.Transform(x, y);
            for (int i = 0; i < n; i++)
            {
                coords[2 * i] = x[i];
                coords[(2 * i) + 1] = y[i];
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                coords[2 * i] = seq.GetX(i);
                coords[(2 * i) + 1] = seq.GetY(i);
            }
        }

        RingOrientation.Orient(coords, n, exterior);
        return factory.CreateLinearRing(new PackedDoubleCoordinateSequence(coords, 2, 0));
    }
}
