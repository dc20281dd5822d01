using NetTopologySuite.Geometries;

namespace Scaneo.Annotations.Exports;

/// <summary>
/// Rasterises a polygonal geometry given in pixel coordinates onto an image grid (a pixel is inside when its centre
/// is, even-odd rule, so holes stay empty) and encodes it as COCO uncompressed RLE: run lengths over the pixels in
/// column-major (Fortran) order, starting with a run of zeros.
/// </summary>
internal static class CocoRle
{
    public static bool[] Rasterize(Geometry pixelGeometry, int width, int height)
    {
        var mask = new bool[width * height];
        var rings = new List<Coordinate[]>();
        for (int g = 0; g < pixelGeometry.NumGeometries; g++)
        {
            if (pixelGeometry.GetGeometryN(g) is Polygon p)
            {
                rings.Add(p.ExteriorRing.Coordinates);
                rings.AddRange(p.InteriorRings.Select(h => h.Coordinates));
            }
        }

        var xs = new List<double>();
        for (int row = 0; row < height; row++)
        {
            double y = row + 0.5;
            xs.Clear();
            foreach (var ring in rings)
            {
                for (int i = 0; i + 1 < ring.Length; i++)
                {
                    var a = ring[i];
                    var b = ring[i + 1];

                    // Half-open rule on y so a vertex on the scanline is counted once.
                    if ((a.Y <= y && b.Y > y) || (b.Y <= y && a.Y > y))
                    {
                        xs.Add(a.X + ((y - a.Y) / (b.Y - a.Y) * (b.X - a.X)));
                    }
                }
            }

            xs.Sort();
            for (int k = 0; k + 1 < xs.Count; k += 2)
            {
                // Columns whose centre c + 0.5 lies in [x0, x1).
                int c0 = Math.Max(0, (int)Math.Ceiling(xs[k] - 0.5));
                int c1 = Math.Min(width - 1, (int)Math.Ceiling(xs[k + 1] - 0.5) - 1);
                for (int c = c0; c <= c1; c++)
                {
                    mask[(row * width) + c] = true;
                }
            }
        }

        return mask;
    }

    public static List<int> EncodeColumnMajor(bool[] mask, int width, int height)
    {
        var counts = new List<int>();
        bool current = false;
        int run = 0;
        for (int c = 0; c < width; c++)
        {
            for (int r = 0; r < height; r++)
            {
                bool v = mask[(r * width) + c];
                if (v != current)
                {
                    counts.Add(run);
                    run = 0;
                    current = v;
                }

                run++;
            }
        }

        counts.Add(run);
        return counts;
    }
}
