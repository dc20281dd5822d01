using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scaneo.ActiveLearning;
using Scaneo.ActiveLearning.Maps;
using Scaneo.ActiveLearning.Scoring;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.ActiveLearning.Tests.Maps;

public class UncertaintyMapTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Compute_BinaryReferencePixels_MatchesEntropiesAndAggregates()
    {
        float[] fg = [0.5f, 0.9f, 0.99f, 0.5f];
        var scores = new RasterBuffer<float>([.. fg.Select(v => 1 - v), .. fg], 4, 1, 2);
        var map = UncertaintyMap.Compute(scores, UncertaintyMeasure.Entropy);
        double[] expected = [0.693147, 0.325083, 0.056002, 0.693147];
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(expected[i], map.Raster[0, 0, i], 1e-5);
        }

        Assert.Equal(0.441845, map.Aggregate(ImageAggregation.Mean), 1e-5);
        Assert.Equal(0.693147, map.Aggregate(ImageAggregation.Max), 1e-5);
        Assert.Equal(1.767379, map.Aggregate(ImageAggregation.Sum), 1e-5);
        Assert.Equal(0.570459, map.Aggregate(ImageAggregation.TopFraction(0.75)), 1e-5);
    }

    [Fact]
    public void Aggregate_ReferenceValuesInDouble_MatchToOneMillionth()
    {
        float[] values = [0.693147f, 0.325083f, 0.056002f, 0.693147f];
        Assert.Equal(0.441845, UncertaintyAggregator.Aggregate(values, ImageAggregation.Mean), Tolerance);
        Assert.Equal(1.767379, UncertaintyAggregator.Aggregate(values, ImageAggregation.Sum), Tolerance);
        Assert.Equal(0.693147, UncertaintyAggregator.Aggregate(values, ImageAggregation.Max), Tolerance);
        Assert.Equal(0.570459, UncertaintyAggregator.Aggregate(values, ImageAggregation.TopFraction(0.75)), Tolerance);
    }

    [Theory]
    [InlineData(UncertaintyMeasure.Entropy, ScoreInput.Logits, false)]
    [InlineData(UncertaintyMeasure.Entropy, ScoreInput.Logits, true)]
    [InlineData(UncertaintyMeasure.LeastConfidence, ScoreInput.Logits, true)]
    [InlineData(UncertaintyMeasure.Margin, ScoreInput.Logits, false)]
    [InlineData(UncertaintyMeasure.Ratio, ScoreInput.Logits, false)]
    [InlineData(UncertaintyMeasure.Entropy, ScoreInput.Probabilities, false)]
    [InlineData(UncertaintyMeasure.LeastConfidence, ScoreInput.Probabilities, false)]
    [InlineData(UncertaintyMeasure.Margin, ScoreInput.Probabilities, false)]
    [InlineData(UncertaintyMeasure.Ratio, ScoreInput.Probabilities, true)]
    public void Build_RandomLargeRaster_EqualsDoubleReferenceToOneHundredThousandth(UncertaintyMeasure measure, ScoreInput input, bool normalize)
    {
        // 301 × 450 × 5 spans several parallel blocks and a ragged vector tail.
        var scores = RandomScores(new Random(7), 301, 450, 5, input, spread: 12);
        var builder = new UncertaintyMapBuilder { Measure = measure, Input = input, Normalize = normalize, Temperature = input == ScoreInput.Logits ? 1.5 : 1 };
        var map = builder.Build(scores);
        AssertEqualsReference(scores, map, measure, input, normalize, builder.Temperature);
    }

    [Property(MaxTest = 40)]
    public Property Build_AnyRaster_EqualsDoubleReference() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(0, int.MaxValue)),
            seed =>
            {
                var rng = new Random(seed);
                int side = rng.Next(1, 41);
                int classes = rng.Next(1, 10);
                foreach (var input in new[] { ScoreInput.Logits, ScoreInput.Probabilities })
                {
                    var scores = RandomScores(rng, side, (seed % 17) + 1, classes, input, spread: 30);
                    foreach (var measure in Enum.GetValues<UncertaintyMeasure>())
                    {
                        var builder = new UncertaintyMapBuilder { Measure = measure, Input = input, Temperature = 0.5 + (seed % 4) };
                        AssertEqualsReference(scores, builder.Build(scores), measure, input, false, builder.Temperature);
                    }
                }
            });

    [Theory]
    [InlineData(UncertaintyMeasure.Entropy, ScoreInput.Logits)]
    [InlineData(UncertaintyMeasure.LeastConfidence, ScoreInput.Logits)]
    [InlineData(UncertaintyMeasure.Margin, ScoreInput.Logits)]
    [InlineData(UncertaintyMeasure.Ratio, ScoreInput.Logits)]
    [InlineData(UncertaintyMeasure.Entropy, ScoreInput.Probabilities)]
    [InlineData(UncertaintyMeasure.Margin, ScoreInput.Probabilities)]
    public void Build_ScatteredNoDataAndMaskAcrossChunksAndBlocks_OnlyThosePixelsAreNaN(UncertaintyMeasure measure, ScoreInput input)
    {
        // 70,001 pixels: more than one 64 Ki-pixel parallel block, ~137 stage chunks and a ragged tail; the
        // excluded pixels fall at chunk starts, chunk ends and inside vectors, so vectors mixing valid and
        // excluded lanes take the exact path while their neighbours stay vectorised.
        const int width = 1111;
        const int height = 63;
        var rng = new Random(11);
        var scores = RandomScores(rng, width, height, 4, input, spread: 10).WithNoData(-5000);
        var mask = new RasterBuffer<byte>(width, height);
        mask.Data.Fill(1);
        var excluded = new HashSet<int>();
        for (int k = 0; k < 400; k++)
        {
            int i = k % 3 == 0 ? (rng.Next(width * height / 512) * 512) + (k % 2 == 0 ? 0 : 511) : rng.Next(width * height);
            i = Math.Min(i, (width * height) - 1);
            excluded.Add(i);
            if (k % 2 == 0)
            {
                scores[k % 4, i / width, i % width] = -5000;
            }
            else
            {
                mask[0, i / width, i % width] = 0;
            }
        }

        var map = new UncertaintyMapBuilder { Measure = measure, Input = input, ValidityMask = mask }.Build(scores);

        float[] m = map.Raster.GetArray();
        int plane = width * height;
        float[] data = scores.GetArray();
        double[] z = new double[4];
        double[] p = new double[4];
        double sum = 0;
        for (int i = 0; i < plane; i++)
        {
            if (excluded.Contains(i))
            {
                Assert.True(float.IsNaN(m[i]), $"pixel {i} is excluded but has {m[i]}");
                continue;
            }

            for (int c = 0; c < 4; c++)
            {
                z[c] = data[(c * plane) + i];
            }

            double expected = ReferenceMeasure(z, p, measure, input, normalize: false, t: 1);
            sum += expected;
            Assert.True(Math.Abs(expected - m[i]) <= 1e-5, $"pixel {i}: map {m[i]} vs double reference {expected}");
        }

        Assert.Equal(plane - excluded.Count, map.ValidPixelCount);
        Assert.Equal(sum / map.ValidPixelCount, map.Mean, 1e-5);
    }

    [Property(MaxTest = 30)]
    public Property Summarize_AnyRaster_HasTheStatisticsOfTheBuiltMap() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(0, int.MaxValue)),
            seed =>
            {
                var rng = new Random(seed);
                var input = seed % 2 == 0 ? ScoreInput.Logits : ScoreInput.Probabilities;

                // Up to ~90 K pixels: several parallel blocks, so the pooled scratch is reused across blocks.
                var scores = RandomScores(rng, rng.Next(1, 400), rng.Next(1, 230), rng.Next(1, 6), input, spread: 12);
                var builder = new UncertaintyMapBuilder { Measure = (UncertaintyMeasure)(seed % 4), Input = input, Normalize = seed % 3 == 0 };
                var map = builder.Build(scores);
                var summary = builder.Summarize(scores);
                Assert.Equal(map.ValidPixelCount, summary.ValidPixelCount);
                Assert.Equal(map.Sum, summary.Sum);
                Assert.Equal(map.Max, summary.Max);
                Assert.Equal(map.Mean, summary.Mean);
                Assert.Equal(builder.Measure, summary.Measure);
            });

    [Fact]
    public void Summarize_InvalidPixel_ThrowsLikeBuild()
    {
        var scores = RandomScores(new Random(5), 300, 300, 3, ScoreInput.Logits, 5);
        scores[1, 250, 17] = float.PositiveInfinity;
        var builder = new UncertaintyMapBuilder { Input = ScoreInput.Logits };
        var fromBuild = Assert.Throws<UncertaintyInputException>(() => builder.Build(scores));
        var fromSummary = Assert.Throws<UncertaintyInputException>(() => builder.Summarize(scores));
        Assert.Equal(fromBuild.Message, fromSummary.Message);
        Assert.Equal((250 * 300) + 17, fromSummary.Index);
    }

    [Fact]
    public void Build_OneHotProbabilitiesWithZeros_IsZeroNotNaN()
    {
        var scores = new RasterBuffer<float>(16, 1, 3);
        for (int i = 0; i < 16; i++)
        {
            scores[i % 3, 0, i] = 1;
        }

        var map = UncertaintyMap.Compute(scores, UncertaintyMeasure.Entropy);
        Assert.All(map.Raster.GetArray(), v => Assert.Equal(0f, v));
        Assert.Equal(16, map.ValidPixelCount);
    }

    [Fact]
    public void Build_ProbabilitiesWithTinyAndSubnormalEntries_EqualsDoublePrecision()
    {
        // The vector log has no clamp: zeros and subnormals must still give p · ln p = 0 (or its tiny true value).
        float[] tiny = [0f, 1e-45f, 1e-40f, 1.17549435e-38f, 1e-30f, 1e-12f, 1e-7f, 3e-4f];
        var scores = new RasterBuffer<float>(64, 4, 3);
        for (int row = 0; row < 4; row++)
        {
            for (int col = 0; col < 64; col++)
            {
                float a = tiny[col % tiny.Length];
                float b = tiny[(col / tiny.Length + row) % tiny.Length];
                scores[0, row, col] = a;
                scores[1, row, col] = b;
                scores[2, row, col] = 1f - a - b;
            }
        }

        foreach (bool normalize in new[] { false, true })
        {
            var map = new UncertaintyMapBuilder { Measure = UncertaintyMeasure.Entropy, Normalize = normalize }.Build(scores);
            AssertEqualsReference(scores, map, UncertaintyMeasure.Entropy, ScoreInput.Probabilities, normalize, 1);
        }
    }

    [Fact]
    public void Build_NoDataInAnyBand_IsNaNAndExcluded()
    {
        var scores = RandomScores(new Random(3), 20, 3, 3, ScoreInput.Logits, 5).WithNoData(-9999);
        scores[2, 1, 7] = -9999;
        scores[0, 2, 19] = -9999;
        var map = UncertaintyMap.Compute(scores, UncertaintyMeasure.Margin, ScoreInput.Logits);
        Assert.True(float.IsNaN(map.Raster[0, 1, 7]));
        Assert.True(float.IsNaN(map.Raster[0, 2, 19]));
        Assert.Equal(58, map.ValidPixelCount);
        double expected = map.Raster.GetArray().Where(v => !float.IsNaN(v)).Average(v => (double)v);
        Assert.Equal(expected, map.Mean, 1e-6);
        Assert.True(double.IsNaN(map.Raster.NoData!.Value));
    }

    [Fact]
    public void Build_NaNNoData_IsNaNAndExcluded()
    {
        var scores = RandomScores(new Random(3), 20, 3, 3, ScoreInput.Probabilities, 5).WithNoData(double.NaN);
        scores[1, 0, 4] = float.NaN;
        var map = UncertaintyMap.Compute(scores, UncertaintyMeasure.Entropy);
        Assert.True(float.IsNaN(map.Raster[0, 0, 4]));
        Assert.Equal(59, map.ValidPixelCount);
    }

    [Fact]
    public void Build_ValidityMask_MasksPixels()
    {
        var scores = RandomScores(new Random(5), 17, 2, 4, ScoreInput.Logits, 5);
        var mask = new RasterBuffer<byte>(17, 2);
        mask.Data.Fill(1);
        mask[0, 1, 3] = 0;
        var map = new UncertaintyMapBuilder { Input = ScoreInput.Logits, ValidityMask = mask }.Build(scores);
        Assert.True(float.IsNaN(map.Raster[0, 1, 3]));
        Assert.Equal(33, map.ValidPixelCount);
    }

    [Fact]
    public void Build_NaNWithoutNoData_ThrowsNamingPixelAndBand()
    {
        var scores = RandomScores(new Random(5), 40, 30, 3, ScoreInput.Logits, 5);
        scores[2, 12, 33] = float.NaN;
        var ex = Assert.Throws<UncertaintyInputException>(() => UncertaintyMap.Compute(scores, UncertaintyMeasure.Entropy, ScoreInput.Logits));
        Assert.Equal((12 * 40) + 33, ex.Index);
        Assert.Equal(2, ex.ClassIndex);
        Assert.Contains("row 12, column 33", ex.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 60)]
    public Property Build_OneOutOfRangeProbabilityAnywhere_ThrowsNamingItsPixelAndClass() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(0, int.MaxValue)),
            seed =>
            {
                // Each bad value keeps the row's sum within tolerance (or is not a number), so only the range check
                // can catch it; the pixel lands in any lane of any chunk, or in the scalar tail.
                float[] bad = [1.0000001f, 1.0001f, -1e-7f, -1e-30f, -float.Epsilon, float.NaN, float.PositiveInfinity, float.NegativeInfinity, 2f];
                var rng = new Random(seed);
                int classes = rng.Next(2, 6);
                int width = rng.Next(1, 700);
                int height = rng.Next(1, 4);
                var scores = RandomScores(rng, width, height, classes, ScoreInput.Probabilities, 8);
                int row = rng.Next(height);
                int col = rng.Next(width);
                int cls = rng.Next(classes);
                float value = bad[rng.Next(bad.Length)];
                for (int c = 0; c < classes; c++)
                {
                    scores[c, row, col] = c == cls ? value : 0f;
                }

                if (float.IsFinite(value) && value < 0)
                {
                    scores[(cls + 1) % classes, row, col] = 1f;
                }

                var measure = (UncertaintyMeasure)(seed % 4);
                var ex = Assert.Throws<UncertaintyInputException>(() => new UncertaintyMapBuilder { Measure = measure }.Build(scores));
                Assert.Equal((row * width) + col, ex.Index);
                Assert.Equal(cls, ex.ClassIndex);
            });

    [Fact]
    public void Build_NegativeZeroProbabilities_AreValidAndEqualDoublePrecision()
    {
        // −0 has the sign bit set, so the vector range check sends its pixels to the exact path, which accepts it.
        var scores = RandomScores(new Random(9), 67, 3, 3, ScoreInput.Probabilities, 8);
        for (int col = 0; col < 67; col += 5)
        {
            scores[0, 1, col] = -0f;
            scores[1, 1, col] = 0.25f;
            scores[2, 1, col] = 0.75f;
        }

        foreach (var measure in new[] { UncertaintyMeasure.Entropy, UncertaintyMeasure.LeastConfidence, UncertaintyMeasure.Margin, UncertaintyMeasure.Ratio })
        {
            var map = new UncertaintyMapBuilder { Measure = measure }.Build(scores);
            Assert.Equal(201, map.ValidPixelCount);
            AssertEqualsReference(scores, map, measure, ScoreInput.Probabilities, false, 1);
        }
    }

    [Fact]
    public void Build_ProbabilitiesNotSummingToOne_ThrowsLowestPixel()
    {
        var scores = RandomScores(new Random(5), 1024, 300, 2, ScoreInput.Probabilities, 5);
        scores[0, 290, 1000] = 0.9f;
        scores[1, 290, 1000] = 0.3f;
        scores[0, 250, 10] = 0.1f;
        scores[1, 250, 10] = 0.1f;
        var ex = Assert.Throws<UncertaintyInputException>(() => UncertaintyMap.Compute(scores, UncertaintyMeasure.Entropy));
        Assert.Equal((250 * 1024) + 10, ex.Index);
        Assert.Contains("sum", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_GeoreferencedScores_KeepTransformAndCrs()
    {
        var gt = new GeoTransform(288776.25, 28.5, 0, 9120760.75, 0, -28.5);
        var scores = new RasterBuffer<float>(new float[2 * 3 * 2], 3, 2, 2, gt, CrsReference.FromEpsg(31985));
        var map = UncertaintyMap.Compute(scores, UncertaintyMeasure.Entropy, ScoreInput.Logits);
        Assert.Equal(gt, map.Raster.GeoTransform);
        Assert.Equal(31985, map.Raster.Crs!.Epsg);
        Assert.All(map.Raster.GetArray(), v => Assert.Equal(Math.Log(2), v, 1e-6));
    }

    [Fact]
    public void Aggregate_ClassWeighted_WeightsByArgMaxClass()
    {
        // Pixel 0 predicts class 0 (p = 0.9), pixel 1 predicts class 1 (p = 0.6).
        var scores = new RasterBuffer<float>([0.9f, 0.4f, 0.1f, 0.6f], 2, 1, 2);
        var map = UncertaintyMap.Compute(scores, UncertaintyMeasure.LeastConfidence);
        double score = map.Aggregate(ImageAggregation.ClassWeighted([1, 3]));
        Assert.Equal(((1 * 0.1) + (3 * 0.4)) / 4, score, 1e-6);
    }

    [Fact]
    public void Aggregate_AllNoData_Throws()
    {
        var scores = new RasterBuffer<float>(4, 4, 2, noData: 0);
        var map = UncertaintyMap.Compute(scores, UncertaintyMeasure.Entropy, ScoreInput.Logits);
        Assert.Equal(0, map.ValidPixelCount);
        Assert.Throws<UncertaintyInputException>(() => map.Aggregate(ImageAggregation.Mean));
    }

    [Theory]
    [InlineData("mean", ImageAggregateKind.Mean)]
    [InlineData("MAX", ImageAggregateKind.Max)]
    [InlineData("sum", ImageAggregateKind.Sum)]
    [InlineData("topk:0.1", ImageAggregateKind.TopFractionMean)]
    public void Parse_ValidText_RoundTrips(string text, ImageAggregateKind kind)
    {
        var a = ImageAggregation.Parse(text);
        Assert.Equal(kind, a.Kind);
        Assert.Equal(text.ToLowerInvariant(), a.ToString());
    }

    [Theory]
    [InlineData("median")]
    [InlineData("topk:0")]
    [InlineData("topk:1.5")]
    [InlineData("topk:x")]
    public void Parse_InvalidText_ThrowsFormatException(string text) =>
        Assert.Throws<FormatException>(() => ImageAggregation.Parse(text));

    [Property(MaxTest = 100)]
    public Property TopFractionMean_AnyValues_EqualsSortedReference() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(0, int.MaxValue)),
            seed =>
            {
                var rng = new Random(seed);
                float[] v = [.. Enumerable.Range(0, rng.Next(1, 301)).Select(_ => (float)Math.Round(rng.NextDouble() * 4, 1))];
                double q = rng.Next(1, 101) / 100.0;
                int k = (int)Math.Max(1, Math.Ceiling((q * v.Length) - 1e-9));
                double expected = v.OrderByDescending(x => x).Take(k).Average(x => (double)x);
                Assert.Equal(expected, UncertaintyAggregator.Aggregate(v, ImageAggregation.TopFraction(q)), 1e-6);
            });

    internal static RasterBuffer<float> RandomScores(Random rng, int width, int height, int classes, ScoreInput input, double spread)
    {
        int plane = width * height;
        float[] data = new float[plane * classes];
        for (int i = 0; i < plane; i++)
        {
            if (input == ScoreInput.Logits)
            {
                for (int c = 0; c < classes; c++)
                {
                    data[(c * plane) + i] = (float)((rng.NextDouble() - 0.5) * spread);
                }
            }
            else
            {
                // Peaked, flat and one-hot rows, with exact zeros.
                double sum = 0;
                double[] w = new double[classes];
                int kind = rng.Next(4);
                for (int c = 0; c < classes; c++)
                {
                    w[c] = kind == 0 ? (c == i % classes ? 1 : 0) : kind == 1 ? 1 : Math.Pow(rng.NextDouble(), 4);
                    sum += w[c];
                }

                for (int c = 0; c < classes; c++)
                {
                    data[(c * plane) + i] = (float)(w[c] / sum);
                }
            }
        }

        return new RasterBuffer<float>(data, width, height, classes);
    }

    internal static void AssertEqualsReference(RasterBuffer<float> scores, UncertaintyMap map, UncertaintyMeasure measure, ScoreInput input, bool normalize, double temperature)
    {
        int plane = scores.Width * scores.Height;
        int classes = scores.BandCount;
        float[] data = scores.GetArray();
        float[] m = map.Raster.GetArray();
        double[] z = new double[classes];
        double[] p = new double[classes];
        double sum = 0;
        for (int i = 0; i < plane; i++)
        {
            for (int c = 0; c < classes; c++)
            {
                z[c] = data[(c * plane) + i];
            }

            double expected = ReferenceMeasure(z, p, measure, input, normalize, temperature);
            sum += expected;
            if (Math.Abs(expected - m[i]) > 1e-5)
            {
                Assert.Fail($"pixel {i}: map {m[i]} vs double reference {expected} ({measure}, {input}, [{string.Join(", ", z)}])");
            }
        }

        Assert.Equal(sum / plane, map.Mean, 1e-5);
    }

    // A straightforward double-precision computation written independently of the library.
    private static double ReferenceMeasure(double[] z, double[] p, UncertaintyMeasure measure, ScoreInput input, bool normalize, double t)
    {
        int c = z.Length;
        if (input == ScoreInput.Logits)
        {
            double max = z.Max();
            double s = 0;
            for (int k = 0; k < c; k++)
            {
                p[k] = Math.Exp((z[k] - max) / t);
                s += p[k];
            }

            for (int k = 0; k < c; k++)
            {
                p[k] /= s;
            }
        }
        else
        {
            Array.Copy(z, p, c);
        }

        double[] sorted = [.. p.OrderByDescending(v => v)];
        double p1 = sorted[0];
        double p2 = c > 1 ? sorted[1] : 0;
        double h = -p.Where(v => v > 0).Sum(v => v * Math.Log(v));
        return measure switch
        {
            UncertaintyMeasure.LeastConfidence => (1 - p1) * (normalize && c > 1 ? c / (c - 1.0) : 1),
            UncertaintyMeasure.Margin => 1 - (p1 - p2),
            UncertaintyMeasure.Ratio => p2 / p1,
            _ => normalize ? (c > 1 ? h / Math.Log(c) : 0) : h,
        };
    }
}
