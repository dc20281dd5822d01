using System.Text.Json;
using NetTopologySuite.Geometries;
using Scaneo.Inference.Codecs;

namespace Scaneo.Inference.Tests.Codecs;

public class GeometryJsonDecoderTests
{
    private const string Square = """{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}""";
    private const string Square2 = """{"type":"Polygon","coordinates":[[[5,5],[6,5],[6,6],[5,6],[5,5]]]}""";

    private static Geometry Decode(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return GeometryJsonDecoder.Decode(doc.RootElement).Geometry;
    }

    [Fact]
    public void Decode_BareGeometry_ReturnsPolygon()
    {
        Assert.IsType<Polygon>(Decode(Square));
    }

    [Fact]
    public void Decode_Feature_ReturnsItsGeometry()
    {
        Assert.Equal(1, Decode("{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + Square + "}").Area, 9);
    }

    [Fact]
    public void Decode_FeatureCollection_CombinesPolygons()
    {
        var g = Decode("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":" + Square + "},{\"type\":\"Feature\",\"geometry\":" + Square2 + "}]}");
        Assert.IsType<MultiPolygon>(g);
        Assert.Equal(2, g.NumGeometries);
    }

    [Fact]
    public void Decode_Point_IsRefused()
    {
        var ex = Assert.Throws<ReplyFormatException>(() => Decode("{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}}"));
        Assert.Contains("Point", ex.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_NotGeoJson_SaysWhatWasFound()
    {
        var ex = Assert.Throws<ReplyFormatException>(() => Decode("[1,2]"));
        Assert.Contains("a list of 2 items", ex.Found, StringComparison.Ordinal);
    }
}
