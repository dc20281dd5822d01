using NetTopologySuite.Algorithm;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using Scaneo.Geo;

namespace Scaneo.ReferenceModel.Model;

/// <summary>
/// Turns a boolean pixel region into polygons whose edges lie on pixel edges (GDAL polygonize semantics: region
/// pixels 4-connected, holes kept, vertices only where the boundary turns), then applies the geotransform and the
/// CRS transform vertex by vertex.
/// </summary>
/// <remarks>
/// One pass collects the directed boundary edges with the region on their left; rings are traced by following
/// them, turning left at the saddle corners where two region pixels touch diagonally (so diagonal neighbours stay
/// apart, as with 4-connectivity). A traced walk that passes a saddle twice is split there into simple rings;
/// the sign of each ring's area tells shells from holes, and each hole goes to the smallest shell around it.
/// Linear in the boundary length, unlike a union of per-run rectangles.
/// </remarks>
internal static class RegionPolygonizer
{
    private static readonly GeometryFactory PixelFactory = new();

    // Directions: 0 = +x (right), 1 = +y (down), 2 = −x (left), 3 = −y (up); y grows downward in pixel space.
    private static readonly int[] Dx = [1, 0, -1, 0];
    private static readonly int[] Dy = [0, 1, 0, -1];

    /// <summary>Returns the region in pixel coordinates (x = column, y = row), or an empty polygon.</summary>
    public static Geometry ToPixelGeometry(bool[] region, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(region);
        var edges = CollectEdges(region, width, height);
        if (edges.Count == 0)
        {
            return PixelFactory.CreatePolygon();
        }

        var shells = new List<(LinearRing Ring, double Area)>();
        var holes = new List<LinearRing>();
        foreach (List<(int X, int Y)> ring in TraceRings(edges, width))
        {
            Coordinate[] coordinates = DropStraightVertices(ring);
            double signedArea = SignedArea(coordinates);
            LinearRing linear = PixelFactory.CreateLinearRing(coordinates);

            // Region on the left with y downward: shells wind with negative shoelace area, holes positive.
            if (signedArea < 0)
            {
                shells.Add((linear, -signedArea));
            }
            else
            {
                holes.Add(linear);
            }
        }

        return Assemble(shells, holes);
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

    private static Dictionary<long, (int First, int Second)> CollectEdgesIndex(List<(int X, int Y, int Dir)> edges, int width)
    {
        var outgoing = new Dictionary<long, (int First, int Second)>(edges.Count);
        for (int i = 0; i < edges.Count; i++)
        {
            long key = Key(edges[i].X, edges[i].Y, width);
            outgoing[key] = outgoing.TryGetValue(key, out var existing) ? (existing.First, i) : (i, -1);
        }

        return outgoing;
    }

    private static List<(int X, int Y, int Dir)> CollectEdges(bool[] region, int width, int height)
    {
        var edges = new List<(int X, int Y, int Dir)>();
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                if (!region[(y * width) + x])
                {
                    continue;
                }

                if (y == 0 || !region[((y - 1) * width) + x])
                {
                    edges.Add((x + 1, y, 2)); // top side, walked leftward
                }

                if (y == height - 1 || !region[((y + 1) * width) + x])
                {
                    edges.Add((x, y + 1, 0)); // bottom side, walked rightward
                }

                if (x == 0 || !region[(y * width) + x - 1])
                {
                    edges.Add((x, y, 1)); // left side, walked downward
                }

                if (x == width - 1 || !region[(y * width) + x + 1])
                {
                    edges.Add((x + 1, y + 1, 3)); // right side, walked upward
                }
            }
        }

        return edges;
    }

    private static IEnumerable<List<(int X, int Y)>> TraceRings(List<(int X, int Y, int Dir)> edges, int width)
    {
        var outgoing = CollectEdgesIndex(edges, width);
        var used = new bool[edges.Count];
        for (int start = 0; start < edges.Count; start++)
        {
            if (used[start])
            {
                continue;
            }

            var walk = new List<(int X, int Y)>();
            int current = start;
            do
            {
                used[current] = true;
                var (x, y, dir) = edges[current];
                walk.Add((x, y));
                int nx = x + Dx[dir], ny = y + Dy[dir];
                var (first, second) = outgoing[Key(nx, ny, width)];

                // At a saddle corner two edges leave; the left turn keeps diagonal region pixels apart.
                int left = (dir + 3) % 4;
                current = second >= 0 && edges[second].Dir == left ? second : first;
            }
            while (current != start);

            foreach (List<(int X, int Y)> ring in SplitAtRepeatedVertices(walk, width))
            {
                yield return ring;
            }
        }
    }

    /// <summary>Splits a closed walk that passes a vertex more than once into simple closed rings.</summary>
    private static IEnumerable<List<(int X, int Y)>> SplitAtRepeatedVertices(List<(int X, int Y)> walk, int width)
    {
        var stack = new List<(int X, int Y)>(walk.Count);
        var position = new Dictionary<long, int>();
        foreach (var vertex in walk)
        {
            long key = Key(vertex.X, vertex.Y, width);
            if (position.TryGetValue(key, out int at))
            {
                // The walk came back to a vertex on the stack: everything since closes a simple ring.
                var ring = stack.GetRange(at, stack.Count - at);
                for (int i = at + 1; i < stack.Count; i++)
                {
                    position.Remove(Key(stack[i].X, stack[i].Y, width));
                }

                stack.RemoveRange(at + 1, stack.Count - at - 1);
                yield return ring;
            }
            else
            {
                position[key] = stack.Count;
                stack.Add(vertex);
            }
        }

        // A closed walk never ends on a repeated vertex, so what is left is a ring of at least four corners.
        if (stack.Count >= 4)
        {
            yield return stack;
        }
    }

    private static Coordinate[] DropStraightVertices(List<(int X, int Y)> ring)
    {
        var kept = new List<Coordinate>(ring.Count + 1);
        int n = ring.Count;
        for (int i = 0; i < n; i++)
        {
            var prev = ring[(i + n - 1) % n];
            var here = ring[i];
            var next = ring[(i + 1) % n];
            long cross = ((long)(here.X - prev.X) * (next.Y - here.Y)) - ((long)(here.Y - prev.Y) * (next.X - here.X));
            if (cross != 0)
            {
                kept.Add(new Coordinate(here.X, here.Y));
            }
        }

        kept.Add(kept[0].Copy());
        return [.. kept];
    }

    private static double SignedArea(Coordinate[] closed)
    {
        double sum = 0;
        for (int i = 0; i < closed.Length - 1; i++)
        {
            sum += (closed[i].X * closed[i + 1].Y) - (closed[i + 1].X * closed[i].Y);
        }

        return sum / 2;
    }

    private static Geometry Assemble(List<(LinearRing Ring, double Area)> shells, List<LinearRing> holes)
    {
        // Smallest shells first, so the first shell that contains a hole is the innermost one.
        shells.Sort((a, b) => a.Area.CompareTo(b.Area));
        var locators = shells.Select(s => new IndexedPointInAreaLocator(PixelFactory.CreatePolygon(s.Ring))).ToArray();
        var holesOf = shells.Select(_ => new List<LinearRing>()).ToArray();
        foreach (LinearRing hole in holes)
        {
            // The centre of the outside pixel to the right of the hole's first edge lies strictly inside the hole.
            Coordinate p = hole.GetCoordinateN(0), q = hole.GetCoordinateN(1);
            double dx = Math.Sign(q.X - p.X), dy = Math.Sign(q.Y - p.Y);
            var probe = new Coordinate(p.X + (dx / 2) - (dy / 2), p.Y + (dy / 2) + (dx / 2));
            for (int s = 0; s < shells.Count; s++)
            {
                if (locators[s].Locate(probe) == Location.Interior)
                {
                    holesOf[s].Add(hole);
                    break;
                }
            }
        }

        Polygon[] polygons = shells.Select((s, i) => PixelFactory.CreatePolygon(s.Ring, [.. holesOf[i]])).ToArray();
        return polygons.Length == 1 ? polygons[0] : PixelFactory.CreateMultiPolygon(polygons);
    }

    private static long Key(int x, int y, int width) => ((long)y * (width + 1)) + x;

    private static Geometry Orient(Geometry geometry) => geometry switch
    {
        Polygon p => OrientPolygon(p),
        MultiPolygon mp => mp.Factory.CreateMultiPolygon(
            Enumerable.Range(0, mp.NumGeometries).Select(i => OrientPolygon((Polygon)mp.GetGeometryN(i))).ToArray()),
        _ => geometry,
    };

    private static Polygon OrientPolygon(Polygon polygon)
    {
        if (polygon.IsEmpty)
        {
            return polygon;
        }

        var factory = polygon.Factory;
        LinearRing shell = Orientation.IsCCW(polygon.Shell.CoordinateSequence) ? polygon.Shell : (LinearRing)polygon.Shell.Reverse();
        var holes = polygon.Holes.Select(h => Orientation.IsCCW(h.CoordinateSequence) ? (LinearRing)h.Reverse() : h).ToArray();
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
