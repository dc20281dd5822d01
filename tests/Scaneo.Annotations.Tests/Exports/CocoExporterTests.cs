using System.Text.Json;
using Scaneo.Annotations.Exports;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Annotations.Tests.Exports;

public class CocoExporterTests
{
    [Fact]
    public void Write_DetectionBox_LandsOnItsPixels()
    {
        // Pixel box x 10..30, y 20..40 of the test image (0.001° pixels from 10°E, 50°N).
        var a = TestData.Predicted("d", "urban", AnnotationKind.Detection, TestData.Box(10.010, 49.960, 10.030, 49.980));

        using var doc = JsonDocument.Parse(new CocoExporter().Write(TestData.Campaign(), [a]));

        var ann = Assert.Single(doc.RootElement.GetProperty("annotations").EnumerateArray());
        Assert.Equal([10.0, 20.0, 20.0, 20.0], ann.GetProperty("bbox").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(400.0, ann.GetProperty("area").GetDouble());
        Assert.Equal(0, ann.GetProperty("iscrowd").GetInt32());
        Assert.Equal(2, ann.GetProperty("category_id").GetInt32());
        Assert.Equal(1, ann.GetProperty("image_id").GetInt32());
        var polygon = ann.GetProperty("segmentation")[0].EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(8, polygon.Length);
        Assert.All(polygon.Where((_, i) => i % 2 == 0), x => Assert.True(x is 10 or 30));
        var categories = doc.RootElement.GetProperty("categories").EnumerateArray().Select(c => (c.GetProperty("id").GetInt32(), c.GetProperty("name").GetString())).ToList();
        Assert.Equal([(1, "water"), (2, "urban"), (3, "forest")], categories);
        var image = Assert.Single(doc.RootElement.GetProperty("images").EnumerateArray());
        Assert.Equal(("scene.tif", 100, 80), (image.GetProperty("file_name").GetString(), image.GetProperty("width").GetInt32(), image.GetProperty("height").GetInt32()));
    }

    [Fact]
    public void Write_ProjectedImage_ReprojectsFromWgs84BeforeTheInverseGeoTransform()
    {
        var utm = CrsReference.FromEpsg(32633);
        var image = new CampaignImage("utm.tif", 100, 100, 1, RasterDataType.UInt8, utm, new GeoTransform(500000, 10, 0, 5000000, 0, -10));
        var toWgs84 = new AffineMapTransform(utm, CrsReference.Wgs84, 1e-5, 0, 0);
        var campaign = TestData.Campaign(image);

        // Pixels x 10..20, y 30..50: map x 500100..500200, y 4999500..4999700.
        var (x0, y0) = toWgs84.Transform(500100, 4999500);
        var (x1, y1) = toWgs84.Transform(500200, 4999700);
        var a = TestData.Predicted("d", "water", AnnotationKind.Detection, TestData.Box(x0, y0, x1, y1), image: "utm.tif");
        var exporter = new CocoExporter(new CocoExportOptions { TransformFromWgs84 = crs => toWgs84.Inverse() });

        using var doc = JsonDocument.Parse(exporter.Write(campaign, [a]));

        var bbox = doc.RootElement.GetProperty("annotations")[0].GetProperty("bbox").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal([10.0, 30.0, 10.0, 20.0], bbox);
    }

    [Fact]
    public void Write_UtmImageWithDefaultReprojection_BoxRoundTripsToItsPixels()
    {
        var utm = CrsReference.FromEpsg(32633);
        var image = new CampaignImage("utm.tif", 100, 100, 1, RasterDataType.UInt8, utm, new GeoTransform(500000, 10, 0, 5000000, 0, -10));
        var toWgs84 = Reprojection.ToWgs84(utm);
        var corners = new[] { (10, 30), (20, 30), (20, 50), (10, 50), (10, 30) }
            .Select(p => image.GeoTransform!.Value.PixelToMap(p.Item1, p.Item2))
            .Select(m => toWgs84.Transform(m.X, m.Y))
            .Select(w => new NetTopologySuite.Geometries.Coordinate(w.X, w.Y)).ToArray();
        var polygon = GeoJsonGeometry.Factory.CreatePolygon(corners);
        var a = TestData.Predicted("d", "water", AnnotationKind.Detection, polygon, image: "utm.tif");

        using var doc = JsonDocument.Parse(new CocoExporter().Write(TestData.Campaign(image), [a]));

        var bbox = doc.RootElement.GetProperty("annotations")[0].GetProperty("bbox").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(10.0, bbox[0], 2);
        Assert.Equal(30.0, bbox[1], 2);
        Assert.Equal(10.0, bbox[2], 2);
        Assert.Equal(20.0, bbox[3], 2);
    }

    [Fact]
    public void Write_PolygonWithHole_IsColumnMajorUncompressedRle()
    {
        // Image 4 × 3 pixels of 1°, top-left at (0, 0): pixel (col, row) covers lon col..col+1, lat -row-1..-row.
        var image = new CampaignImage("small.tif", 4, 3, 1, RasterDataType.UInt8, CrsReference.Wgs84, new GeoTransform(0, 1, 0, 0, 0, -1));
        var f = GeoJsonGeometry.Factory;
        var shell = f.CreateLinearRing([new(0, -3), new(3, -3), new(3, 0), new(0, 0), new(0, -3)]);
        var hole = f.CreateLinearRing([new(1, -2), new(1, -1), new(2, -1), new(2, -2), new(1, -2)]);
        var a = TestData.Human("s", "forest", AnnotationKind.Segmentation, f.CreatePolygon(shell, [hole]), image: "small.tif");

        using var doc = JsonDocument.Parse(new CocoExporter().Write(TestData.Campaign(image), [a]));

        var ann = doc.RootElement.GetProperty("annotations")[0];
        var seg = ann.GetProperty("segmentation");
        Assert.Equal([3, 4], seg.GetProperty("size").EnumerateArray().Select(e => e.GetInt32()));

        // Mask rows: 1110 / 1010 / 1110 → columns: 111, 101, 111, 000.
        Assert.Equal([0, 4, 1, 4, 3], seg.GetProperty("counts").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(8, ann.GetProperty("area").GetDouble());
        Assert.Equal([0.0, 0.0, 3.0, 3.0], ann.GetProperty("bbox").EnumerateArray().Select(e => e.GetDouble()));
    }

    [Fact]
    public void Write_ClassificationAnnotations_AreNotCocoObjects()
    {
        using var doc = JsonDocument.Parse(new CocoExporter().Write(TestData.Campaign(), [TestData.Human("c", "water", AnnotationKind.Classification, null)]));

        Assert.Equal(0, doc.RootElement.GetProperty("annotations").GetArrayLength());
    }
}
