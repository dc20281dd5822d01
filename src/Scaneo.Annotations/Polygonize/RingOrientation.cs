namespace Scaneo.Annotations.Polygonize;

/// <summary>Puts closed rings in RFC 7946 orientation: exteriors counter-clockwise, holes clockwise.</summary>
internal static class RingOrientation
{
    /// <summary>Reverses a closed ring of packed (x, y) pairs in place when its orientation is wrong.</summary>
    public static void Orient(Span<double> coords, int count, bool exterior)
    {
        double area2 = 0;
        double x0 = coords[0];
        double y0 = coords[1];
        for (int i = 1; i < count - 1; i++)
        {
            // Relative to the first vertex to keep precision on large map coordinates.
            double ax = coords[2 * i] - x0;
            double ay = coords[(2 * i) + 1] - y0;
            double bx = coords[(2 * i) + 2] - x0;
            double by = coords[(2 * i) + 3] - y0;
            area2 += (ax * by) - (bx * ay);
        }

        if (exterior ? area2 < 0 : area2 > 0)
        {
            for (int i = 1, j = count - 2; i < j; i++, j--)
            {
                (coords[2 * i], coords[2 * j]) = (coords[2 * j], coords[2 * i]);
                (coords[(2 * i) + 1], coords[(2 * j) + 1]) = (coords[(2 * j) + 1], coords[(2 * i) + 1]);
            }
        }
    }
}
