using System.Globalization;

namespace Scaneo.Geo;

/// <summary>
/// An affine pixel → map transform in GDAL order <c>[c, a, b, f, d, e]</c>:
/// <c>X = c + col·a + row·b</c>, <c>Y = f + col·d + row·e</c>, where (c, f) is the OUTER corner of the
/// top-left pixel. North-up rasters have b = d = 0 and e &lt; 0.
/// </summary>
/// <remarks>
/// A struct so that hot paths (polygonization transforms every vertex) pay no allocation; every instance built
/// through the constructor is finite and invertible. <c>default(GeoTransform)</c> is the zero transform and is
/// rejected by every Scaneo API that takes one.
/// </remarks>
public readonly struct GeoTransform : IEquatable<GeoTransform>
{
    /// <summary>Initializes a new transform from the six GDAL coefficients.</summary>
    /// <param name="c">Map X of the top-left corner of the top-left pixel.</param>
    /// <param name="a">X advance per column (pixel width).</param>
    /// <param name="b">X advance per row (rotation term).</param>
    /// <param name="f">Map Y of the top-left corner of the top-left pixel.</param>
    /// <param name="d">Y advance per column (rotation term).</param>
    /// <param name="e">Y advance per row (negative for north-up).</param>
    /// <exception cref="ScaneoValidationException">A coefficient is NaN or infinite, or the transform is not invertible.</exception>
    public GeoTransform(double c, double a, double b, double f, double d, double e)
    {
        RequireFinite(nameof(c), c);
        RequireFinite(nameof(a), a);
        RequireFinite(nameof(b), b);
        RequireFinite(nameof(f), f);
        RequireFinite(nameof(d), d);
        RequireFinite(nameof(e), e);
        double det = (a * e) - (b * d);
        double scale = Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), Math.Max(Math.Abs(d), Math.Abs(e)));
        if (det == 0 || !double.IsFinite(det) || Math.Abs(det) <= scale * scale * 1e-12)
        {
            throw new ScaneoValidationException(
                "GeoTransform",
                FormattableString.Invariant($"[{c}, {a}, {b}, {f}, {d}, {e}]"),
                "is not invertible: its determinant a·e − b·d must be non-zero.");
        }

        C = c;
        A = a;
        B = b;
        F = f;
        D = d;
        E = e;
    }

    /// <summary>Gets the identity transform (pixel coordinates are map coordinates, rows grow downward in Y).</summary>
    public static GeoTransform Identity { get; } = new(0, 1, 0, 0, 0, 1);

    /// <summary>Gets map X of the top-left corner of the top-left pixel.</summary>
    public double C { get; }

    /// <summary>Gets the X advance per column.</summary>
    public double A { get; }

    /// <summary>Gets the X advance per row.</summary>
    public double B { get; }

    /// <summary>Gets map Y of the top-left corner of the top-left pixel.</summary>
    public double F { get; }

    /// <summary>Gets the Y advance per column.</summary>
    public double D { get; }

    /// <summary>Gets the Y advance per row.</summary>
    public double E { get; }

    /// <summary>Gets the determinant <c>a·e − b·d</c>: the signed map area of one pixel.</summary>
    public double Determinant => (A * E) - (B * D);

    /// <summary>Gets the absolute map area of one pixel.</summary>
    public double PixelArea => Math.Abs(Determinant);

    /// <summary>Gets a value indicating whether the transform has rotation or shear terms (b or d non-zero).</summary>
    public bool IsRotated => B != 0 || D != 0;

    /// <summary>Gets a value indicating whether the raster is north-up (no rotation, e &lt; 0).</summary>
    public bool IsNorthUp => !IsRotated && E < 0;

    /// <summary>Creates a transform from six GDAL-ordered coefficients.</summary>
    /// <param name="coefficients">Exactly six numbers <c>[c, a, b, f, d, e]</c>.</param>
    /// <returns>The transform.</returns>
    /// <exception cref="ScaneoValidationException">Not six coefficients, or an invalid transform.</exception>
    public static GeoTransform FromGdal(ReadOnlySpan<double> coefficients)
    {
        if (coefficients.Length != 6)
        {
            throw new ScaneoValidationException(
                "GeoTransform",
                coefficients.Length.ToString(CultureInfo.InvariantCulture) + " coefficients",
                "must have exactly 6 coefficients in GDAL order [c, a, b, f, d, e].");
        }

        return new GeoTransform(coefficients[0], coefficients[1], coefficients[2], coefficients[3], coefficients[4], coefficients[5]);
    }

    /// <summary>Returns the six coefficients in GDAL order <c>[c, a, b, f, d, e]</c>.</summary>
    /// <returns>A new array.</returns>
    public double[] ToGdal() => [C, A, B, F, D, E];

    /// <summary>Transforms a pixel position (column, row; may be fractional) to map coordinates.</summary>
    /// <param name="column">Column, 0 at the left edge of the raster.</param>
    /// <param name="row">Row, 0 at the top edge of the raster.</param>
    /// <returns>Map (X, Y).</returns>
    public (double X, double Y) PixelToMap(double column, double row) =>
        (C + (column * A) + (row * B), F + (column * D) + (row * E));

    /// <summary>Transforms map coordinates to a fractional pixel position.</summary>
    /// <param name="x">Map X.</param>
    /// <param name="y">Map Y.</param>
    /// <returns>(column, row).</returns>
    public (double Column, double Row) MapToPixel(double x, double y)
    {
        double det = Determinant;
        double dx = x - C;
        double dy = y - F;
        return (((E * dx) - (B * dy)) / det, ((A * dy) - (D * dx)) / det);
    }

    /// <summary>Returns the inverse transform (map → pixel) expressed in the same six-coefficient form.</summary>
    /// <returns>The inverse.</returns>
    public GeoTransform Inverse()
    {
        double det = Determinant;
        double ia = E / det;
        double ib = -B / det;
        double id = -D / det;
        double ie = A / det;
        return new GeoTransform(-((ia * C) + (ib * F)), ia, ib, -((id * C) + (ie * F)), id, ie);
    }

    /// <summary>
    /// Returns this transform shifted by half a pixel up-left, exactly as GDAL does for rasters whose GeoTIFF
    /// GTRasterType is PixelIsPoint (the tie point names a pixel centre, the transform names its corner).
    /// </summary>
    /// <returns>The corner-based transform.</returns>
    public GeoTransform ShiftPixelIsPointToCorner() =>
        new(C - (A / 2) - (B / 2), A, B, F - (D / 2) - (E / 2), D, E);

    /// <summary>Returns the transform of a window whose top-left pixel is (<paramref name="column"/>, <paramref name="row"/>) of this raster.</summary>
    /// <param name="column">Column offset of the window.</param>
    /// <param name="row">Row offset of the window.</param>
    /// <returns>The window's transform.</returns>
    public GeoTransform ForWindow(int column, int row)
    {
        var (x, y) = PixelToMap(column, row);
        return new GeoTransform(x, A, B, y, D, E);
    }

    /// <summary>Returns the transform of the same extent sampled on a grid scaled by the given factors.</summary>
    /// <param name="columnFactor">New pixel width / old pixel width.</param>
    /// <param name="rowFactor">New pixel height / old pixel height.</param>
    /// <returns>The scaled transform.</returns>
    public GeoTransform Scale(double columnFactor, double rowFactor) =>
        new(C, A * columnFactor, B * rowFactor, F, D * columnFactor, E * rowFactor);

    /// <inheritdoc />
    public bool Equals(GeoTransform other) =>
        C.Equals(other.C) && A.Equals(other.A) && B.Equals(other.B) && F.Equals(other.F) && D.Equals(other.D) && E.Equals(other.E);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GeoTransform other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(C, A, B, F, D, E);

    /// <summary>Returns the coefficients in GDAL order, e.g. <c>[288776.25, 28.5, 0, 9120760.75, 0, -28.5]</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{C:R}, {A:R}, {B:R}, {F:R}, {D:R}, {E:R}]");

    /// <summary>Compares two transforms coefficient by coefficient.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(GeoTransform left, GeoTransform right) => left.Equals(right);

    /// <summary>Compares two transforms coefficient by coefficient.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(GeoTransform left, GeoTransform right) => !left.Equals(right);

    private static void RequireFinite(string name, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ScaneoValidationException(
                "GeoTransform." + name,
                value.ToString(CultureInfo.InvariantCulture),
                "must be a finite number.");
        }
    }
}
