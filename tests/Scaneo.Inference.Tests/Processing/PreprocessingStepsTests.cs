using Scaneo.Geo;
using Scaneo.Inference.Processing;
using Scaneo.Rasters;

namespace Scaneo.Inference.Tests.Processing;

public class PreprocessingStepsTests
{
    private static readonly GeoTransform Gt = new(288776.25, 28.5, 0, 9120760.75, 0, -28.5);

    /// <summary>2×1 pixels, 5 bands; band b (0-based) holds 1000·(b+1) and 1000·(b+1)+500.</summary>
    private static RasterBuffer<ushort> FiveBands()
    {
        var r = new RasterBuffer<ushort>(2, 1, 5, Gt, CrsReference.FromEpsg(31985));
        for (int b = 0; b < 5; b++)
        {
            r[b, 0, 0] = (ushort)(1000 * (b + 1));
            r[b, 0, 1] = (ushort)((1000 * (b + 1)) + 500);
        }

        return r;
    }

    private static Raster Apply(string spec, Raster image) => ProcessingStepRegistry.Default.CreatePreprocessing(spec).Apply(image);

    [Fact]
    public void S2RGB_TakesBands432_ScalesBy3000ToBytes()
    {
        var rgb = Assert.IsType<RasterBuffer<byte>>(Apply("S2RGB", FiveBands()));
        Assert.Equal(3, rgb.BandCount);
        Assert.Equal((byte)(4000 / 3000.0 > 1 ? 255 : 0), rgb[0, 0, 0]);
        Assert.Equal((byte)(3000 / 3000.0 * 255), rgb[1, 0, 0]);
        Assert.Equal((byte)(2000 / 3000.0 * 255), rgb[2, 0, 0]);
        Assert.Equal((byte)(2500 / 3000.0 * 255), rgb[2, 0, 1]);
        Assert.Equal(Gt, rgb.GeoTransform);
        Assert.Equal(31985, rgb.Crs!.Epsg);
    }

    [Fact]
    public void SATRGB_TakesBands234_AsClippedFloats()
    {
        var rgb = Assert.IsType<RasterBuffer<float>>(Apply("SATRGB", FiveBands()));
        Assert.Equal(2000 / 3000f, rgb[0, 0, 0], 6);
        Assert.Equal(1f, rgb[1, 0, 0]);
        Assert.Equal(1f, rgb[2, 0, 1]);
    }

    [Fact]
    public void S2RGB_TooFewBands_SaysHowManyAreNeeded()
    {
        var ex = Assert.Throws<InferenceException>(() => Apply("S2RGB", new RasterBuffer<ushort>(2, 2, 3)));
        Assert.Contains("at least 4 bands, found 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BandSelect_OneBased_KeepsTypeAndOrder()
    {
        var r = Assert.IsType<RasterBuffer<ushort>>(Apply("BandSelect(bands=[5,1])", FiveBands()));
        Assert.Equal(2, r.BandCount);
        Assert.Equal(5000, r[0, 0, 0]);
        Assert.Equal(1500, r[1, 0, 1]);
    }

    [Theory]
    [InlineData("BandSelect(bands=[0])", "1-based")]
    [InlineData("BandSelect(bands=[1.5])", "1-based")]
    [InlineData("BandSelect", "needs the parameter 'bands'")]
    [InlineData("Scale(divisor=0)", "must not be 0")]
    [InlineData("Clip(min=2, max=1)", "must not exceed")]
    [InlineData("Normalize(mean=[1], std=[0])", "positive")]
    [InlineData("Scale(divisor='x')", "must be a number")]
    public void Create_BadParameters_Throws(string spec, string message)
    {
        var ex = Assert.Throws<StepSpecException>(() => ProcessingStepRegistry.Default.CreatePreprocessing(spec));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScaleClipNormalizeToUInt8_ComputeAsDocumented()
    {
        var scaled = (RasterBuffer<float>)Apply("Scale(divisor=1000)", FiveBands());
        Assert.Equal(1.5f, scaled[0, 0, 1]);
        var clipped = (RasterBuffer<float>)Apply("Clip(min=1200, max=2000)", FiveBands());
        Assert.Equal(1200f, clipped[0, 0, 0]);
        Assert.Equal(2000f, clipped[4, 0, 0]);
        var normalized = (RasterBuffer<float>)Apply("Normalize(mean=[1000, 2000, 3000, 4000, 5000], std=[500])", FiveBands());
        Assert.Equal(0f, normalized[0, 0, 0]);
        Assert.Equal(1f, normalized[4, 0, 1]);
        var bytes = (RasterBuffer<byte>)Apply("ToUInt8(scale=0.1)", FiveBands());
        Assert.Equal(100, bytes[0, 0, 0]);
        Assert.Equal(255, bytes[4, 0, 0]);
    }

    [Fact]
    public void Normalize_WrongNumberOfMeans_SaysWhatItExpected()
    {
        var ex = Assert.Throws<InferenceException>(() => Apply("Normalize(mean=[1,2], std=[1])", FiveBands()));
        Assert.Contains("expected 1 or 5 values", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_NeverModifiesTheInput()
    {
        var image = FiveBands();
        ushort[] before = [.. image.Data];
        _ = Apply("Scale(divisor=2)", image);
        _ = Apply("BandSelect(bands=[1])", image);
        Assert.Equal(before, image.Data.ToArray());
    }
}
