using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using Scaneo.Geo;

namespace Scaneo.Annotations.Internal;

/// <summary>Geometry helpers shared by the builder and the exporters.</summary>
internal static class GeoShapes
{
    public static GeometryFactory Wgs84 => GeoJsonGeometry.Factory;

    /// <summary>Maps pixel-space coordinates through the geotransform and, if given, the CRS transform.</summary>
    public static Coordinate[] PixelToWgs84(IReadOnlyList<(double Column, double Row)> pixels, GeoTransform transform, IMapTransform? toWgs84)
    {
        double[] x = new double[pixels.Count];
        double[] y = new double[pixels.Count];
        for (int i = 0; i < pixels.Count; i++)
        {
            (x[i], y[i]) = transform.PixelToMap(pixels[i].Column, pixels[i].Row);
        }

        toWgs84?.Transform(x, y);
        var coords = new Coordinate[pixels.Count];
        for (int i = 0; i < coords.Length; i++)
        {
            coords[i] = new Coordinate(x[i], y[i]);
        }

        return coords;
    }

    /// <summary>Builds a polygon with its shell counter-clockwise, as RFC 7946 asks.</summary>
    public static Polygon CcwPolygon(Coordinate[] closedRing)
    {
        if (!Orientation.IsCCW(closedRing))
        {
            Array.Reverse(closedRing);
        }

        return Wgs84.CreatePolygon(closedRing);
    }

    /// <summary>Returns a geometry with shells counter-clockwise and holes clockwise (RFC 7946 §3.1.6).</summary>
    public static Geometry OrientForGeoJson(Geometry geometry) => geometry switch
    {
        Polygon p => Orient(p),
        MultiPolygon mp => mp.Factory.CreateMultiPolygon([.. Enumerable.Range(0, mp.NumGeometries).Select(i => Orient((Polygon)mp.GetGeometryN(i)))]),
        _ => geometry,
    };

    private static Polygon Orient(Polygon p)
    {
        var shell = (LinearRing)p.ExteriorRing;
        if (!shell.IsCCW)
        {
            shell = (LinearRing)shell.Reverse();
        }

        var holes = p.InteriorRings.Select(h => (LinearRing)h).Select(h => h.IsCCW ? (LinearRing)h.Reverse() : h).ToArray();
        return p.Factory.CreatePolygon(shell, holes);
    }
}
