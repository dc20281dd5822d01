using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Abstractions.Tests.Domain;

public class CampaignImageTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_EmptyPath_ThrowsNamingField(string? path)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new CampaignImage(path!, 1, 1, 1));
        Assert.Equal("CampaignImage.Path", ex.Field);
    }

    [Theory]
    [InlineData("/data/a.tif")]
    [InlineData("../a.tif")]
    [InlineData("images/../../a.tif")]
    [InlineData("images\\..\\a.tif")]
    public void Constructor_PathLeavingCampaignFolder_Throws(string path)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new CampaignImage(path, 1, 1, 1));
        Assert.Equal("CampaignImage.Path", ex.Field);
        Assert.Contains("inside the campaign folder", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BackslashPath_NormalizesToForwardSlashes()
    {
        var image = new CampaignImage("images\\tile 1.tif", 10, 20, 3);
        Assert.Equal("images/tile 1.tif", image.Path);
        Assert.Equal("tile 1", image.Name);
    }

    [Theory]
    [InlineData(0, 1, 1, "Width")]
    [InlineData(-1, 1, 1, "Width")]
    [InlineData(1, 0, 1, "Height")]
    [InlineData(1, 1, 0, "BandCount")]
    public void Constructor_NonPositiveSize_ThrowsNamingField(int width, int height, int bands, string member)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new CampaignImage("a.tif", width, height, bands));
        Assert.Equal("CampaignImage(a.tif)." + member, ex.Field);
    }

    [Fact]
    public void Constructor_DefaultGeoTransform_Throws()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new CampaignImage("a.tif", 1, 1, 1, geoTransform: default(GeoTransform)));
        Assert.Equal("CampaignImage(a.tif).GeoTransform", ex.Field);
    }

    [Fact]
    public void Constructor_UndefinedDataType_Throws()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new CampaignImage("a.tif", 1, 1, 1, (RasterDataType)99));
        Assert.Equal("CampaignImage(a.tif).DataType", ex.Field);
    }

    [Theory]
    [InlineData(double.NaN, 0, 1, 1)]
    [InlineData(0, double.PositiveInfinity, 1, 1)]
    [InlineData(-181, 0, 1, 1)]
    [InlineData(0, -91, 1, 1)]
    [InlineData(0, 0, 1, 91)]
    [InlineData(0, 10, 1, 5)]
    public void Constructor_InvalidBounds_Throws(double minLon, double minLat, double maxLon, double maxLat)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() =>
            new CampaignImage("a.tif", 1, 1, 1, boundsWgs84: new GeoBounds(minLon, minLat, maxLon, maxLat)));
        Assert.Equal("CampaignImage(a.tif).BoundsWgs84", ex.Field);
    }

    [Fact]
    public void Constructor_BoundsCrossingAntimeridian_AreAccepted()
    {
        var image = new CampaignImage("a.tif", 1, 1, 1, boundsWgs84: new GeoBounds(179, -10, -179, 10));
        Assert.Equal(179, image.BoundsWgs84!.Value.MinLon);
    }

    [Fact]
    public void Constructor_Georeferenced_KeepsEverything()
    {
        var gt = new GeoTransform(288776.25, 28.5, 0, 9120760.75, 0, -28.5);
        var image = new CampaignImage("L7_ETMs.tif", 349, 352, 6, RasterDataType.UInt8, CrsReference.FromEpsg(31985), gt, new GeoBounds(-35.1, -7.9, -35.0, -7.8));
        Assert.Equal(gt, image.GeoTransform);
        Assert.Equal(31985, image.Crs!.Epsg);
        Assert.Equal(6, image.BandCount);
    }
}
