using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using Scaneo.Annotations.Polygonize;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Annotations.Tests.Polygonize;

/// <summary>
/// The scanline engine's parallel mode (strips, and windows around their seams that grow until they hold every
/// component crossing the seam) against the sequential scanline engine: same regions, byte for byte.
/// </summary>
public sealed class ScanlineStripsTests
{
    [Property(MaxTest = 300)]
    public Property Polygonize_ScanlineStripsAndSmallWindows_SameBytesAsSequential() =>
        Prop.ForAll(
            MaskCaseGenerators.Cases(32),
            Arb.From(from stripRows in Gen.Choose(1, 6)
                     from windowRows in Gen.Choose(1, 4)
                     from post in Gen.Choose(0, 15)
                     select (StripRows: stripRows, WindowRows: windowRows, Post: post)),
            (mask, setup) =>
            {
                PolygonizeOptions sequential = mask.Options((setup.Post & 8) != 0 ? Connectivity.Eight : Connectivity.Four) with
                {
                    UseScanline = true,
                    SieveThreshold = (setup.Post & 1) != 0 ? 3 : 0,
                    MinimumArea = (setup.Post & 2) != 0 ? 2 : 0,
                    FillHolesBelow = (setup.Post & 4) != 0 ? 3 : 0,
                };
                var strips = sequential with { MaxDegreeOfParallelism = 2, StripRows = setup.StripRows, SeamWindowRows = setup.WindowRows };
                PolygonizeChecks.AssertSameOutput(MaskPolygonizer.Polygonize(mask.Raster(), sequential), MaskPolygonizer.Polygonize(mask.Raster(), strips));
                return true;
            });

    [Theory]
    [InlineData(0, 0, Connectivity.Four)]
    [InlineData(50, 0, Connectivity.Four)]
    [InlineData(7, 2, Connectivity.Four)]
    [InlineData(1, 1, Connectivity.Four)]
    [InlineData(0, 0, Connectivity.Eight)]
    [InlineData(7, 2, Connectivity.Eight)]
    [InlineData(1, 1, Connectivity.Eight)]
    public void Polygonize_NoiseInsideFrame_ScanlineStripsSameBytesAsSequential(int stripRows, int windowRows, Connectivity connectivity)
    {
        // The frame is one component through every strip and crossing every seam, holding all the noise in its hole:
        // each seam's first window cuts it, so windows must grow to the whole band, and only the top seam's keeps it.
        const int width = 97, height = 150;
        byte[] pixels = PolygonizeChecks.Noise(width, height, classes: 3, seed: 23);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                if (x is 0 or width - 1 || y is 0 or height - 1)
                {
                    pixels[(y * width) + x] = 9;
                }
            }
        }

        var raster = PolygonizeChecks.UtmRaster(pixels, width, height);
        var sequential = new PolygonizeOptions { UseScanline = true, Connectivity = connectivity };
        var expected = MaskPolygonizer.Polygonize(raster, sequential);
        Assert.Equal(9, expected[0].Value);
        var strips = sequential with { MaxDegreeOfParallelism = 2, StripRows = stripRows, SeamWindowRows = windowRows };
        PolygonizeChecks.AssertSameOutput(expected, MaskPolygonizer.Polygonize(raster, strips));
    }

    [Fact]
    public void Polygonize_ScanlineStripsWithMapTransform_CallsTheTransformOneAtATimeAndMatchesSequential()
    {
        // Noise with threads takes the scanline engine; its strips call a reprojection that is not thread-safe one at a time.
        var raster = PolygonizeChecks.UtmRaster(PolygonizeChecks.Noise(257, 211, classes: 3, seed: 3), 257, 211);
        var sequential = new PolygonizeOptions { MapTransform = new ExclusiveTransform(raster.Crs!) };
        var transform = new ExclusiveTransform(raster.Crs!);
        var parallel = new PolygonizeOptions { MapTransform = transform, MaxDegreeOfParallelism = 2, StripRows = 40, SeamWindowRows = 3 };
        Assert.True(MaskPolygonizer.UsesScanline<byte>(parallel with { StripRows = 0 }, raster.GetArray(), 257, 211));
        PolygonizeChecks.AssertSameOutput(MaskPolygonizer.Polygonize(raster, sequential), MaskPolygonizer.Polygonize(raster, parallel with { UseScanline = true }));
        Assert.False(transform.Overlapped);
        Assert.True(transform.Calls > 0);
    }

    [Theory]
    [InlineData(0, Connectivity.Four)]
    [InlineData(3, Connectivity.Four)]
    [InlineData(40, Connectivity.Four)]
    [InlineData(0, Connectivity.Eight)]
    [InlineData(40, Connectivity.Eight)]
    public void ScanlineStrips_EstimateShort_RegionsOverflowTheirPlaceInOrder(int estimate, Connectivity connectivity)
    {
        // Each strip writes into a place in the output sized by an estimate; regions beyond it wait in an overflow part
        // and are put back after their strip's. Estimates far too short force that path, which real estimates rarely take.
        const int width = 97, height = 150;
        byte[] pixels = PolygonizeChecks.Noise(width, height, classes: 3, seed: 29);
        var raster = PolygonizeChecks.UtmRaster(pixels, width, height);
        var expected = MaskPolygonizer.Polygonize(raster, new PolygonizeOptions { UseScanline = true, Connectivity = connectivity });

        var band = new MaskBand<byte>(pixels, 0, null, 0, width, height);
        var factory = new GeometryFactory(new PrecisionModel(), 32631, PackedCoordinateSequenceFactory.DoubleFactory);
        var output = new List<PolygonizedRegion>();
        ScanlineStrips.Run(
            () => new ScanlineEngine<byte>(band, new ValueFilter(null, null), connectivity, factory, PolygonizeChecks.UtmTransform, null, 0, 0),
            [estimate + 16, estimate + 16, estimate + 16, estimate + 16],
            [0, 40, 41, 90, 150],
            degree: 2,
            output,
            windowRows: 2,
            CancellationToken.None);

        PolygonizeChecks.AssertSameOutput(expected, output);
    }

    [Fact]
    public void Polygonize_ScanlineStripsCancelled_ThrowsOperationCanceled()
    {
        var raster = PolygonizeChecks.UtmRaster(PolygonizeChecks.Noise(128, 128, classes: 3, seed: 1), 128, 128);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var polygonizer = new MaskPolygonizer(new PolygonizeOptions { MaxDegreeOfParallelism = 2, UseScanline = true, StripRows = 16 });
        Assert.ThrowsAny<OperationCanceledException>(() => polygonizer.Polygonize(raster, cancellation.Token));
    }
}
