using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using NetTopologySuite.Geometries;
using Scaneo.ActiveLearning.Areas;
using Scaneo.Annotations.Polygonize;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.ActiveLearning.Tests.Areas;

public class UncertainAreaFinderTests
{
    // 6 × 4 map: a 2 × 2 block of 0.9 at the top left, a single 0.8 pixel at the right, a NaN pixel, rest 0.1.
    internal static RasterBuffer<float> SampleMap(GeoTransform? gt = null, CrsReference? crs = null)
    {
        var map = new RasterBuffer<float>(6, 4, 1, gt, crs, double.NaN);
        map.Data.Fill(0.1f);
        map[0, 0, 0] = 0.9f;
        map[0, 0, 1] = 0.9f;
        map[0, 1, 0] = 0.9f;
        map[0, 1, 1] = 0.7f;
        map[0, 2, 5] = 0.8f;
        map[0, 3, 3] = float.NaN;
        return map;
    }

    [Fact]
    public void ThresholdMask_Absolute_IsStrictlyGreaterAndSkipsNaN()
    {
        var (mask, cut) = UncertainAreaFinder.ThresholdMask(SampleMap(), UncertaintyThreshold.Absolute(0.7));
        Assert.Equal(0.7, cut);
        Assert.Equal(4, mask.GetArray().Count(b => b == 1));
        Assert.Equal(0, mask[0, 1, 1]);
        Assert.Equal(0, mask[0, 3, 3]);
    }

    [Fact]
    public void ThresholdMask_TopFraction_CutsAtKthLargestValidValue()
    {
        // 23 valid pixels, top 20% → ⌈4.6⌉ = 5 pixels: 0.9 × 3, 0.8, 0.7.
        var (mask, cut) = UncertainAreaFinder.ThresholdMask(SampleMap(), UncertaintyThreshold.TopFraction(0.2));
        Assert.Equal(0.7, cut, 1e-6);
        Assert.Equal(5, mask.GetArray().Count(b => b == 1));
    }

    [Fact]
    public void Find_AbsoluteThreshold_GivesOneRegionPerAreaWithMeanScore()
    {
        var areas = new UncertainAreaFinder { Threshold = UncertaintyThreshold.Absolute(0.5) }.Find(SampleMap());
        Assert.Equal(2, areas.Regions.Count);
        Assert.Equal(5, areas.UncertainPixelCount);
        Assert.Equal(23, areas.ValidPixelCount);
        Assert.Equal(5 / 23.0, areas.UncertainFraction, 1e-12);

        var block = areas.Regions[0];
        Assert.Equal(4, block.PixelCount);
        Assert.Equal((0.9 + 0.9 + 0.9 + 0.7) / 4, block.MeanScore, 1e-6);
        Assert.Equal(0.9, block.MaxScore, 1e-6);
        Assert.Equal(4, block.Geometry.Area, 1e-9);
        Assert.Equal(1, areas.Regions[1].PixelCount);
        Assert.Equal(0.8, areas.Regions[1].MeanScore, 1e-6);
        Assert.Equal((2, 5), (areas.Regions[1].FirstRow, areas.Regions[1].FirstColumn));
    }

    [Fact]
    public void Find_MinimumArea_DropsSmallRegions()
    {
        var areas = new UncertainAreaFinder { Threshold = UncertaintyThreshold.Absolute(0.5), MinimumArea = 2 }.Find(SampleMap());
        Assert.Single(areas.Regions);
        Assert.Equal(4, areas.Regions[0].PixelCount);
    }

    [Fact]
    public void Find_MinimumAreaInMapUnits_UsesPixelArea()
    {
        var gt = new GeoTransform(500000, 10, 0, 4000000, 0, -10);
        var finder = new UncertainAreaFinder { Threshold = UncertaintyThreshold.Absolute(0.5), MinimumArea = 150, MinimumAreaUnit = PolygonizeUnit.MapUnits };
        var areas = finder.Find(SampleMap(gt, CrsReference.FromEpsg(32631)));
        Assert.Single(areas.Regions);
        Assert.Equal(400, areas.Regions[0].Geometry.Area, 1e-6);
        var env = areas.Regions[0].Geometry.EnvelopeInternal;
        Assert.Equal(500000, env.MinX, 1e-9);
        Assert.Equal(4000000, env.MaxY, 1e-9);
    }

    [Fact]
    public void CreateAnnotations_Wgs84Regions_AreUncertaintyRegionsFromModel()
    {
        var gt = new GeoTransform(500000, 10, 0, 4000000, 0, -10);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero));
        var finder = new UncertainAreaFinder
        {
            Threshold = UncertaintyThreshold.Absolute(0.5),
            MapTransform = Reprojection.ToWgs84(CrsReference.FromEpsg(32631)),
            TimeProvider = clock,
            ModelName = "unet",
        };
        var areas = finder.Find(SampleMap(gt, CrsReference.FromEpsg(32631)));
        var annotations = finder.CreateAnnotations(areas, "scene.tif");
        Assert.Equal(2, annotations.Count);
        var a = annotations[0];
        Assert.Equal(AnnotationKind.UncertaintyRegion, a.Kind);
        Assert.Equal(0.85, a.Score!.Value, 1e-6);
        Assert.Equal("unet", a.Provenance.ModelName);
        Assert.Equal(clock.GetUtcNow(), a.CreatedAt);
        Assert.IsType<Polygon>(a.Geometry);
        Assert.InRange(a.Geometry!.Coordinates[0].X, 2.9, 3.1);
        Assert.InRange(a.Geometry.Coordinates[0].Y, 36.1, 36.2);
    }

    [Fact]
    public void Find_NothingAboveThreshold_GivesNoRegions()
    {
        var areas = new UncertainAreaFinder { Threshold = UncertaintyThreshold.Absolute(5) }.Find(SampleMap());
        Assert.Empty(areas.Regions);
        Assert.Equal(0, areas.UncertainFraction);
    }

    [Fact]
    public void Threshold_InvalidValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => UncertaintyThreshold.TopFraction(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => UncertaintyThreshold.Absolute(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => new UncertainAreaFinder { MinimumArea = -1 });
    }

    [Fact]
    public void Find_SmoothedSpeckle_GivesOneCoherentAreaInsteadOfScatteredPixels()
    {
        // A 40 × 40 map: a 12 × 12 zone where every other pixel is uncertain (checkerboard speckle) on a certain
        // background, plus three isolated uncertain pixels far from it.
        var map = new RasterBuffer<float>(40, 40, 1, null, null, double.NaN);
        map.Data.Fill(0.05f);
        for (int r = 10; r < 22; r++)
        {
            for (int c = 10; c < 22; c++)
            {
                map[0, r, c] = ((r + c) % 2 == 0) ? 0.95f : 0.45f;
            }
        }

        map[0, 2, 35] = 0.95f;
        map[0, 35, 3] = 0.95f;
        map[0, 36, 36] = 0.95f;

        var raw = new UncertainAreaFinder { Threshold = UncertaintyThreshold.Absolute(0.5) }.Find(map);
        var smoothed = new UncertainAreaFinder { Threshold = UncertaintyThreshold.Absolute(0.5), SmoothingRadius = 2 }.Find(map);

        Assert.Equal(75, raw.Regions.Count);
        var zone = Assert.Single(smoothed.Regions);
        Assert.True(zone.Geometry.Area is > 64 and <= 144, $"area {zone.Geometry.Area}");

        // Scores are the unsmoothed map's: the zone mixes 0.95 and 0.45 pixels, its maximum is 0.95.
        Assert.Equal(0.95, zone.MaxScore, 1e-6);
        Assert.InRange(zone.MeanScore, 0.45, 0.95);
    }

    [Fact]
    public void SmoothingRadius_Negative_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new UncertainAreaFinder { SmoothingRadius = -1 });

    [Property(MaxTest = 60)]
    public Property BoxMean_AnyMap_EqualsBruteForceWindowMean() =>
        Prop.ForAll(
            (from w in Gen.Choose(1, 25)
             from h in Gen.Choose(1, 25)
             from r in Gen.Choose(0, 6)
             from s in Gen.Choose(0, int.MaxValue)
             select (Width: w, Height: h, Radius: r, Seed: s)).ToArbitrary(),
            testCase =>
            {
                (int width, int height, int radius, int seed) = testCase;
                var rng = new Random(seed);
                float[] map = [.. Enumerable.Range(0, width * height).Select(_ => rng.Next(5) == 0 ? float.NaN : (float)rng.NextDouble())];
                float[] smoothed = BoxMean.Apply(map, width, height, radius);
                for (int r = 0; r < height; r++)
                {
                    for (int c = 0; c < width; c++)
                    {
                        double sum = 0;
                        int count = 0;
                        for (int y = Math.Max(0, r - radius); y <= Math.Min(height - 1, r + radius); y++)
                        {
                            for (int x = Math.Max(0, c - radius); x <= Math.Min(width - 1, c + radius); x++)
                            {
                                float v = map[(y * width) + x];
                                if (!float.IsNaN(v))
                                {
                                    sum += v;
                                    count++;
                                }
                            }
                        }

                        float actual = smoothed[(r * width) + c];
                        if (float.IsNaN(map[(r * width) + c]))
                        {
                            Assert.True(float.IsNaN(actual));
                        }
                        else
                        {
                            Assert.Equal(sum / count, actual, 1e-5);
                        }
                    }
                }
            });
}
