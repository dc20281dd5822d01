using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using Scaneo.Annotations.Polygonize;
using Scaneo.Geo;

namespace Scaneo.Annotations.Tests.Polygonize;

/// <summary>
/// The scanline engine (calls on masks of short runs, 4- or 8-connected, with or without threads) against the tracing
/// engine (every other call): same regions, byte for byte, collected or streamed, and working memory that follows the open part of the
/// mask rather than the mask.
/// </summary>
public sealed class ScanlineEngineTests
{
    [Property(MaxTest = 400)]
    public Property Polygonize_BothConnectivities_ScanlineSameBytesAsTracing() =>
        Prop.ForAll(MaskCaseGenerators.Cases(32), Arb.From(Gen.Choose(0, 15)), (mask, post) =>
        {
            PolygonizeOptions options = mask.Options((post & 8) != 0 ? Connectivity.Eight : Connectivity.Four) with
            {
                SieveThreshold = (post & 1) != 0 ? 3 : 0,
                MinimumArea = (post & 2) != 0 ? 2 : 0,
                FillHolesBelow = (post & 4) != 0 ? 3 : 0,
            };
            AssertScanlineSameAsTracing(mask.Raster(), options);
            return true;
        });

    [Fact]
    public void Polygonize_Int32ExtremesWithValidityMask_ScanlineSameBytesAsTracing()
    {
        // Class values at both ends of int32 and a validity mask cutting through regions: the scanline engine reads
        // runs itself, so its value and validity handling must match the run table's.
        const int width = 97, height = 83;
        var rng = new Random(17);
        int[] classes = [int.MinValue, -1, 0, int.MaxValue];
        int[] pixels = Enumerable.Range(0, width * height).Select(_ => classes[rng.Next(classes.Length)]).ToArray();
        byte[] validity = Enumerable.Range(0, width * height).Select(i => (byte)((i % 7 == 0 || rng.Next(10) == 0) ? 0 : 1)).ToArray();
        var raster = new Rasters.RasterBuffer<int>(pixels, width, height, 1, PolygonizeChecks.UtmTransform, CrsReference.FromEpsg(32631), null);
        var expected = AssertScanlineSameAsTracing(raster, new PolygonizeOptions { ValidityMask = validity, ExcludedValues = [-1] });
        Assert.Contains(expected, r => r.Value == int.MinValue);
        Assert.Contains(expected, r => r.Value == int.MaxValue);
        Assert.DoesNotContain(expected, r => r.Value == -1);
    }

    [Theory]
    [InlineData(false, Connectivity.Four)]
    [InlineData(true, Connectivity.Four)]
    [InlineData(false, Connectivity.Eight)]
    [InlineData(true, Connectivity.Eight)]
    public void Polygonize_NoiseInsideFrame_ScanlineSameBytesAsTracing(bool reprojected, Connectivity connectivity)
    {
        // A frame of its own class around noise: one component open from the first row to the last, with one hole
        // holding every other region, so every region waits in the reorder buffer until the frame is complete.
        var raster = PolygonizeChecks.UtmRaster(Framed(PolygonizeChecks.Noise(211, 173, classes: 3, seed: 5), 211, 173), 211, 173);
        var expected = AssertScanlineSameAsTracing(raster, new PolygonizeOptions { MapTransform = reprojected ? Wgs84() : null, Connectivity = connectivity });
        Assert.Equal(9, expected[0].Value);
        Assert.True(((Polygon)expected[0].Geometry).NumInteriorRings > 0);
    }

    [Theory]
    [InlineData(Connectivity.Four)]
    [InlineData(Connectivity.Eight)]
    public void Polygonize_NestedHolesAndPinches_ScanlineSameBytesAsTracing(Connectivity connectivity)
    {
        // Rings inside rings, holes touching each other and the shell at single corners, and a component whose pinch
        // joins it only rows later: the hole search and the late pinch decisions of the scanline engine.
        string[] rows =
        [
            "11111111111",
            "10000000001",
            "10111011101",
            "10101010101",
            "10111011101",
            "10000100001",
            "11111011111",
            "10100000101",
            "11011111011",
            "00000000000",
        ];
        int width = rows[0].Length, height = rows.Length;
        byte[] pixels = rows.SelectMany(r => r.Select(c => (byte)(c - '0'))).ToArray();
        var expected = AssertScanlineSameAsTracing(PolygonizeChecks.UtmRaster(pixels, width, height), new PolygonizeOptions { Connectivity = connectivity });
        Assert.Contains(expected, r => r.Geometry.GetGeometryN(0) is Polygon { NumInteriorRings: >= 2 });
        if (connectivity == Connectivity.Eight)
        {
            Assert.Contains(expected, r => r.Geometry is MultiPolygon);
        }
    }

    [Fact]
    public void Polygonize_SevenPixelsJoinedAtTheirOwnPinch_HoleTouchingTheShell()
    {
        // The smallest component holding both pixels of a pinch (the engine skips the pinch lookup below 7 pixels):
        // (0, 1) and (1, 2) meet at corner (1, 2) and join around (1, 1), which becomes a hole touching the shell there.
        byte[] pixels =
        [
            1, 1, 1, 0,
            1, 0, 1, 0,
            0, 1, 1, 0,
        ];
        var expected = AssertScanlineSameAsTracing(PolygonizeChecks.UtmRaster(pixels, 4, 3), new PolygonizeOptions { ExcludedValues = [0] });
        var region = Assert.Single(expected);
        Assert.Equal(7, region.PixelCount);
        var polygon = Assert.IsType<Polygon>(region.Geometry);
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.True(polygon.IsValid);
    }

    [Fact]
    public void ScanlineEngine_NoiseMegapixel_WorkingMemoryFarBelowTheMask()
    {
        // The tracing engine keeps per run and per label state, 28 MB for this mask; the scanline engine keeps the
        // open boundary: two rows of runs, the open chains and components, and a reorder flag per component.
        const int side = 1024;
        byte[] noise = PolygonizeChecks.Noise(side, side, classes: 3, seed: 42);
        var output = new List<PolygonizedRegion>();
        long peak = PeakWorkingBytes(Engine(noise, side, side), output);

        Assert.InRange(output.Count, 380_000, 400_000);
        Assert.True(peak < noise.Length / 2, $"expected the working arrays below half the 1 MB mask, found a peak of {peak:N0} bytes");
    }

    [Fact]
    public void ScanlineEngine_EightConnectedNoise_WorkingMemoryFarBelowTheMask()
    {
        // 8-connected regions of 3-class noise stay finite (below the percolation threshold), so the groups waiting
        // for their last member, with their members' polygons, stay a small part of the mask.
        const int side = 1024;
        byte[] noise = PolygonizeChecks.Noise(side, side, classes: 3, seed: 42);
        var output = new List<PolygonizedRegion>();
        long peak = PeakWorkingBytes(Engine(noise, side, side, Connectivity.Eight), output);

        Assert.Contains(output, r => r.Geometry is MultiPolygon);
        Assert.True(peak < noise.Length / 2, $"expected the working arrays below half the 1 MB mask, found a peak of {peak:N0} bytes");
    }

    [Fact]
    public void ScanlineEngine_NoiseInsideFrame_WorkingMemoryWithinTwiceTheMask()
    {
        // Worst case for the reorder buffer: every region waits for the frame, with a flag byte per component (about
        // 0.4 per pixel on noise). Issue 4's budget is twice the mask besides the output.
        const int side = 512;
        byte[] pixels = Framed(PolygonizeChecks.Noise(side, side, classes: 3, seed: 7), side, side);
        var output = new List<PolygonizedRegion>();
        long peak = PeakWorkingBytes(Engine(pixels, side, side), output, afterStep: () => Assert.True(output.Count == 0 || output[0].Value == 9));

        Assert.Equal(9, output[0].Value);
        Assert.True(peak < 2 * pixels.Length, $"expected the working arrays below twice the {pixels.Length:N0}-byte mask, found a peak of {peak:N0} bytes");
    }

    [Fact]
    public void UsesScanline_ShortRunsOrForced_True_LongRuns_False()
    {
        byte[] noise = PolygonizeChecks.Noise(128, 96, classes: 3, seed: 3);
        byte[] stripes = Enumerable.Range(0, 128 * 96).Select(i => (byte)(i % 128 / 32)).ToArray();
        var automatic = new PolygonizeOptions();
        Assert.True(MaskPolygonizer.UsesScanline<byte>(automatic, noise, 128, 96));
        Assert.False(MaskPolygonizer.UsesScanline<byte>(automatic, stripes, 128, 96));
        Assert.True(MaskPolygonizer.UsesScanline<byte>(automatic with { UseScanline = true }, stripes, 128, 96));
        Assert.False(MaskPolygonizer.UsesScanline<byte>(automatic with { UseScanline = false }, noise, 128, 96));
        Assert.True(MaskPolygonizer.UsesScanline<byte>(automatic with { MaxDegreeOfParallelism = 2 }, noise, 128, 96));
        Assert.False(MaskPolygonizer.UsesScanline<byte>(automatic with { MaxDegreeOfParallelism = 2, StripRows = 8 }, noise, 128, 96));
    }

    [Fact]
    public void Polygonize_ParallelOnNoise_SameBytesAsParallelStrips()
    {
        const int side = 200;
        var raster = PolygonizeChecks.UtmRaster(PolygonizeChecks.Noise(side, side, classes: 3, seed: 11), side, side);
        var strips = MaskPolygonizer.Polygonize(raster, new PolygonizeOptions { MaxDegreeOfParallelism = 2, UseScanline = false });
        PolygonizeChecks.AssertSameOutput(strips, MaskPolygonizer.Polygonize(raster, new PolygonizeOptions { MaxDegreeOfParallelism = 2 }));
    }

    [Fact]
    public void PolygonizeStream_ParallelOnNoise_StreamsWithBoundedMemory()
    {
        // Threads are allowed, but on noise the scanline engine runs on the calling thread and streams: a
        // cancellation after the first region stops the scan. Built over strips, the whole output would exist
        // before the first region and the enumeration would run to its end.
        const int side = 300;
        var raster = PolygonizeChecks.UtmRaster(PolygonizeChecks.Noise(side, side, classes: 3, seed: 5), side, side);
        using var cancellation = new CancellationTokenSource();
        var regions = new MaskPolygonizer(new PolygonizeOptions { MaxDegreeOfParallelism = 2 }).PolygonizeStream(raster, cancellation.Token);
        int seen = 0;
        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (PolygonizedRegion region in regions)
            {
                seen++;
                cancellation.Cancel();
            }
        });
        Assert.InRange(seen, 1, side * side / 4);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void EstimateRegions_Noise_SlightlyAboveTheRegionCount(int classes)
    {
        // The collected output list is sized from this estimate: below the count it would double once (a large-object
        // copy and a full collection), far above it would waste output memory.
        const int side = 512;
        byte[] noise = PolygonizeChecks.Noise(side, side, classes, seed: classes);
        int regions = MaskPolygonizer.Polygonize(PolygonizeChecks.UtmRaster(noise, side, side)).Count;
        int estimate = ScanlineEngine<byte>.EstimateRegions(noise, side, side);
        Assert.InRange(estimate, regions, regions * 1.5);
    }

    /// <summary>Polygonizes with the tracing engine, then with the scanline engine collected and streamed, asserts the same bytes, and returns the regions.</summary>
    private static IReadOnlyList<PolygonizedRegion> AssertScanlineSameAsTracing(Rasters.Raster raster, PolygonizeOptions options)
    {
        var expected = new MaskPolygonizer(options with { UseScanline = false }).Polygonize(raster);
        var scanline = new MaskPolygonizer(options with { UseScanline = true });
        PolygonizeChecks.AssertSameOutput(expected, scanline.Polygonize(raster));
        PolygonizeChecks.AssertSameOutput(expected, scanline.PolygonizeStream(raster).ToList());
        return expected;
    }

    /// <summary>Steps the engine to the end into <paramref name="output"/>, checking <paramref name="afterStep"/> after each step, and returns its peak working bytes.</summary>
    private static long PeakWorkingBytes(ScanlineEngine<byte> engine, List<PolygonizedRegion> output, Action? afterStep = null)
    {
        long peak = 0;
        while (!engine.Done)
        {
            engine.Step(output);
            afterStep?.Invoke();
            peak = Math.Max(peak, engine.WorkingBytes);
        }

        return peak;
    }

    private static ScanlineEngine<byte> Engine(byte[] pixels, int width, int height, Connectivity connectivity = Connectivity.Four) => new(
        new MaskBand<byte>(pixels, 0, null, 0, width, height), new ValueFilter(null, null), connectivity, new GeometryFactory(new PrecisionModel(), 32631, PackedCoordinateSequenceFactory.DoubleFactory), PolygonizeChecks.UtmTransform, null, 0, 0);

    private static byte[] Framed(byte[] pixels, int width, int height)
    {
        for (int x = 0; x < width; x++)
        {
            pixels[x] = 9;
            pixels[((height - 1) * width) + x] = 9;
        }

        for (int y = 0; y < height; y++)
        {
            pixels[y * width] = 9;
            pixels[(y * width) + width - 1] = 9;
        }

        return pixels;
    }

    private static IMapTransform Wgs84() => Reprojection.ToWgs84(CrsReference.FromEpsg(32631));
}
