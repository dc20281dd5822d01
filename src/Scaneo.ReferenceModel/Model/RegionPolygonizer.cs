using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Simplify;
using Scaneo.Geo;

namespace Scaneo.ReferenceModel.Model;

/// <summary>
/// Turns a boolean pixel region into polygons whose edges lie on pixel edges (GDAL polygonize semantics, holes
/// kept): the union of one rectangle per horizontal run of pixels, then the geotransform and the CRS transform
/// applied vertex by vertex.
/// </summary>
internal static class RegionPolygonizer
{
    private static readonly GeometryFactory PixelFactory = new();

    /// <summary>Returns the region in pixel coordinates (x = column, y = row), or an empty geometry.</summary>
    public static Geometry ToPixelGeometry(bool[] region, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(region);
        var runs = new List<Geometry>();
        for (int y = 0; y < height; y++)
        {
            int x = 0;
            while (x < width)
            {
                if (!region[(y * width) + x])
                {
                    x++;
                    continue;
                }

                int start = x;
                while (x < width && region[(y * width) + x])
                {
                    x++;
                }

                runs.Add(PixelFactory.ToGeometry(new Envelope(start, x, y, y + 1)));
            }
        }

        if (runs.Count == 0)
        {
            return PixelFactory.CreatePolygon();
        }

        Geometry union = CascadedPolygonUnion.Union(runs);

        // Tolerance 0 only drops vertices exactly on a straight run: pixel-corner vertices at direction changes stay.
        return DouglasPeuckerSimplifier.Simplify(union, 0);
    }

    /// <summary>Maps pixel coordinates through the geotransform, then through the CRS transform, into WGS 84 geometry.</summary>
    public static Geometry ToMap(Geometry pixelGeometry, GeoTransform transform, IMapTransform? toWgs84)
    {
        ArgumentNullException.ThrowIfNull(pixelGeometry);
        Geometry result = pixelGeometry.Copy();
        result.Apply(new CoordinateFilter(transform, toWgs84));
        result.GeometryChanged();
        Geometry wgs84 = GeoJsonGeometry.Factory.CreateGeometry(result);

        // A north-up transform flips y, so the winding flips too: normalise to RFC 7946 (exterior counter-clockwise).
        return Orient(wgs84);
    }

    private static Geometry Orient(Geometry geometry) => geometry switch
    {
        Polygon p => OrientPolygon(p),
        MultiPolygon mp => mp.Factory.CreateMultiPolygon(
            Enumerable.Range(0, mp.NumGeometries).Select(i => OrientPolygon((Polygon)mp.GetGeometryN(i))).ToArray()),
        _ => geometry,
    };

    private static Polygon OrientPolygon(Polygon polygon)
    {
        var factory = polygon.Factory;
        LinearRing shell = polygon.Shell.IsCCW ? polygon.Shell : (LinearRing)polygon.Shell.Reverse();
        var holes = polygon.Holes.Select(h => h.IsCCW ? (LinearRing)h.Reverse() : h).ToArray();
        return factory.CreatePolygon(shell, holes);
    }

    private sealed class CoordinateFilter(GeoTransform transform, IMapTransform? toWgs84) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (int i = 0; i < seq.Count; i++)
            {
                var (x, y) = transform.PixelToMap(seq.GetX(i), seq.GetY(i));
                if (toWgs84 is not null)
                {
                    (x, y) = toWgs84.Transform(x, y);
                }

                seq.SetX(i, x);
                seq.SetY(i, y);
            }
        }
    }
}
