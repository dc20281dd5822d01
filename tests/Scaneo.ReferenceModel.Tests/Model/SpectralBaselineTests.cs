using FsCheck;
using FsCheck.Fluent;
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

    // Small digital numbers (with zeros) hit exact threshold ties, zero denominators and nodata pixels often.
    private static readonly Gen<RasterBuffer<byte>> SmallRasterGen =
        from width in Gen.Choose(1, 12)
        from height in Gen.Choose(1, 12)
        from max in Gen.Elements(5, 20, 255)
        from values in Gen.ArrayOf(Gen.Choose(0, max).Select(v => (byte)v), width * height * 4)
        from noData in Gen.Elements<double?>(null, 0)
        select new RasterBuffer<byte>(values, width, height, 4, TestImages.Utm, null, noData);

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Classify_AnyRaster_EqualsScoreMaskAndFirstMaxArgmaxOfProbabilities() =>
        Prop.ForAll(Arb.From(SmallRasterGen), image =>
        {
            var options = TestImages.Options();
            SpectralScores scores = SpectralBaseline.Score(image, options);
            byte[] mask = SpectralBaseline.Classify(image, options, out int valid);
            if (!mask.AsSpan().SequenceEqual(scores.Mask) || valid != scores.ValidCount)
            {
                return false;
            }

            for (int i = 0; i < mask.Length; i++)
            {
                if (mask[i] == ReferenceClasses.NoDataValue)
                {
                    continue;
                }

                float w = scores.Probability(0, i), v = scores.Probability(1, i), b = scores.Probability(2, i);
                int argmax = w >= v && w >= b ? 0 : v >= b ? 1 : 2;
                if (argmax != mask[i])
                {
                    return false;
                }
            }

            return true;
        });

    [Fact]
    public void Classify_TooFewBands_ThrowsValidationNamingRoles()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => SpectralBaseline.Classify(new RasterBuffer<byte>(2, 2, 3), TestImages.Options(), out _));

        Assert.Contains("at least 4 bands", ex.Message, StringComparison.Ordinal);
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
