using NetTopologySuite.Algorithm;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using Scaneo.Annotations.Polygonize;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Annotations.Tests.Polygonize;

/// <summary>Independent checks of polygonizer output against the mask (flood fill as the reference labelling).</summary>
internal static class PolygonizeChecks
{
    /// <summary>The 10 m UTM geotransform (EPSG:32631) of the polygonizer tests' rasters.</summary>
    public static readonly GeoTransform UtmTransform = new(500000, 10, 0, 4000000, 0, -10);

    /// <summary>A one-band byte raster on <see cref="UtmTransform"/>, EPSG:32631, without nodata.</summary>
    public static RasterBuffer<byte> UtmRaster(byte[] pixels, int width, int height) =>
        new(pixels, width, height, 1, UtmTransform, CrsReference.FromEpsg(32631), null);

    /// <summary>A mask of uniformly random class values 0 … <paramref name="classes"/> − 1.</summary>
    public static byte[] Noise(int width, int height, int classes, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[width * height];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)random.Next(classes);
        }

        return pixels;
    }

    /// <summary>Asserts byte-identical output: same values, pixel counts, SRIDs and WKB, region by region.</summary>
    public static void AssertSameOutput(IReadOnlyList<PolygonizedRegion> expected, IReadOnlyList<PolygonizedRegion> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        var writer = new NetTopologySuite.IO.WKBWriter();
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Value, actual[i].Value);
            Assert.Equal(expected[i].PixelCount, actual[i].PixelCount);
            Assert.Equal(expected[i].Geometry.SRID, actual[i].Geometry.SRID);
            Assert.True(writer.Write(expected[i].Geometry).AsSpan().SequenceEqual(writer.Write(actual[i].Geometry)), $"region {i} differs: {expected[i].Geometry} vs {actual[i].Geometry}");
        }
    }

    /// <summary>Reference components by flood fill, numbered by first pixel in row-major order.</summary>
    public static int[] FloodLabels(byte[] pixels, int w, int h, Func<int, bool> valid, bool eight, out int count)
    {
        var label = new int[w * h];
        Array.Fill(label, -1);
        count = 0;
        var stack = new Stack<int>();
        for (int i = 0; i < label.Length; i++)
        {
            if (label[i] >= 0 || !valid(i))
            {
                continue;
            }

            label[i] = count;
            stack.Push(i);
            while (stack.Count > 0)
            {
                int p = stack.Pop();
                int r = p / w;
                int c = p % w;
                for (int dr = -1; dr <= 1; dr++)
                {
                    for (int dc = -1; dc <= 1; dc++)
                    {
                        if ((dr == 0 && dc == 0) || (!eight && dr != 0 && dc != 0))
                        {
                            continue;
                        }

                        int rr = r + dr;
                        int cc = c + dc;
                        if (rr < 0 || rr >= h || cc < 0 || cc >= w)
                        {
                            continue;
                        }

                        int q = (rr * w) + cc;
                        if (label[q] < 0 && valid(q) && pixels[q] == pixels[p])
                        {
                            label[q] = count;
                            stack.Push(q);
                        }
                    }
                }
            }

            count++;
        }

        return label;
    }

    public static void VerifyAll(MaskCase mask, Connectivity connectivity, IReadOnlyList<PolygonizedRegion> regions)
    {
        byte[] pixels = mask.Pixels();
        byte[]? validity = mask.Validity();
        int w = mask.Width;
        int h = mask.Height;
        GeoTransform gt = mask.Transform;
        Func<int, bool> valid = i => mask.IsValidPixel(pixels, validity, i);
        int[] labels = FloodLabels(pixels, w, h, valid, connectivity == Connectivity.Eight, out int count);

        // Same regions as the reference labelling, in the order of their first pixel.
        Assert.Equal(count, regions.Count);
        var size = new long[count];
        var value = new int[count];
        for (int i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= 0)
            {
                size[labels[i]]++;
                value[labels[i]] = pixels[i];
            }
        }

        for (int k = 0; k < count; k++)
        {
            PolygonizedRegion region = regions[k];
            Assert.Equal(value[k], region.Value);
            Assert.Equal(size[k], region.PixelCount);
            Assert.True(region.Geometry.IsValid, $"region {k} invalid: {region.Geometry}");
            Assert.Equal(size[k] * gt.PixelArea, region.Geometry.Area, 1e-6 * Math.Max(1, size[k] * gt.PixelArea));
            if (connectivity == Connectivity.Four)
            {
                Assert.IsType<Polygon>(region.Geometry);
            }

            foreach (Polygon polygon in Polygons(region.Geometry))
            {
                VerifyRing(polygon.Shell, gt, exterior: true);
                foreach (LineString hole in polygon.Holes)
                {
                    VerifyRing(hole, gt, exterior: false);
                }
            }
        }

        // Pixel centre inside a region ⇔ that region is the pixel's component (rasterising back reproduces the mask).
        var locators = regions.Select(r => new IndexedPointInAreaLocator(r.Geometry)).ToArray();
        var envelopes = regions.Select(r => r.Geometry.EnvelopeInternal).ToArray();
        for (int i = 0; i < labels.Length; i++)
        {
            var (x, y) = gt.PixelToMap((i % w) + 0.5, (i / w) + 0.5);
            var centre = new Coordinate(x, y);
            for (int k = 0; k < regions.Count; k++)
            {
                bool inside = envelopes[k].Contains(centre) && locators[k].Locate(centre) == Location.Interior;
                Assert.True(inside == (labels[i] == k), $"pixel {i} (label {labels[i]}) vs region {k}: inside = {inside}");
            }
        }

        // Pairwise interior-disjoint (checked directly, not only through the centres).
        if (regions.Count <= 60)
        {
            for (int a = 0; a < regions.Count; a++)
            {
                for (int b = a + 1; b < regions.Count; b++)
                {
                    if (envelopes[a].Intersects(envelopes[b]))
                    {
                        // Measured by area: straight shared edges carry a vertex on one side only (no collinear
                        // vertices, as GDAL), so with rotated transforms they agree only to rounding.
                        double overlap = regions[a].Geometry.Intersection(regions[b].Geometry).Area;
                        Assert.True(overlap < 1e-9 * gt.PixelArea, $"regions {a} and {b} overlap by {overlap}");
                    }
                }
            }
        }
    }

    public static IEnumerable<Polygon> Polygons(Geometry g)
    {
        for (int i = 0; i < g.NumGeometries; i++)
        {
            yield return (Polygon)g.GetGeometryN(i);
        }
    }

    /// <summary>Checks orientation (RFC 7946), corners on the pixel grid and no collinear or repeated vertices.</summary>
    public static void VerifyRing(LineString ring, GeoTransform gt, bool exterior)
    {
        Assert.Equal(exterior, Orientation.IsCCW(ring.CoordinateSequence));
        Coordinate[] pts = ring.Coordinates;
        int n = pts.Length - 1;
        Assert.True(n >= 4, "a ring has at least four corners");
        var px = new (long X, long Y)[n];
        for (int i = 0; i < n; i++)
        {
            var (c, r) = gt.MapToPixel(pts[i].X, pts[i].Y);
            Assert.True(Math.Abs(c - Math.Round(c)) < 1e-6 && Math.Abs(r - Math.Round(r)) < 1e-6, "vertices are pixel corners");
            px[i] = ((long)Math.Round(c), (long)Math.Round(r));
        }

        var seen = new HashSet<(long, long)>();
        for (int i = 0; i < n; i++)
        {
            var p0 = px[(i + n - 1) % n];
            var p1 = px[i];
            var p2 = px[(i + 1) % n];
            long cross = ((p1.X - p0.X) * (p2.Y - p1.Y)) - ((p1.Y - p0.Y) * (p2.X - p1.X));
            Assert.True(cross != 0, $"collinear vertex {p1} in {ring}");
            Assert.True(seen.Add(p1), $"ring visits {p1} twice");
        }
    }
}
