using Microsoft.Extensions.Time.Testing;
using NetTopologySuite.Geometries;
using Scaneo.Annotations.Building;
using Scaneo.Geo;
using Scaneo.Predictions;

namespace Scaneo.Annotations.Tests.Building;

public class AnnotationBuilderTests
{
    private static readonly CampaignModel Detector = new(
        TestData.Model("yolo", ModelTask.Detection, ["forest", "urban", "water"]),
        TestData.Mapping(("water", 2), ("urban", 1), ("forest", null)));

    [Fact]
    public void FromClassification_CarriesProvenanceFromInjectedClock()
    {
        var clock = new FakeTimeProvider(TestData.Now);
        var model = new CampaignModel(TestData.Model("resnet", ModelTask.Classification, count: 3), TestData.Mapping(("water", 2), ("urban", 1)));

        var a = new AnnotationBuilder(clock).FromClassification(TestData.Image(), model, new ClassificationPrediction([0.1, 0.3, 0.6], ScoreKind.Probabilities));

        Assert.Equal("water", a.Label);
        Assert.Equal(AnnotationKind.Classification, a.Kind);
        Assert.Null(a.Geometry);
        Assert.Equal(0.6, a.Score);
        Assert.Equal("resnet", a.Provenance.ModelName);
        Assert.Equal("1.2", a.Provenance.ModelVersion);
        Assert.Equal(["S2RGB", "Argmax"], a.Provenance.ProcessingChain);
        Assert.Equal(TestData.Now, a.Provenance.PredictedAt);
        Assert.Equal(TestData.Now, a.CreatedAt);
    }

    [Fact]
    public void FromDetection_BoxLandsOnGeoTransformedCorners()
    {
        var prediction = new DetectionPrediction(100, 80, [new DetectedBox(new PixelBox(10, 20, 30, 40), 0.9, outputIndex: 2)]);

        var a = Assert.Single(new AnnotationBuilder(new FakeTimeProvider(TestData.Now)).FromDetection(TestData.Image(), Detector, prediction));

        var env = a.Geometry!.EnvelopeInternal;
        Assert.Equal(10.010, env.MinX, 9);
        Assert.Equal(10.030, env.MaxX, 9);
        Assert.Equal(49.960, env.MinY, 9);
        Assert.Equal(49.980, env.MaxY, 9);
        Assert.True(((Polygon)a.Geometry).Shell.IsCCW);
        Assert.Equal("water", a.Label);
        Assert.Equal(0.9, a.Score);
    }

    [Fact]
    public void FromDetection_ResizedReply_ScalesBoxesToTheImageGrid()
    {
        // The server resized the 100 × 80 image to 50 × 40: box coordinates are halved.
        var prediction = new DetectionPrediction(50, 40, [new DetectedBox(new PixelBox(5, 10, 15, 20), 0.9, outputIndex: 1)]);

        var a = Assert.Single(new AnnotationBuilder().FromDetection(TestData.Image(), Detector, prediction));

        Assert.Equal(10.010, a.Geometry!.EnvelopeInternal.MinX, 9);
        Assert.Equal(49.960, a.Geometry.EnvelopeInternal.MinY, 9);
    }

    [Fact]
    public void FromDetection_ProjectedImage_UsesTheGivenTransformToWgs84()
    {
        var utm = CrsReference.FromEpsg(32633);
        var image = new CampaignImage("utm.tif", 100, 100, 1, Rasters.RasterDataType.UInt8, utm, new GeoTransform(500000, 10, 0, 5000000, 0, -10));
        var toWgs84 = new AffineMapTransform(utm, CrsReference.Wgs84, 1e-5, 0, 0);
        var prediction = new DetectionPrediction(100, 100, [new DetectedBox(new PixelBox(0, 0, 10, 10), 0.9, outputIndex: 2)]);

        var a = Assert.Single(new AnnotationBuilder().FromDetection(image, Detector, prediction, toWgs84));

        Assert.Equal(5.0, a.Geometry!.EnvelopeInternal.MinX, 9);
        Assert.Equal(5.001, a.Geometry.EnvelopeInternal.MaxX, 9);
        Assert.Equal(49.999, a.Geometry.EnvelopeInternal.MinY, 9);
    }

    [Fact]
    public void FromDetection_ProjectedImageWithoutTransform_ReprojectsWithReprojection()
    {
        var utm = CrsReference.FromEpsg(32633);
        var image = new CampaignImage("utm.tif", 100, 100, 1, Rasters.RasterDataType.UInt8, utm, new GeoTransform(500000, 10, 0, 5000000, 0, -10));
        var prediction = new DetectionPrediction(100, 100, [new DetectedBox(new PixelBox(0, 0, 10, 10), 0.9, outputIndex: 2)]);

        var a = Assert.Single(new AnnotationBuilder().FromDetection(image, Detector, prediction));

        var (lon, lat) = Reprojection.ToWgs84(utm).Transform(500000, 5000000);
        Assert.Contains(a.Geometry!.Coordinates, c => Math.Abs(c.X - lon) < 1e-12 && Math.Abs(c.Y - lat) < 1e-12);
        Assert.Equal(15.0, lon, 6); // central meridian of UTM zone 33
    }

    [Fact]
    public void FromDetection_ImageWithoutCrs_Throws()
    {
        var image = new CampaignImage("nocrs.tif", 100, 100, 1, Rasters.RasterDataType.UInt8, null, new GeoTransform(0, 1, 0, 0, 0, -1));
        var prediction = new DetectionPrediction(100, 100, [new DetectedBox(new PixelBox(0, 0, 10, 10), 0.9, outputIndex: 2)]);

        var ex = Assert.Throws<ScaneoValidationException>(() => new AnnotationBuilder().FromDetection(image, Detector, prediction));
        Assert.Contains("Crs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDetection_SameInputTwice_GivesSameIds()
    {
        var prediction = new DetectionPrediction(100, 80, [new DetectedBox(new PixelBox(0, 0, 5, 5), 0.9, outputIndex: 2), new DetectedBox(new PixelBox(5, 5, 9, 9), 0.8, outputIndex: 2)]);

        var first = new AnnotationBuilder(new FakeTimeProvider(TestData.Now)).FromDetection(TestData.Image(), Detector, prediction);
        var second = new AnnotationBuilder(new FakeTimeProvider(TestData.Now.AddHours(1))).FromDetection(TestData.Image(), Detector, prediction);

        Assert.Equal(first.Select(a => a.Id), second.Select(a => a.Id));
        Assert.Equal(2, first.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public void FromDetection_ImageWithoutGeoTransform_Throws()
    {
        var image = new CampaignImage("raw.tif", 10, 10, 1);
        var prediction = new DetectionPrediction(10, 10, [new DetectedBox(new PixelBox(0, 0, 5, 5), 0.9, outputIndex: 2)]);

        var ex = Assert.Throws<ScaneoValidationException>(() => new AnnotationBuilder().FromDetection(image, Detector, prediction));
        Assert.Contains("GeoTransform", ex.Message, StringComparison.Ordinal);
    }
}
