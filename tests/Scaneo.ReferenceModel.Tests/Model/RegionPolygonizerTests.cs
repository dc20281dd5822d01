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

public class RegionPolygonizerPropertyTests
{
    private static readonly GeometryFactory Factory = new();

    [Fact]
    public void ToPixelGeometry_DiagonalPixels_AreTwoPolygonsTouchingAtACorner()
    {
        bool[] region =
        [
            true, false,
            false, true,
        ];

        var multi = Assert.IsType<MultiPolygon>(RegionPolygonizer.ToPixelGeometry(region, 2, 2));

        Assert.Equal(2, multi.NumGeometries);
        Assert.True(multi.IsValid);
    }

    [Fact]
    public void ToPixelGeometry_HoleTouchingShellAtCorner_IsValidPolygonWithHole()
    {
        // The hole (centre) touches the outside diagonally at the bottom-right pixel's corner.
        bool[] region =
        [
            true, true, true, false,
            true, false, true, false,
            true, true, false, false,
        ];

        Geometry g = RegionPolygonizer.ToPixelGeometry(region, 4, 3);

        Assert.True(g.IsValid, g.AsText());
        Assert.Equal(7.0, g.Area, 12);
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public FsCheck.Property ToPixelGeometry_RandomMasks_IsValidAndCoversExactlyTheRegionPixels() =>
        FsCheck.Fluent.Prop.ForAll(
            FsCheck.Fluent.Arb.From(FsCheck.Fluent.Gen.ArrayOf(FsCheck.Fluent.Gen.Elements(true, false, false), 48)),
            cells =>
            {
                const int Width = 8, Height = 6;
                Geometry traced = RegionPolygonizer.ToPixelGeometry(cells, Width, Height);
                Geometry oracle = UnionOfPixels(cells, Width, Height);
                return traced.IsValid
                    && Math.Abs(traced.Area - cells.Count(c => c)) < 1e-9
                    && (oracle.IsEmpty ? traced.IsEmpty : traced.SymmetricDifference(oracle).Area < 1e-9);
            });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public FsCheck.Property ToPixelGeometry_RandomMasks_HasNoStraightVertices() =>
        FsCheck.Fluent.Prop.ForAll(
            FsCheck.Fluent.Arb.From(FsCheck.Fluent.Gen.ArrayOf(FsCheck.Fluent.Gen.Elements(true, false), 36)),
            cells =>
            {
                Geometry traced = RegionPolygonizer.ToPixelGeometry(cells, 6, 6);
                for (int i = 0; i < traced.NumGeometries; i++)
                {
                    var polygon = (Polygon)traced.GetGeometryN(i);
                    foreach (LineString ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
                    {
                        Coordinate[] c = ring.Coordinates;
                        for (int k = 1; k < c.Length - 1; k++)
                        {
                            double cross = ((c[k].X - c[k - 1].X) * (c[k + 1].Y - c[k].Y)) - ((c[k].Y - c[k - 1].Y) * (c[k + 1].X - c[k].X));
                            if (cross == 0)
                            {
                                return false;
                            }
                        }
                    }
                }

                return true;
            });

    /// <summary>The oracle: the union of one unit square per region pixel.</summary>
    private static Geometry UnionOfPixels(bool[] cells, int width, int height)
    {
        var squares = new List<Geometry>();
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                if (cells[(y * width) + x])
                {
                    squares.Add(Factory.ToGeometry(new Envelope(x, x + 1, y, y + 1)));
                }
            }
        }

        return squares.Count == 0 ? Factory.CreatePolygon() : NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(squares);
    }
}
