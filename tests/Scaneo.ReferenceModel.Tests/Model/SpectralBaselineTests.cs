using Scaneo.ReferenceModel.Model;
using Scaneo.Rasters;

namespace Scaneo.ReferenceModel.Tests.Model;

public class SpectralBaselineTests
{
    [Fact]
    public void Score_KnownPixels_MaskFollowsRules()
    {
        var image = TestImages.FromMap("wvbn");

        SpectralScores scores = SpectralBaseline.Score(image, TestImages.Options());

        Assert.Equal(
            [ReferenceClasses.Water, ReferenceClasses.Vegetation, ReferenceClasses.BuiltUp, ReferenceClasses.NoDataValue],
            scores.Mask);
        Assert.Equal(3, scores.ValidCount);
        Assert.True(scores.HasInvalidPixels);
        Assert.True(float.IsNaN(scores.Probability(ReferenceClasses.Water, 3)));
    }

    [Fact]
    public void Score_ValidPixels_ArgmaxOfProbabilitiesEqualsMask()
    {
        var image = TestImages.FromMap("wvb", "bvw");

        SpectralScores scores = SpectralBaseline.Score(image, TestImages.Options());

        for (int i = 0; i < scores.PixelCount; i++)
        {
            int argmax = Enumerable.Range(0, ReferenceClasses.Count).MaxBy(c => scores.Probability(c, i));
            Assert.Equal(scores.Mask[i], argmax);
        }
    }

    [Fact]
    public void Score_TooFewBands_ThrowsValidationNamingRoles()
    {
        var rgb = new RasterBuffer<byte>(2, 2, 3);

        var ex = Assert.Throws<ScaneoValidationException>(() => SpectralBaseline.Score(rgb, TestImages.Options()));

        Assert.Contains("at least 4 bands", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_Uint16AndFloatInputs_GiveSameMaskAsBytes()
    {
        var bytes = TestImages.FromMap("wvb");
        var words = new RasterBuffer<ushort>(bytes.GetArray().Select(v => (ushort)(v * 100)).ToArray(), 3, 1, 4);
        var floats = new RasterBuffer<float>(bytes.GetArray().Select(v => v / 255f).ToArray(), 3, 1, 4);

        byte[] expected = SpectralBaseline.Score(bytes, TestImages.Options()).Mask;

        Assert.Equal(expected, SpectralBaseline.Score(words, TestImages.Options()).Mask);
        Assert.Equal(expected, SpectralBaseline.Score(floats, TestImages.Options()).Mask);
    }

    [Fact]
    public void MeanProbabilities_HalfWaterHalfVegetation_SplitsMass()
    {
        var image = TestImages.FromMap("wwvv", "wwvv");

        double[] mean = SpectralBaseline.MeanProbabilities(SpectralBaseline.Score(image, TestImages.Options()));

        Assert.Equal(1.0, mean.Sum(), 6); // float32 planes
        Assert.InRange(mean[ReferenceClasses.Water], 0.45, 0.5);
        Assert.InRange(mean[ReferenceClasses.Vegetation], 0.45, 0.5);
    }

    [Fact]
    public void MeanProbabilities_AllNoData_ThrowsValidation()
    {
        var image = TestImages.FromMap("nn");

        Assert.Throws<ScaneoValidationException>(() => SpectralBaseline.MeanProbabilities(SpectralBaseline.Score(image, TestImages.Options())));
    }
}
