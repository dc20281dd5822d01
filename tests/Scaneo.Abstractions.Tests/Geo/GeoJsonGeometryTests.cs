using System.Text.Json;
using NetTopologySuite.Geometries;
using Scaneo.Geo;

namespace Scaneo.Abstractions.Tests.Geo;

public class GeoJsonGeometryTests
{
    [Theory]
    [InlineData("{\"type\":\"Point\",\"coordinates\":[-35.05,-7.85]}")]
    [InlineData("{\"type\":\"MultiPoint\",\"coordinates\":[[-35.05,-7.85],[-35.04,-7.84]]}")]
    [InlineData("{\"type\":\"LineString\",\"coordinates\":[[0,0],[1,1],[2,0]]}")]
    [InlineData("{\"type\":\"Polygon\",\"coordinates\":[[[-35.1,-7.9],[-35,-7.9],[-35,-7.8],[-35.1,-7.8],[-35.1,-7.9]],[[-35.06,-7.86],[-35.05,-7.86],[-35.05,-7.85],[-35.06,-7.86]]]}")]
    [InlineData("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[0,0],[1,0],[1,1],[0,0]]],[[[2,2],[3,2],[3,3],[2,2]]]]}")]
    public void ParseThenToJson_Geometry_RoundTrips(string json)
    {
        var geometry = GeoJsonGeometry.Parse(json);
        string written = GeoJsonGeometry.ToJson(geometry);
        var again = GeoJsonGeometry.Parse(written);
        // RFC 7946 right-hand rule: the writer may re-orient rings, so compare as point sets, then check the
        // written form is a fixed point.
        Assert.True(geometry.EqualsTopologically(again), $"{json} → {written}");
        Assert.Equal(written, GeoJsonGeometry.ToJson(again));
        Assert.Equal(4326, again.SRID);
        using var doc = JsonDocument.Parse(written);
        Assert.Equal(geometry.GeometryType, doc.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public void ToJson_ClockwiseShell_IsWrittenCounterClockwise()
    {
        var clockwise = GeoJsonGeometry.Parse("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}");
        var written = (Polygon)GeoJsonGeometry.Parse(GeoJsonGeometry.ToJson(clockwise));
        Assert.True(written.Shell.IsCCW);
    }

    [Fact]
    public void ToJson_PolygonWithFullPrecision_KeepsEveryDigit()
    {
        var polygon = GeoJsonGeometry.Factory.CreatePolygon(
        [
            new Coordinate(-35.123456789012345, -7.9876543210987654),
            new Coordinate(-35.0, -7.9876543210987654),
            new Coordinate(-35.0, -7.8),
            new Coordinate(-35.123456789012345, -7.9876543210987654),
        ]);
        var again = GeoJsonGeometry.Parse(GeoJsonGeometry.ToJson(polygon));
        Assert.Equal(polygon.Coordinates, again.Coordinates);
    }

    [Fact]
    public void Write_InsideAnObject_ReadsBackWithReader()
    {
        var point = GeoJsonGeometry.Factory.CreatePoint(new Coordinate(1.5, 2.5));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("geometry");
            GeoJsonGeometry.Write(writer, point);
            writer.WriteEndObject();
        }

        var reader = new Utf8JsonReader(buffer.ToArray());
        reader.Read();
        reader.Read();
        reader.Read();
        Assert.True(point.EqualsExact(GeoJsonGeometry.Read(ref reader)));
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("{\"type\":\"Pointy\",\"coordinates\":[1,2]}")]
    public void Parse_NotAGeometry_ThrowsJsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => GeoJsonGeometry.Parse(json));
    }
}
