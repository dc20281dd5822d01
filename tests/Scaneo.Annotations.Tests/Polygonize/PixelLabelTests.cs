using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NetTopologySuite.Geometries;
using Scaneo.Annotations.Polygonize;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Annotations.Tests.Polygonize;

/// <summary>
/// The two ways the tracer asks for a pixel's component at a diagonal pinch — per-pixel labels on masks of short
/// runs, a walk over the row's runs otherwise — must agree.
/// </summary>
public sealed class PixelLabelTests
{
    [Property(MaxTest = 200)]
    public Property PixelLabels_EqualTheLabelOfTheRunHoldingEachPixel() =>
        Prop.ForAll(Gen.Choose(1, 30).Two().Select(t => (t.Item1, t.Item2)).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (size, seed) =>
        {
            (int width, int height) = size;
            byte[] pixels = PolygonizeChecks.Noise(width, height, classes: 1 + (seed % 4), seed);
            RunTable runs = RunTable.Build<byte>(pixels, width, height, default, new ValueFilter(null, [2]), eightConnected: false, CancellationToken.None);
            try
            {
                runs.BuildPixelLabels();
                for (int row = 0; row < height; row++)
                {
                    for (int column = 0; column < width; column++)
                    {
                        int run = runs.RunNear(row, column, runs.RowOffset[row]);
                        Assert.Equal(runs.LabelOfRun(run), runs.LabelAt(row, column));
                    }
                }
            }
            finally
            {
                runs.Release();
            }
        });

    [Fact]
    public void BuildPixelLabelsIfRunsAreShort_OnlyForShortRuns()
    {
        RunTable noise = RunTable.Build<byte>(PolygonizeChecks.Noise(64, 64, 3, seed: 1), 64, 64, default, new ValueFilter(null, null), false, CancellationToken.None);
        RunTable stripes = RunTable.Build<byte>(Stretch(PolygonizeChecks.Noise(8, 64, 3, seed: 1), 8, 64, 8), 64, 64, default, new ValueFilter(null, null), false, CancellationToken.None);
        noise.BuildPixelLabelsIfRunsAreShort();
        stripes.BuildPixelLabelsIfRunsAreShort();
        Assert.True(noise.HasPixelLabels);
        Assert.False(stripes.HasPixelLabels);
        noise.Release();
        stripes.Release();
        Assert.False(noise.HasPixelLabels);
    }

    /// <summary>
    /// Stretching a noise mask 5× along rows keeps its 4-connected topology (diagonal pinches included) but makes
    /// its runs long, so the stretched mask is traced with run walks and the original with per-pixel labels: the
    /// regions must correspond one to one.
    /// </summary>
    [Property(MaxTest = 100)]
    public Property Polygonize_NoiseAndItsStretchedCopy_SameRegionsAndHoles() =>
        Prop.ForAll(Gen.Choose(2, 24).Two().Select(t => (t.Item1, t.Item2)).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (size, seed) =>
        {
            (int width, int height) = size;
            byte[] pixels = PolygonizeChecks.Noise(width, height, classes: 2 + (seed % 2), seed);
            var original = MaskPolygonizer.Polygonize(Raster(pixels, width, height));
            var stretched = MaskPolygonizer.Polygonize(Raster(Stretch(pixels, width, height, 5), width * 5, height));
            Assert.Equal(original.Count, stretched.Count);
            for (int i = 0; i < original.Count; i++)
            {
                Assert.Equal(original[i].Value, stretched[i].Value);
                Assert.Equal(original[i].PixelCount * 5, stretched[i].PixelCount);
                Assert.Equal(((Polygon)original[i].Geometry).NumInteriorRings, ((Polygon)stretched[i].Geometry).NumInteriorRings);
                Assert.Equal(original[i].Geometry.Area * 5, stretched[i].Geometry.Area, 1e-9);
            }
        });

    private static byte[] Stretch(byte[] pixels, int width, int height, int factor)
    {
        var stretched = new byte[pixels.Length * factor];
        for (int row = 0; row < height; row++)
        {
            for (int column = 0; column < width * factor; column++)
            {
                stretched[(row * width * factor) + column] = pixels[(row * width) + (column / factor)];
            }
        }

        return stretched;
    }

    private static RasterBuffer<byte> Raster(byte[] pixels, int width, int height) =>
        new(pixels, width, height, 1, GeoTransform.Identity, null);
}
