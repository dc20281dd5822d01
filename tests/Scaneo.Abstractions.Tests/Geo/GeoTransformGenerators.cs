using FsCheck;
using FsCheck.Fluent;
using Scaneo.Geo;

namespace Scaneo.Abstractions.Tests.Geo;

/// <summary>Generators of finite, invertible GDAL transforms (north-up, rotated and sheared).</summary>
internal static class GeoTransformGenerators
{
    /// <summary>A finite number with a random 9-digit mantissa: m · 10^k, |m| ≤ 1, k in [min, max].</summary>
    public static Gen<double> Number(int minExponent, int maxExponent) =>
        from m in Gen.Choose(-1_000_000_000, 1_000_000_000)
        from k in Gen.Choose(minExponent, maxExponent)
        select m / 1e9 * Math.Pow(10, k);

    /// <summary>
    /// Pixel sizes from micro-degrees to kilometres, origins up to a million pixels from 0 (a UTM northing in
    /// 10 m pixels), and rotation/shear terms half of the time.
    /// </summary>
    public static Gen<GeoTransform> Invertible { get; } =
        (from k in Gen.Choose(-6, 4)
         let pixel = Math.Pow(10, k)
         from a in Number(0, 0)
         from e in Number(0, 0)
         from rotated in Gen.Elements(false, true)
         from b in rotated ? Number(0, 0) : Gen.Constant(0.0)
         from d in rotated ? Number(0, 0) : Gen.Constant(0.0)
         from c in Number(0, 6)
         from f in Number(0, 6)
         select (c: c * pixel, a: a * pixel, b: b * pixel, f: f * pixel, d: d * pixel, e: e * pixel))
        .Where(t => IsWellConditioned(t.a, t.b, t.d, t.e))
        .Select(t => new GeoTransform(t.c, t.a, t.b, t.f, t.d, t.e));

    public static Arbitrary<GeoTransform> InvertibleArb => Arb.From(Invertible);

    /// <summary>The largest magnitude involved in pixel units: what "relative" error is relative to.</summary>
    public static double PixelScale(GeoTransform gt, double column, double row)
    {
        double pixel = Math.Sqrt(gt.PixelArea);
        return Math.Max(Math.Max(1, Math.Max(Math.Abs(column), Math.Abs(row))), Math.Max(Math.Abs(gt.C), Math.Abs(gt.F)) / pixel);
    }

    // Round trips can only be exact to 1e-9 when the transform is not nearly singular: the condition number
    // (‖M‖² / |det M|) multiplies rounding errors whatever the implementation.
    private static bool IsWellConditioned(double a, double b, double d, double e)
    {
        double det = Math.Abs((a * e) - (b * d));
        double norm2 = (a * a) + (b * b) + (d * d) + (e * e);
        return det > 0 && norm2 / det < 1e3;
    }
}
