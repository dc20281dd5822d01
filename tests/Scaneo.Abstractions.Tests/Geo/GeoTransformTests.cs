using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scaneo.Geo;

namespace Scaneo.Abstractions.Tests.Geo;

public class GeoTransformTests
{
    private static readonly GeoTransform Landsat = new(288776.25, 28.5, 0, 9120760.75, 0, -28.5);
    private static readonly string[] Names = ["c", "a", "b", "f", "d", "e"];

    [Property(MaxTest = 300)]
    public Property PixelToMapToPixel_InvertibleTransform_IsIdentity() =>
        Prop.ForAll(
            GeoTransformGenerators.InvertibleArb,
            Arb.From(GeoTransformGenerators.Number(-1, 4)),
            Arb.From(GeoTransformGenerators.Number(-1, 4)),
            (gt, column, row) =>
            {
                var (x, y) = gt.PixelToMap(column, row);
                var (c2, r2) = gt.MapToPixel(x, y);
                AssertClose(column, c2, Scale(gt, column, row));
                AssertClose(row, r2, Scale(gt, column, row));
            });

    [Property(MaxTest = 300)]
    public Property Inverse_ComposedWithTransform_IsIdentity() =>
        Prop.ForAll(
            GeoTransformGenerators.InvertibleArb,
            Arb.From(GeoTransformGenerators.Number(-1, 4)),
            Arb.From(GeoTransformGenerators.Number(-1, 4)),
            (gt, column, row) =>
            {
                var inverse = gt.Inverse();
                var (x, y) = gt.PixelToMap(column, row);

                // The inverse maps map coordinates to pixels with PixelToMap (it is a transform like any other).
                var (c2, r2) = inverse.PixelToMap(x, y);
                AssertClose(column, c2, Scale(gt, column, row));
                AssertClose(row, r2, Scale(gt, column, row));

                // Inverting twice gives the original coefficients back.
                var twice = inverse.Inverse();
                double[] original = gt.ToGdal();
                double[] back = twice.ToGdal();
                double pixel = Math.Sqrt(gt.PixelArea);
                double origin = Math.Max(pixel, Math.Max(Math.Abs(gt.C), Math.Abs(gt.F)));
                for (int i = 0; i < 6; i++)
                {
                    AssertClose(original[i], back[i], i is 0 or 3 ? origin : pixel);
                }
            });

    [Property(MaxTest = 200)]
    public Property Constructor_NonFiniteCoefficient_ThrowsNamingCoefficient() =>
        Prop.ForAll(
            GeoTransformGenerators.InvertibleArb,
            Arb.From(Gen.Choose(0, 5)),
            Arb.From(Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity)),
            (gt, index, bad) =>
            {
                double[] coefficients = gt.ToGdal();
                coefficients[index] = bad;
                var ex = Assert.Throws<ScaneoValidationException>(() => GeoTransform.FromGdal(coefficients));
                Assert.Equal("GeoTransform." + Names[index], ex.Field);
                Assert.Contains("finite", ex.Rule, StringComparison.Ordinal);
            });

    [Theory]
    [InlineData(0, 0, 0, 0)]
    [InlineData(1, 2, 2, 4)]
    [InlineData(30, 0, 0, 0)]
    [InlineData(1e-3, 1, 1, 1000)]
    public void Constructor_SingularTransform_Throws(double a, double b, double d, double e)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new GeoTransform(100, a, b, 200, d, e));
        Assert.Equal("GeoTransform", ex.Field);
        Assert.Contains("invertible", ex.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NearlySingularTransform_Throws()
    {
        Assert.Throws<ScaneoValidationException>(() => new GeoTransform(0, 1, 1, 0, 1, 1 + 1e-14));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(0)]
    public void FromGdal_WrongCount_Throws(int count)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => GeoTransform.FromGdal(new double[count]));
        Assert.Equal("GeoTransform", ex.Field);
        Assert.Contains("exactly 6", ex.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void PixelToMap_LandsatCorners_MatchGdal()
    {
        // gdalinfo samples/data/L7_ETMs.tif: upper left (288776.250, 9120760.750), lower right (298722.750, 9110728.750).
        Assert.Equal((288776.25, 9120760.75), Landsat.PixelToMap(0, 0));
        Assert.Equal((298722.75, 9110728.75), Landsat.PixelToMap(349, 352));
        Assert.Equal((349.0, 352.0), Landsat.MapToPixel(298722.75, 9110728.75));
        Assert.True(Landsat.IsNorthUp);
        Assert.False(Landsat.IsRotated);
        Assert.Equal(812.25, Landsat.PixelArea);
        Assert.Equal(-812.25, Landsat.Determinant);
    }

    [Fact]
    public void ShiftPixelIsPointToCorner_MovesHalfPixelUpLeft()
    {
        var corner = Landsat.ShiftPixelIsPointToCorner();
        Assert.Equal(288776.25 - 14.25, corner.C);
        Assert.Equal(9120760.75 + 14.25, corner.F);
        Assert.Equal(Landsat.A, corner.A);
    }

    [Fact]
    public void ForWindow_Offset_StartsAtWindowCorner()
    {
        var window = Landsat.ForWindow(10, 20);
        Assert.Equal(Landsat.PixelToMap(10, 20), window.PixelToMap(0, 0));
        Assert.Equal(Landsat.PixelToMap(15, 27), window.PixelToMap(5, 7));
    }

    [Fact]
    public void Scale_HalfResolution_DoublesPixelSize()
    {
        var coarse = Landsat.Scale(2, 2);
        Assert.Equal(57, coarse.A);
        Assert.Equal(-57, coarse.E);
        Assert.Equal(Landsat.PixelToMap(349, 352), coarse.PixelToMap(174.5, 176));
        Assert.Throws<ScaneoValidationException>(() => Landsat.Scale(0, 1));
    }

    [Fact]
    public void Identity_AndDefault_Differ()
    {
        Assert.Equal((3.0, 4.0), GeoTransform.Identity.PixelToMap(3, 4));
        Assert.NotEqual(GeoTransform.Identity, default);
        Assert.False(GeoTransform.Identity.IsNorthUp);
        Assert.True(new GeoTransform(0, 1, 0.5, 0, 0, -1).IsRotated);
    }

    [Fact]
    public void ToGdal_AndToString_UseGdalOrder()
    {
        Assert.Equal([288776.25, 28.5, 0, 9120760.75, 0, -28.5], Landsat.ToGdal());
        Assert.Equal("[288776.25, 28.5, 0, 9120760.75, 0, -28.5]", Landsat.ToString());
        Assert.Equal(Landsat, GeoTransform.FromGdal(Landsat.ToGdal()));
        Assert.Equal(Landsat.GetHashCode(), GeoTransform.FromGdal(Landsat.ToGdal()).GetHashCode());
    }

    // "1e-9 relative": relative to the largest magnitude of the computation in pixel units (pixel position or origin).
    private static double Scale(GeoTransform gt, double column, double row) => GeoTransformGenerators.PixelScale(gt, column, row);

    private static void AssertClose(double expected, double actual, double scale) =>
        Assert.True(
            Math.Abs(expected - actual) <= 1e-9 * scale,
            $"expected {expected:R}, got {actual:R} (difference {Math.Abs(expected - actual):R}, allowed {1e-9 * scale:R})");
}
