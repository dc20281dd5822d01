using FsCheck;
using FsCheck.Fluent;
using Scaneo.ReferenceModel.Model;

namespace Scaneo.ReferenceModel.Tests.Model;

public class SpectralRulesTests
{
    private const double WaterThreshold = 0.2;
    private const double VegetationThreshold = 0.3;
    private const double Temperature = 0.05;

    // Index values on a 0.001 grid in (−1, 1): enough to hit both sides of every threshold.
    private static readonly Gen<double> IndexGen = Gen.Choose(-999, 999).Select(i => i / 1000.0);

    [Fact]
    public void Ndwi_GreenAboveNir_IsPositiveNormalisedDifference()
    {
        Assert.Equal((60.0 - 20.0) / 80.0, SpectralRules.Ndwi(60, 20), 12);
    }

    [Fact]
    public void Ndvi_NirAboveRed_IsPositiveNormalisedDifference()
    {
        Assert.Equal((90.0 - 30.0) / 120.0, SpectralRules.Ndvi(90, 30), 12);
    }

    [Fact]
    public void Ndwi_ZeroDenominator_IsNaN()
    {
        Assert.True(double.IsNaN(SpectralRules.Ndwi(0, 0)));
    }

    [Theory]
    [InlineData(0.5, 0.9, ReferenceClasses.Water)]
    [InlineData(0.21, -0.5, ReferenceClasses.Water)]
    [InlineData(0.2, 0.5, ReferenceClasses.Water)]
    [InlineData(0.19, 0.5, ReferenceClasses.Vegetation)]
    [InlineData(-0.4, 0.3, ReferenceClasses.Vegetation)]
    [InlineData(-0.4, 0.29, ReferenceClasses.BuiltUp)]
    [InlineData(0.0, 0.0, ReferenceClasses.BuiltUp)]
    public void Classify_Indexes_FollowsRulePrecedenceWithThresholdsInclusive(double ndwi, double ndvi, int expected)
    {
        Assert.Equal(expected, SpectralRules.Classify(ndwi, ndvi, WaterThreshold, VegetationThreshold));
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Probabilities_AnyIndexes_FormADistribution() =>
        Prop.ForAll(Arb.From(IndexGen), Arb.From(IndexGen), (ndwi, ndvi) =>
        {
            Span<double> p = stackalloc double[3];
            SpectralRules.Probabilities(ndwi, ndvi, WaterThreshold, VegetationThreshold, Temperature, p);
            return p[0] >= 0 && p[1] >= 0 && p[2] >= 0 && Math.Abs(p[0] + p[1] + p[2] - 1) < 1e-12;
        });

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Probabilities_AnyIndexes_FirstMaxArgmaxIsTheHardRule() =>
        Prop.ForAll(Arb.From(IndexGen), Arb.From(IndexGen), (ndwi, ndvi) =>
        {
            Span<double> p = stackalloc double[3];
            SpectralRules.Probabilities(ndwi, ndvi, WaterThreshold, VegetationThreshold, Temperature, p);
            int argmax = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            return argmax == SpectralRules.Classify(ndwi, ndvi, WaterThreshold, VegetationThreshold);
        });

    [Fact]
    public void Probabilities_NearWaterThreshold_AreUncertain()
    {
        Span<double> near = stackalloc double[3];
        Span<double> far = stackalloc double[3];
        SpectralRules.Probabilities(WaterThreshold + 0.005, -0.6, WaterThreshold, VegetationThreshold, Temperature, near);
        SpectralRules.Probabilities(0.8, -0.6, WaterThreshold, VegetationThreshold, Temperature, far);

        Assert.InRange(near[ReferenceClasses.Water], 0.45, 0.6);
        Assert.True(Entropy(near) > 0.6, $"entropy near the threshold was {Entropy(near)}");
        Assert.True(far[ReferenceClasses.Water] > 0.999);
        Assert.True(Entropy(far) < 0.01);
    }

    [Fact]
    public void Probabilities_ExtremeMarginsTinyTemperature_StayFinite()
    {
        Span<double> p = stackalloc double[3];
        SpectralRules.Probabilities(0.99, -0.99, WaterThreshold, VegetationThreshold, 1e-6, p);
        Assert.Equal(1.0, p[ReferenceClasses.Water], 12);
        Assert.False(double.IsNaN(p[1]) || double.IsNaN(p[2]));
    }

    private static double Entropy(ReadOnlySpan<double> p)
    {
        double h = 0;
        foreach (double v in p)
        {
            if (v > 0)
            {
                h -= v * Math.Log(v);
            }
        }

        return h;
    }
}
