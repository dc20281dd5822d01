namespace Scaneo.ReferenceModel.Tests;

public class ReferenceModelOptionsTests
{
    [Fact]
    public void ForPreset_Landsat_UsesSampleBandOrder()
    {
        var o = ReferenceModelOptions.ForPreset(ReferenceModelPreset.Landsat);

        Assert.Equal((0, 1, 2, 3, 4), (o.BlueBand, o.GreenBand, o.RedBand, o.NirBand, o.SwirBand));
        Assert.Equal(5, o.RequiredBandCount);
    }

    [Fact]
    public void ForPreset_Sentinel2_UsesB2B3B4B8B11()
    {
        var o = ReferenceModelOptions.ForPreset(ReferenceModelPreset.Sentinel2);

        Assert.Equal((1, 2, 3, 7, 11), (o.BlueBand, o.GreenBand, o.RedBand, o.NirBand, o.SwirBand));
        Assert.Equal(12, o.RequiredBandCount);
    }

    [Fact]
    public void ValidatedCopy_LaterChanges_DoNotAffectCopy()
    {
        var o = ReferenceModelOptions.ForPreset(ReferenceModelPreset.Landsat);
        var copy = o.ValidatedCopy();

        o.WaterThreshold = 0.9;

        Assert.Equal(0.2, copy.WaterThreshold);
    }

    [Theory]
    [InlineData("NirBand")]
    [InlineData("Temperature")]
    [InlineData("WaterThreshold")]
    [InlineData("MinPatchPixels")]
    public void ValidatedCopy_BadSetting_ThrowsValidationNamingIt(string setting)
    {
        var o = ReferenceModelOptions.ForPreset(ReferenceModelPreset.Landsat);
        switch (setting)
        {
            case "NirBand": o.NirBand = o.GreenBand; break;
            case "Temperature": o.Temperature = 0; break;
            case "WaterThreshold": o.WaterThreshold = 1.5; break;
            case "MinPatchPixels": o.MinPatchPixels = 0; break;
        }

        var ex = Assert.Throws<ScaneoValidationException>(() => o.ValidatedCopy());

        Assert.Equal("ReferenceModelOptions." + setting, ex.Field);
    }
}
