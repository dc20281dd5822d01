using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using Scaneo.Annotations.Polygonize;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Annotations.Tests.Polygonize;

public sealed class MaskPolygonizerTests
{
    private static RasterBuffer<byte> Mask(string rows, GeoTransform? gt = null, double? noData = null)
    {
        string[] lines = rows.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int w = lines[0].Length;
        var data = new byte[w * lines.Length];
        for (int r = 0; r < lines.Length; r++)
        {
            for (int c = 0; c < w; c++)
            {
                data[(r * w) + c] = (byte)(lines[r][c] - '0');
            }
        }

        return new RasterBuffer<byte>(data, w, lines.Length, 1, gt, null, noData);
    }

    private static string Pixels(LineString ring) =>
        string.Join(" ", ring.Coordinates.Select(c => $"{c.X:0.##},{c.Y:0.##}"));

    [Fact]
    public void Polygonize_SinglePixelIdentity_UnitSquareCounterClockwise()
    {
        var regions = MaskPolygonizer.Polygonize(Mask("1"));
        var region = Assert.Single(regions);
        Assert.Equal(1, region.Value);
        Assert.Equal(1, region.PixelCount);
        var polygon = Assert.IsType<Polygon>(region.Geometry);
        Assert.Equal(5, polygon.Shell.NumPoints);
        Assert.True(Orientation.IsCCW(polygon.Shell.CoordinateSequence));
        Assert.Equal(1.0, polygon.Area, 12);
    }

    [Fact]
    public void Polygonize_NorthUpTransform_CornersThroughGeoTransformAndExteriorCounterClockwise()
    {
        var gt = new GeoTransform(1000, 10, 0, 2000, 0, -10);
        var regions = MaskPolygonizer.Polygonize(Mask("11\n10", gt), new PolygonizeOptions { ExcludedValues = [0] });
        var polygon = Assert.IsType<Polygon>(Assert.Single(regions).Geometry);
        Assert.True(Orientation.IsCCW(polygon.Shell.CoordinateSequence));
        Assert.Equal(300, polygon.Area, 9);
        var corners = polygon.Shell.Coordinates.Take(6).Select(c => (c.X, c.Y)).ToHashSet();
        Assert.Equal(new HashSet<(double, double)> { (1000, 2000), (1020, 2000), (1020, 1990), (1010, 1990), (1010, 1980), (1000, 1980) }, corners);
    }

    [Fact]
    public void Polygonize_StraightEdges_OnlyTurningCornersAreVertices()
    {
        var regions = MaskPolygonizer.Polygonize(Mask("1111\n1111\n1111"));
        var polygon = Assert.IsType<Polygon>(Assert.Single(regions).Geometry);
        Assert.Equal(5, polygon.Shell.NumPoints);
    }

    [Fact]
    public void Polygonize_Hole_InteriorRingClockwiseAndHoleRegionSeparate()
    {
        var regions = MaskPolygonizer.Polygonize(Mask("111\n121\n111"));
        Assert.Equal(2, regions.Count);
        var outer = Assert.IsType<Polygon>(regions[0].Geometry);
        Assert.Equal(1, outer.NumInteriorRings);
        Assert.False(Orientation.IsCCW(outer.GetInteriorRingN(0).CoordinateSequence));
        Assert.Equal(8, outer.Area, 12);
        Assert.Equal(2, regions[1].Value);
        Assert.True(outer.IsValid);
    }

    [Fact]
    public void Polygonize_TwoHolesTouchingAtVertex_SeparateInteriorRings()
    {
        var regions = MaskPolygonizer.Polygonize(Mask("1111\n1011\n1101\n1111"), new PolygonizeOptions { ExcludedValues = [0] });
        var polygon = Assert.IsType<Polygon>(Assert.Single(regions).Geometry);
        Assert.Equal(2, polygon.NumInteriorRings);
        Assert.True(polygon.IsValid);
        Assert.Equal(14, polygon.Area, 12);
    }

    [Fact]
    public void Polygonize_ShellPinchedAtCorner_ShellAndHoleTouchAtOnePoint()
    {
        // The 1-region closes on itself through edges, enclosing a 0 that touches its outside only at a corner.
        var regions = MaskPolygonizer.Polygonize(Mask("0111\n1101\n1111"), new PolygonizeOptions { ExcludedValues = [0] });
        var polygon = Assert.IsType<Polygon>(Assert.Single(regions).Geometry);
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.True(polygon.IsValid);
        Assert.Equal(10, polygon.Area, 12);
    }

    [Fact]
    public void Polygonize_DiagonalPixels_FourConnectedSeparateEightConnectedMultiPolygon()
    {
        RasterBuffer<byte> mask = Mask("10\n01");
        var four = MaskPolygonizer.Polygonize(mask, new PolygonizeOptions { ExcludedValues = [0] });
        Assert.Equal(2, four.Count);
        var eight = MaskPolygonizer.Polygonize(mask, new PolygonizeOptions { ExcludedValues = [0], Connectivity = Connectivity.Eight });
        var region = Assert.Single(eight);
        var multi = Assert.IsType<MultiPolygon>(region.Geometry);
        Assert.Equal(2, multi.NumGeometries);
        Assert.Equal(2, region.PixelCount);
        Assert.True(multi.IsValid);
    }

    [Fact]
    public void Polygonize_EightConnectedLoopThroughTwoCorners_ValidMultiPolygon()
    {
        // A diamond of 1s joined only through corners, around a 0: GDAL would emit a hole touching the shell twice.
        var regions = MaskPolygonizer.Polygonize(Mask("010\n101\n010"), new PolygonizeOptions { ExcludedValues = [0], Connectivity = Connectivity.Eight });
        var region = Assert.Single(regions);
        Assert.True(region.Geometry.IsValid);
        Assert.Equal(4, region.Geometry.Area, 12);
        Assert.Equal(4, region.Geometry.NumGeometries);
    }

    [Theory]
    [InlineData(-10.0)]
    [InlineData(10.0)]
    public void Polygonize_EitherDeterminantSign_ExteriorCounterClockwise(double e)
    {
        var gt = new GeoTransform(0, 10, 0, 0, 0, e);
        var region = Assert.Single(MaskPolygonizer.Polygonize(Mask("1", gt)));
        Assert.True(Orientation.IsCCW(((Polygon)region.Geometry).Shell.CoordinateSequence));
    }

    [Fact]
    public void Polygonize_NoDataFromRaster_NeverEmitted()
    {
        var regions = MaskPolygonizer.Polygonize(Mask("12\n21", noData: 2));
        Assert.Equal(2, regions.Count);
        Assert.All(regions, r => Assert.Equal(1, r.Value));
    }

    [Fact]
    public void Polygonize_IgnoreRasterNoData_EverythingEmitted()
    {
        var regions = MaskPolygonizer.Polygonize(Mask("12\n21", noData: 2), new PolygonizeOptions { IgnoreRasterNoData = true });
        Assert.Equal(4, regions.Count);
    }

    [Fact]
    public void Polygonize_ValidityMask_MaskedPixelsNeverEmitted()
    {
        var regions = MaskPolygonizer.Polygonize(Mask("111\n111"), new PolygonizeOptions { ValidityMask = new byte[] { 1, 0, 1, 1, 1, 1 } });
        var region = Assert.Single(regions);
        Assert.Equal(5, region.PixelCount);
        Assert.Equal(5, region.Geometry.Area, 12);
    }

    [Fact]
    public void Polygonize_UInt16AndInt32Bands_SameRegionsAsBytes()
    {
        var bytes = MaskPolygonizer.Polygonize(Mask("1002\n1022\n3332"));
        var shorts = MaskPolygonizer.Polygonize(new RasterBuffer<ushort>([1, 0, 0, 2, 1, 0, 2, 2, 3, 3, 3, 2], 4, 3));
        var ints = MaskPolygonizer.Polygonize(new RasterBuffer<int>([1, 0, 0, -2, 1, 0, -2, -2, 3, 3, 3, -2], 4, 3));
        Assert.Equal(bytes.Count, shorts.Count);
        Assert.Equal(bytes.Count, ints.Count);
        for (int i = 0; i < bytes.Count; i++)
        {
            Assert.True(bytes[i].Geometry.EqualsExact(shorts[i].Geometry));
            Assert.True(bytes[i].Geometry.EqualsExact(ints[i].Geometry));
        }

        Assert.Equal(-2, ints[2].Value);
    }

    [Fact]
    public void Polygonize_SecondBand_UsesThatBand()
    {
        var raster = new RasterBuffer<byte>([0, 0, 0, 0, 1, 1, 1, 2], 2, 2, bandCount: 2);
        var regions = MaskPolygonizer.Polygonize(raster, new PolygonizeOptions { Band = 1 });
        Assert.Equal(2, regions.Count);
        Assert.Equal(3, regions[0].PixelCount);
    }

    [Fact]
    public void Polygonize_FloatRaster_ThrowsValidation()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => MaskPolygonizer.Polygonize(new RasterBuffer<float>(2, 2)));
        Assert.Contains("float32", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Polygonize_BandOutOfRange_ThrowsValidation()
    {
        Assert.Throws<ScaneoValidationException>(() => MaskPolygonizer.Polygonize(Mask("1"), new PolygonizeOptions { Band = 1 }));
    }

    [Fact]
    public void Polygonize_ValidityMaskWrongLength_ThrowsValidation()
    {
        Assert.Throws<ScaneoValidationException>(() => MaskPolygonizer.Polygonize(Mask("11"), new PolygonizeOptions { ValidityMask = new byte[3] }));
    }

    [Fact]
    public void Constructor_NegativeThresholds_ThrowValidation()
    {
        Assert.Throws<ScaneoValidationException>(() => new MaskPolygonizer(new PolygonizeOptions { SieveThreshold = -1 }));
        Assert.Throws<ScaneoValidationException>(() => new MaskPolygonizer(new PolygonizeOptions { MinimumArea = double.NaN }));
        Assert.Throws<ScaneoValidationException>(() => new MaskPolygonizer(new PolygonizeOptions { SimplifyTolerance = -1 }));
        Assert.Throws<ScaneoValidationException>(() => new MaskPolygonizer(new PolygonizeOptions { Connectivity = (Connectivity)6 }));
    }

    [Fact]
    public void Polygonize_Sieve_SmallSpeckTakesLargestNeighbourValue()
    {
        var regions = MaskPolygonizer.Polygonize(Mask("1111\n1121\n1111\n3333"), new PolygonizeOptions { SieveThreshold = 2 });
        Assert.Equal(2, regions.Count);
        Assert.Equal(1, regions[0].Value);
        Assert.Equal(12, regions[0].PixelCount);
        Assert.Equal(0, ((Polygon)regions[0].Geometry).NumInteriorRings);
    }

    [Fact]
    public void Polygonize_Sieve_NoDataNeverChangesAndIsNoNeighbour()
    {
        var regions = MaskPolygonizer.Polygonize(Mask("000\n010\n000", noData: 0), new PolygonizeOptions { SieveThreshold = 5 });
        var region = Assert.Single(regions);
        Assert.Equal(1, region.Value);
    }

    [Fact]
    public void Polygonize_Sieve_DoesNotModifyInput()
    {
        RasterBuffer<byte> mask = Mask("111\n121\n111");
        MaskPolygonizer.Polygonize(mask, new PolygonizeOptions { SieveThreshold = 2 });
        Assert.Equal(2, mask[0, 1, 1]);
    }

    [Theory]
    [InlineData(2.0, PolygonizeUnit.Pixels, 3)]
    [InlineData(3.0, PolygonizeUnit.Pixels, 2)]
    [InlineData(4.0, PolygonizeUnit.Pixels, 1)]
    [InlineData(300.0, PolygonizeUnit.MapUnits, 2)]
    [InlineData(301.0, PolygonizeUnit.MapUnits, 1)]
    public void Polygonize_MinimumArea_DropsSmallerRegions(double area, PolygonizeUnit unit, int expected)
    {
        var gt = new GeoTransform(0, 10, 0, 0, 0, -10);
        var regions = MaskPolygonizer.Polygonize(Mask("1100\n1102\n1112", gt), new PolygonizeOptions { MinimumArea = area, MinimumAreaUnit = unit });
        Assert.Equal(expected, regions.Count);
    }

    [Fact]
    public void Polygonize_FillHolesBelow_RemovesOnlySmallHoles()
    {
        var mask = Mask("11111111\n12111001\n11111001\n11111111");
        var regions = MaskPolygonizer.Polygonize(mask, new PolygonizeOptions { FillHolesBelow = 2 });
        var polygon = Assert.IsType<Polygon>(regions[0].Geometry);
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.Equal(28, polygon.Area, 12);
        Assert.Equal(27, regions[0].PixelCount);
    }

    [Fact]
    public void Polygonize_Simplify_CoverageStaysGapFreeAndValid()
    {
        var random = new Random(7);
        var data = new byte[40 * 40];
        for (int r = 0; r < 40; r++)
        {
            for (int c = 0; c < 40; c++)
            {
                data[(r * 40) + c] = (byte)((r + c + random.Next(3)) < 40 ? 1 : 2);
            }
        }

        var mask = new RasterBuffer<byte>(data, 40, 40, 1, new GeoTransform(0, 10, 0, 400, 0, -10));
        var plain = MaskPolygonizer.Polygonize(mask);
        var simple = MaskPolygonizer.Polygonize(mask, new PolygonizeOptions { SimplifyTolerance = 1.5 });
        Assert.Equal(plain.Count, simple.Count);
        Assert.True(simple.Sum(r => r.Geometry.NumPoints) < plain.Sum(r => r.Geometry.NumPoints));
        Assert.All(simple, r => Assert.True(r.Geometry.IsValid));
        Assert.Equal(40 * 40 * 100, simple.Sum(r => r.Geometry.Area), 6);
        var union = NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(simple.Select(r => r.Geometry).ToArray());
        Assert.Equal(40 * 40 * 100, union.Area, 6);
        Assert.All(simple, r => Assert.True(Orientation.IsCCW(((Polygon)r.Geometry).Shell.CoordinateSequence)));
    }

    [Fact]
    public void Polygonize_MapTransform_ReprojectsEveryVertexAndKeepsOrientation()
    {
        var gt = new GeoTransform(0, 1, 0, 0, 0, -1);
        var mask = new RasterBuffer<byte>([1, 1, 2, 1], 2, 2, 1, gt, CrsReference.FromEpsg(32631));
        var regions = MaskPolygonizer.Polygonize(mask, new PolygonizeOptions { MapTransform = new MirrorTransform() });
        Assert.Equal(2, regions.Count);
        Assert.Equal(4326, regions[0].Geometry.SRID);
        foreach (var region in regions)
        {
            var polygon = (Polygon)region.Geometry;
            Assert.True(Orientation.IsCCW(polygon.Shell.CoordinateSequence));
            Assert.All(polygon.Coordinates, c => Assert.True(c.X <= 0));
        }
    }

    [Fact]
    public void Polygonize_MapTransformFromOtherCrs_ThrowsValidation()
    {
        var mask = new RasterBuffer<byte>([1], 1, 1, 1, null, CrsReference.FromEpsg(32632));
        Assert.Throws<ScaneoValidationException>(() => MaskPolygonizer.Polygonize(mask, new PolygonizeOptions { MapTransform = new MirrorTransform() }));
    }

    [Fact]
    public void PolygonizeStream_YieldsSameAsCollected()
    {
        var mask = Mask("1200\n1203\n4443");
        var collected = MaskPolygonizer.Polygonize(mask);
        var streamed = new MaskPolygonizer().PolygonizeStream(mask).ToList();
        Assert.Equal(collected.Select(r => r.Geometry.AsText()), streamed.Select(r => r.Geometry.AsText()));
    }

    [Fact]
    public void PolygonizeStream_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => new MaskPolygonizer().PolygonizeStream(Mask("12"), cts.Token).ToList());
    }

    [Fact]
    public void GroupByValue_RegionsOfOneClass_OneMultiPolygonPerValue()
    {
        var regions = MaskPolygonizer.Polygonize(Mask("101\n000\n121"));
        var groups = PolygonizedRegions.GroupByValue(regions);
        Assert.Equal([0, 1, 2], groups.Keys);
        Assert.Equal(4, groups[1].NumGeometries);
        Assert.Equal(4, groups[1].Area, 12);
    }

    /// <summary>A reprojection stand-in: mirrors X (negative determinant), so orientation must be re-fixed.</summary>
    private sealed class MirrorTransform : IMapTransform
    {
        public CrsReference Source { get; } = CrsReference.FromEpsg(32631);

        public CrsReference Target => CrsReference.Wgs84;

        public (double X, double Y) Transform(double x, double y) => (-x, y);

        public void Transform(Span<double> x, Span<double> y)
        {
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = -x[i];
            }
        }
    }
}
