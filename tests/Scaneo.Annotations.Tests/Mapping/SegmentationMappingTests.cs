using Microsoft.Extensions.Time.Testing;
using NetTopologySuite.Geometries;
using Scaneo.Annotations.Building;
using Scaneo.Annotations.Mapping;
using Scaneo.Geo;
using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Annotations.Tests.Mapping;

public class SegmentationMappingTests
{
    private static SegmentationPrediction Mask(int width, int height, params byte[] values) =>
        new(new RasterBuffer<byte>(values, width, height));

    [Fact]
    public void MapSegmentation_LabelMappedToZero_GetsOnlyTheZeroPixels()
    {
        // Upstream's bug: a label mapped to class 0 got a polygon over the whole image.
        var mapper = new LabelMapper(TestData.Mapping(("water", 0), ("urban", 1)));
        var prediction = Mask(4, 3,
            1, 1, 1, 1,
            1, 0, 0, 1,
            1, 1, 1, 1);

        var segments = mapper.MapSegmentation(prediction);

        var water = segments.Single(s => s.Label == "water");
        Assert.Equal(2, water.PixelCount);
        Assert.Equal(2.0, water.Geometry.Area, 9);
        Assert.Equal(new Envelope(1, 3, 1, 2), water.Geometry.EnvelopeInternal);
        var urban = segments.Single(s => s.Label == "urban");
        Assert.Equal(10.0, urban.Geometry.Area, 9);
        Assert.Equal(1, ((Polygon)urban.Geometry.GetGeometryN(0)).NumInteriorRings);
    }

    [Fact]
    public void MapSegmentation_LabelWithoutPixels_GivesNoSegment()
    {
        var mapper = new LabelMapper(TestData.Mapping(("water", 0), ("urban", 7)));

        var segments = mapper.MapSegmentation(Mask(2, 2, 0, 0, 0, 0));

        Assert.Equal(["water"], segments.Select(s => s.Label));
    }

    [Fact]
    public void MapSegmentation_SeveralValuesFeedOneLabel_GivesOneMultiPolygon()
    {
        var mapper = new LabelMapper(new LabelMapping([new("urban", [1, 2]), new("water", [3])]));

        var segments = mapper.MapSegmentation(Mask(3, 1, 1, 2, 3));

        var urban = Assert.Single(segments, s => s.Label == "urban");
        Assert.Equal(1, urban.Geometry.NumGeometries); // adjacent classes 1 and 2 merge into one polygon
        Assert.Equal(2.0, urban.Geometry.Area, 9);
    }

    [Fact]
    public void MapSegmentation_ClassScores_GiveMeanProbability()
    {
        var mapper = new LabelMapper(TestData.Mapping(("water", 1)));
        var scores = new RasterBuffer<float>([0.2f, 0.4f, 0.8f, 0.6f], 2, 1, 2);
        var prediction = new SegmentationPrediction(new RasterBuffer<byte>([1, 1], 2, 1), scores, ScoreKind.Probabilities);

        var segment = Assert.Single(mapper.MapSegmentation(prediction));

        Assert.Equal(0.7, segment.Score!.Value, 6);
    }

    [Fact]
    public void FromSegmentation_PlacesTheMaskOnTheImageAndReprojects()
    {
        var model = new CampaignModel(TestData.Model(), TestData.Mapping(("water", 0), ("forest", 2)));

        // A 50 × 40 mask over the 100 × 80 image: each mask pixel covers 2 × 2 image pixels (0.002°).
        byte[] values = new byte[50 * 40];
        Array.Fill(values, (byte)1);
        values[0] = 0;
        var prediction = new SegmentationPrediction(new RasterBuffer<byte>(values, 50, 40));

        var annotations = new AnnotationBuilder(new FakeTimeProvider(TestData.Now)).FromSegmentation(TestData.Image(), model, prediction);

        var water = Assert.Single(annotations);
        Assert.Equal(("water", AnnotationKind.Segmentation), (water.Label, water.Kind));
        Assert.IsType<MultiPolygon>(water.Geometry);
        Assert.Equal(new Envelope(10, 10.002, 49.998, 50), water.Geometry!.EnvelopeInternal);
    }
}
