using NetTopologySuite.Geometries;
using Scaneo.Geo;
using Scaneo.ReferenceModel.Model;

namespace Scaneo.ReferenceModel.Tests.Model;

public class RegionPolygonizerTests
{
    [Fact]
    public void ToPixelGeometry_LShape_IsOnePolygonWithCornerVerticesOnly()
    {
        bool[] region =
        [
            true, false,
            true, true,
        ];

        Geometry g = RegionPolygonizer.ToPixelGeometry(region, 2, 2);

        var polygon = Assert.IsType<Polygon>(g);
        Assert.Equal(3.0, polygon.Area, 12);
        Assert.Equal(7, polygon.Shell.NumPoints); // six corners of an L, closed
        Assert.True(polygon.IsValid);
    }

    [Fact]
    public void ToPixelGeometry_Ring_KeepsTheHole()
    {
        bool[] region =
        [
            true, true, true,
            true, false, true,
            true, true, true,
        ];

        var polygon = Assert.IsType<Polygon>(RegionPolygonizer.ToPixelGeometry(region, 3, 3));

        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.Equal(8.0, polygon.Area, 12);
    }

    [Fact]
    public void ToMap_NorthUpTransform_MapsCornersAndWindsCounterClockwise()
    {
        bool[] region = [true, true, false, false];
        var transform = new GeoTransform(500000, 10, 0, 4000000, 0, -10);

        Geometry pixel = RegionPolygonizer.ToPixelGeometry(region, 2, 2);
        var polygon = Assert.IsType<Polygon>(RegionPolygonizer.ToMap(pixel, transform, toWgs84: null));

        Assert.Equal(new Envelope(500000, 500020, 3999990, 4000000), polygon.EnvelopeInternal);
        Assert.True(polygon.Shell.IsCCW);
        Assert.Equal(4326, polygon.SRID);
    }
}
