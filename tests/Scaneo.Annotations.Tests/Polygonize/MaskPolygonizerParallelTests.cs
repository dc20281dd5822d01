using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scaneo.Annotations.Polygonize;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Annotations.Tests.Polygonize;

public sealed class MaskPolygonizerParallelTests
{
    private static readonly Gen<int> PostOperations = Gen.Choose(0, 15);

    [Property(MaxTest = 250)]
    public Property Polygonize_ParallelSmallStrips_SameBytesAsSequential() =>
        Prop.ForAll(
            MaskCaseGenerators.Cases(20),
            Arb.From(from stripRows in Gen.Choose(1, 4)
                     from post in PostOperations
                     from connectivity in Gen.Elements(Connectivity.Four, Connectivity.Eight)
                     select (StripRows: stripRows, Post: post, Connectivity: connectivity)),
            (mask, setup) =>
            {
                (int stripRows, int post, Connectivity connectivity) = setup;
                PolygonizeOptions sequential = WithPostOperations(mask.Options(connectivity), post);
                var parallel = Parallel(sequential, degree: 2, stripRows);
                PolygonizeChecks.AssertSameOutput(MaskPolygonizer.Polygonize(mask.Raster(), sequential), MaskPolygonizer.Polygonize(mask.Raster(), parallel));
                return true;
            });

    [Property(MaxTest = 40)]
    public Property PolygonizeStream_Parallel_SameBytesAsSequentialStream() =>
        Prop.ForAll(MaskCaseGenerators.Cases(24), Arb.From(Gen.Choose(1, 3)), (mask, stripRows) =>
        {
            foreach (Connectivity connectivity in new[] { Connectivity.Four, Connectivity.Eight })
            {
                PolygonizeOptions sequential = mask.Options(connectivity);
                var expected = new MaskPolygonizer(sequential).PolygonizeStream(mask.Raster()).ToList();
                var actual = new MaskPolygonizer(Parallel(sequential, degree: 3, stripRows)).PolygonizeStream(mask.Raster()).ToList();
                PolygonizeChecks.AssertSameOutput(expected, actual);
            }

            return true;
        });

    [Theory]
    [InlineData(Connectivity.Four, 0)]
    [InlineData(Connectivity.Eight, 0)]
    [InlineData(Connectivity.Four, 7)]
    [InlineData(Connectivity.Eight, 1)]
    public void Polygonize_ParallelOnNoise_SameBytesAsSequential(Connectivity connectivity, int stripRows)
    {
        var raster = PolygonizeChecks.UtmRaster(PolygonizeChecks.Noise(301, 257, classes: 3, seed: 11), 301, 257);
        var sequential = new PolygonizeOptions { Connectivity = connectivity };
        PolygonizeChecks.AssertSameOutput(
            MaskPolygonizer.Polygonize(raster, sequential),
            MaskPolygonizer.Polygonize(raster, Parallel(sequential, degree: -1, stripRows)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Polygonize_ParallelSpiralCrossingEverySeam_SameBytesAsSequential(int stripRows)
    {
        // One component winding through every strip, with a hole that winds the other way: both rings cross every
        // seam many times, and the hole's first eastward segment lies far below its top row.
        const int size = 41;
        var pixels = Spiral(size);
        var raster = new RasterBuffer<byte>(pixels, size, size, 1, GeoTransform.Identity, null, null);
        foreach (Connectivity connectivity in new[] { Connectivity.Four, Connectivity.Eight })
        {
            var sequential = new PolygonizeOptions { Connectivity = connectivity };
            var expected = MaskPolygonizer.Polygonize(raster, sequential);
            Assert.Contains(expected, r => r.Value == 1 && r.Geometry.EnvelopeInternal.Height == size);
            PolygonizeChecks.AssertSameOutput(expected, MaskPolygonizer.Polygonize(raster, Parallel(sequential, degree: 2, stripRows)));
        }
    }

    [Fact]
    public void Polygonize_ParallelWithMapTransform_CallsTheTransformOneAtATimeAndMatchesSequential()
    {
        var raster = PolygonizeChecks.UtmRaster(PolygonizeChecks.Noise(120, 96, classes: 2, seed: 5), 120, 96);
        CrsReference crs = raster.Crs!;
        var expected = MaskPolygonizer.Polygonize(raster, new PolygonizeOptions { MapTransform = new ExclusiveTransform(crs) });
        var transform = new ExclusiveTransform(crs);
        var actual = MaskPolygonizer.Polygonize(raster, new PolygonizeOptions { MapTransform = transform, MaxDegreeOfParallelism = 2, StripRows = 8 });
        Assert.False(transform.Overlapped);
        Assert.True(transform.Calls > 0);
        PolygonizeChecks.AssertSameOutput(expected, actual);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void MaskPolygonizer_MaxDegreeOfParallelismNotPositiveNorMinusOne_ThrowsValidation(int degree)
    {
        var e = Assert.Throws<ScaneoValidationException>(() => new MaskPolygonizer(new PolygonizeOptions { MaxDegreeOfParallelism = degree }));
        Assert.Contains("MaxDegreeOfParallelism", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Polygonize_ParallelCancelled_ThrowsOperationCanceled()
    {
        var raster = new RasterBuffer<byte>(new byte[256 * 256], 256, 256, 1, GeoTransform.Identity, null, null);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var polygonizer = new MaskPolygonizer(new PolygonizeOptions { MaxDegreeOfParallelism = 2 });
        Assert.ThrowsAny<OperationCanceledException>(() => polygonizer.Polygonize(raster, cts.Token));
    }

    private static PolygonizeOptions Parallel(PolygonizeOptions o, int degree, int stripRows) =>
        o with { MaxDegreeOfParallelism = degree, StripRows = stripRows };

    /// <summary>Bit 0 sieve, bit 1 minimum area, bit 2 hole filling, bit 3 coverage simplification.</summary>
    private static PolygonizeOptions WithPostOperations(PolygonizeOptions o, int post) => new()
    {
        Connectivity = o.Connectivity,
        ExcludedValues = o.ExcludedValues,
        ValidityMask = o.ValidityMask,
        SieveThreshold = (post & 1) != 0 ? 3 : 0,
        MinimumArea = (post & 2) != 0 ? 2 : 0,
        FillHolesBelow = (post & 4) != 0 ? 2 : 0,
        SimplifyTolerance = (post & 8) != 0 ? 0.7 : 0,
    };

    private static byte[] Spiral(int size)
    {
        // A square spiral of value 1 on value 0, drawn by walking inwards with a gap of one pixel between turns.
        var p = new byte[size * size];
        int top = 0, left = 0, bottom = size - 1, right = size - 1;
        while (top <= bottom && left <= right)
        {
            for (int c = left; c <= right; c++)
            {
                p[(top * size) + c] = 1;
            }

            for (int r = top; r <= bottom; r++)
            {
                p[(r * size) + right] = 1;
            }

            for (int c = left; c <= right; c++)
            {
                p[(bottom * size) + c] = 1;
            }

            for (int r = top + 2; r <= bottom; r++)
            {
                p[(r * size) + left] = 1;
            }

            if (top + 2 < size && left + 1 < size)
            {
                p[((top + 2) * size) + left + 1] = 1;
            }

            top += 2;
            left += 2;
            bottom -= 2;
            right -= 2;
        }

        return p;
    }
}
