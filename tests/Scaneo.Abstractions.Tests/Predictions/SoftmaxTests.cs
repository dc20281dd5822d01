using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scaneo.Predictions;

namespace Scaneo.Abstractions.Tests.Predictions;

public sealed class SoftmaxTests
{
    private static readonly Gen<double[]> Logits =
        from n in Gen.Choose(1, 12)
        from values in Gen.ArrayOf(Gen.Choose(-400_000, 400_000).Select(v => v / 1000.0), n)
        select values;

    [Fact]
    public void Compute_ReferenceRow_MatchesHandComputedValues()
    {
        double[] p = Softmax.Compute([2, 1, 0]);

        // e^2, e^1, e^0 over their sum 10.1073379...
        Assert.Equal(0.6652409558, p[0], 1e-9);
        Assert.Equal(0.2447284711, p[1], 1e-9);
        Assert.Equal(0.0900305732, p[2], 1e-9);
    }

    [Fact]
    public void Compute_Temperature_FlattensTheDistribution()
    {
        double[] p = Softmax.Compute([2, 1, 0], temperature: 2);
        double[] q = Softmax.Compute([1, 0.5, 0]);
        Assert.Equal(q, p);
    }

    [Fact]
    public void Compute_HugeLogits_DoNotOverflow()
    {
        double[] p = Softmax.Compute([1000, 999, -1000]);
        Assert.Equal(1 / (1 + Math.Exp(-1)), p[0], 1e-12);
        Assert.Equal(0, p[2], 12);
    }

    [Property(MaxTest = 300)]
    public Property Compute_AnyLogits_IsADistributionOrderedLikeTheLogits() =>
        Prop.ForAll(
            Logits.ToArbitrary(),
            z =>
            {
                double[] p = Softmax.Compute(z);
                Assert.Equal(1, p.Sum(), 1e-12);
                Assert.All(p, v => Assert.InRange(v, 0, 1));
                for (int i = 0; i < z.Length; i++)
                {
                    for (int j = 0; j < z.Length; j++)
                    {
                        if (z[i] > z[j])
                        {
                            Assert.True(p[i] >= p[j]);
                        }
                    }
                }
            });

    [Property(MaxTest = 300)]
    public Property Compute_ShiftedLogits_GiveTheSameProbabilities() =>
        Prop.ForAll(
            Logits.ToArbitrary(),
            Gen.Choose(-1000, 1000).ToArbitrary(),
            (z, shift) =>
            {
                double[] p = Softmax.Compute(z);
                double[] q = Softmax.Compute([.. z.Select(v => v + shift)]);
                for (int i = 0; i < p.Length; i++)
                {
                    Assert.Equal(p[i], q[i], 1e-9);
                }
            });

    [Property(MaxTest = 300)]
    public Property Compute_PermutedLogits_PermuteTheProbabilitiesExactly() =>
        Prop.ForAll(
            Logits.ToArbitrary(),
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            (z, seed) =>
            {
                int[] order = [.. Enumerable.Range(0, z.Length)];
                new Random(seed).Shuffle(order);
                double[] p = Softmax.Compute(z);
                double[] q = Softmax.Compute([.. order.Select(i => z[i])]);
                for (int k = 0; k < order.Length; k++)
                {
                    Assert.Equal(p[order[k]], q[k]);
                }
            });

    [Property(MaxTest = 100)]
    public Property ComputePerPixel_AnyRaster_EqualsRowByRowCompute() =>
        Prop.ForAll(
            Gen.Choose(1, 40).ToArbitrary(),
            Gen.Choose(1, 7).ToArbitrary(),
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            (pixels, classes, seed) =>
            {
                var rng = new Random(seed);
                float[] bands = [.. Enumerable.Range(0, pixels * classes).Select(_ => (float)((rng.NextDouble() - 0.5) * 60))];
                float[] result = new float[bands.Length];
                Softmax.ComputePerPixel(bands, pixels, result);
                for (int i = 0; i < pixels; i++)
                {
                    double[] row = [.. Enumerable.Range(0, classes).Select(c => (double)bands[(c * pixels) + i])];
                    double[] expected = Softmax.Compute(row);
                    for (int c = 0; c < classes; c++)
                    {
                        Assert.Equal(expected[c], result[(c * pixels) + i], 1e-6);
                    }
                }
            });

    [Fact]
    public void ComputePerPixel_InPlace_GivesTheSameResult()
    {
        float[] bands = [1, 2, 3, 0, -1, 5];
        float[] copy = new float[bands.Length];
        Softmax.ComputePerPixel(bands, 3, copy);
        Softmax.ComputePerPixel(bands, 3, bands);
        Assert.Equal(copy, bands);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Compute_InvalidTemperature_Throws(double temperature) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Softmax.Compute([1, 2], temperature));

    [Fact]
    public void Compute_DestinationOfOtherLength_ThrowsNamingBothLengths()
    {
        var ex = Assert.Throws<ArgumentException>(() => Softmax.Compute([1, 2, 3], new double[2]));
        Assert.Contains("3 values", ex.Message, StringComparison.Ordinal);
        Assert.Contains("found 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputePerPixel_LengthNotWholeBands_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Softmax.ComputePerPixel(new float[7], 3, new float[7]));
        Assert.Contains("whole number of bands of 3 pixels", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Softmax.ComputePerPixel(new float[6], -3, new float[6]));
    }
}
