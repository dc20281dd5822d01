using Scaneo.Geo;

namespace Scaneo.Abstractions.Tests.Geo;

public class CrsReferenceTests
{
    private const string Wkt = "PROJCS[\"SIRGAS 2000 / UTM zone 25S\",GEOGCS[\"SIRGAS 2000\"]]";

    [Theory]
    [InlineData(0)]
    [InlineData(-4326)]
    public void FromEpsg_NonPositive_ThrowsNamingField(int code)
    {
        Assert.Equal("CrsReference.Epsg", Assert.Throws<ScaneoValidationException>(() => CrsReference.FromEpsg(code)).Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void FromWkt_Empty_ThrowsNamingField(string? wkt)
    {
        Assert.Equal("CrsReference.Wkt", Assert.Throws<ScaneoValidationException>(() => CrsReference.FromWkt(wkt!)).Field);
    }

    [Fact]
    public void FromWkt_NonPositiveEpsg_ThrowsNamingField()
    {
        Assert.Equal("CrsReference.Epsg", Assert.Throws<ScaneoValidationException>(() => CrsReference.FromWkt(Wkt, 0)).Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("UTM 25S")]
    [InlineData("EPSG:abc")]
    [InlineData("EPSG:-1")]
    public void Parse_NotEpsgOrWkt_Throws(string? text)
    {
        Assert.StartsWith("CrsReference", Assert.Throws<ScaneoValidationException>(() => CrsReference.Parse(text!)).Field, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EpsgZero_ThrowsNamingEpsg()
    {
        Assert.Equal("CrsReference.Epsg", Assert.Throws<ScaneoValidationException>(() => CrsReference.Parse("EPSG:0")).Field);
    }

    [Theory]
    [InlineData("EPSG:31985", 31985)]
    [InlineData("epsg:4326", 4326)]
    [InlineData(" 32631 ", 32631)]
    public void Parse_EpsgForms_ReturnCode(string text, int code)
    {
        var crs = CrsReference.Parse(text);
        Assert.Equal(code, crs.Epsg);
        Assert.Null(crs.Wkt);
        Assert.Equal("EPSG:" + code, crs.ToString());
    }

    [Fact]
    public void Parse_Wkt_KeepsTrimmedWkt()
    {
        var crs = CrsReference.Parse("  " + Wkt + "\n");
        Assert.Null(crs.Epsg);
        Assert.Equal(Wkt, crs.Wkt);
        Assert.Equal(Wkt, crs.ToString());
    }

    [Fact]
    public void Equals_SameEpsgDifferentWkt_AreEqual()
    {
        Assert.Equal(CrsReference.FromEpsg(31985), CrsReference.FromWkt(Wkt, 31985));
        Assert.Same(CrsReference.Wgs84, CrsReference.FromEpsg(4326));
        Assert.Equal(CrsReference.FromWkt(Wkt), CrsReference.FromWkt(Wkt));
        Assert.Equal(CrsReference.FromWkt(Wkt).GetHashCode(), CrsReference.FromWkt(Wkt).GetHashCode());
        Assert.NotEqual(CrsReference.FromWkt(Wkt), CrsReference.FromWkt(Wkt + " "[..0] + "X"));
        Assert.NotEqual(CrsReference.WebMercator, CrsReference.Wgs84);
    }
}
