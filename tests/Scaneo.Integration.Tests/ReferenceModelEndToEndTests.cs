using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Scaneo.Geo;
using Scaneo.Inference;
using Scaneo.Inference.Batch;
using Scaneo.Predictions;
using Scaneo.Rasters;
using Scaneo.ReferenceModel;

namespace Scaneo.Integration.Tests;

/// <summary>Every task of the reference model through the typed clients, over real loopback sockets.</summary>
public class ReferenceModelEndToEndTests(ReferenceServerFixture fixture) : IClassFixture<ReferenceServerFixture>
{
    // The sample's corners in WGS 84 (gdalinfo): lon −34.9166…−34.8259, lat −8.0410…−7.9497.
    private static readonly Envelope SampleWgs84 = new(-34.9170, -34.8255, -8.0415, -7.9490);

    private T Client<T>()
        where T : notnull => fixture.Services.GetRequiredService<T>();

    [Fact]
    public async Task ClassifyAsync_Sample_ReturnsProbabilitiesWithPlausibleWaterShare()
    {
        var model = InferenceHost.Model("reference-classification", fixture.Server.ClassificationUri, ModelTask.Classification);

        ClassificationPrediction prediction = await Client<IClassificationClient>().ClassifyAsync(InferenceHost.Sample(), model);

        Assert.Equal(3, prediction.Scores.Count);
        Assert.Equal(1.0, prediction.Scores.Sum(), 5);
        Assert.InRange(prediction.Scores[ReferenceClasses.Water], 0.15, 0.6);
    }

    [Fact]
    public async Task DetectAsync_Sample_ReturnsPixelBoxesWithClassScoresOceanFirst()
    {
        Raster image = InferenceHost.Sample();
        var model = InferenceHost.Model("reference-detection", fixture.Server.DetectionUri, ModelTask.Detection);

        DetectionPrediction prediction = await Client<IDetectionClient>().DetectAsync(image, model);

        Assert.NotEmpty(prediction.Boxes);
        foreach (DetectedBox box in prediction.Boxes)
        {
            Assert.InRange(box.Box.MinX, 0, image.Width);
            Assert.InRange(box.Box.MaxX, box.Box.MinX, image.Width);
            Assert.InRange(box.Box.MaxY, box.Box.MinY, image.Height);
            Assert.Equal(3, box.ClassScores?.Count);
        }

        DetectedBox ocean = prediction.Boxes.MaxBy(b => b.Box.Area)!;
        Assert.Equal(ReferenceClasses.Water, ocean.ClassScores!.Select((s, i) => (s, i)).MaxBy(t => t.s).i);
        Assert.Equal(image.Width, ocean.Box.MaxX);
    }

    [Fact]
    public async Task SegmentAsync_Sample_MaskAlignedWithPlausibleClassFractions()
    {
        Raster image = InferenceHost.Sample();
        var model = InferenceHost.Model("reference-segmentation", fixture.Server.SegmentationUri, ModelTask.Segmentation);

        SegmentationPrediction prediction = await Client<ISegmentationClient>().SegmentAsync(image, model);

        Raster mask = prediction.ClassMask;
        Assert.Equal((image.Width, image.Height, 1), (mask.Width, mask.Height, mask.BandCount));
        Assert.Equal(image.GeoTransform, mask.GeoTransform);
        Assert.Equal(image.Crs, mask.Crs);
        double[] fractions = ClassFractions(mask);

        // Bounds, not a recorded output: the ocean is a sizeable part of the scene, so is vegetation.
        Assert.InRange(fractions[ReferenceClasses.Water], 0.15, 0.6);
        Assert.InRange(fractions[ReferenceClasses.Vegetation], 0.1, 0.5);
        Assert.InRange(fractions[ReferenceClasses.BuiltUp], 0.2, 0.75);
    }

    [Fact]
    public async Task SegmentAsync_ScoresWithArgmax_KeepsScoresAndAgreesWithMaskEndpoint()
    {
        Raster image = InferenceHost.Sample();
        var maskModel = InferenceHost.Model("reference-mask", fixture.Server.SegmentationUri, ModelTask.Segmentation);
        var scoresModel = InferenceHost.Model("reference-scores", fixture.Server.SegmentationScoresUri, ModelTask.Segmentation, postprocessing: ["Argmax"]);

        SegmentationPrediction fromMask = await Client<ISegmentationClient>().SegmentAsync(image, maskModel);
        SegmentationPrediction fromScores = await Client<ISegmentationClient>().SegmentAsync(image, scoresModel);

        Assert.NotNull(fromScores.ClassScores);
        Assert.Equal(3, fromScores.ClassScores.BandCount);
        int differing = 0;
        for (int row = 0; row < image.Height; row++)
        {
            for (int col = 0; col < image.Width; col++)
            {
                differing += fromMask.ClassMask.GetValue(0, row, col) == fromScores.ClassMask.GetValue(0, row, col) ? 0 : 1;
            }
        }

        Assert.Equal(0, differing);
    }

    [Fact]
    public async Task SegmentAsync_SamClickInOcean_ReturnsPolygonInWgs84ContainingTheClick()
    {
        Raster image = InferenceHost.Sample();
        var model = InferenceHost.Model("reference-sam", fixture.Server.SamUri, ModelTask.Sam, preprocessing: ["BandSelect(bands=[4,3,2])"]);
        var prompt = new SamPrompt([(330.5, 200.5)], "water");

        SamPrediction prediction = await Client<ISamClient>().SegmentAsync(image, prompt, model);

        Geometry geometry = prediction.Geometry;
        Assert.True(geometry is Polygon or MultiPolygon, geometry.GeometryType);
        Assert.True(geometry.IsValid);
        Assert.True(SampleWgs84.Contains(geometry.EnvelopeInternal), $"{geometry.EnvelopeInternal} outside {SampleWgs84}");
        var (x, y) = image.GeoTransform!.Value.PixelToMap(330.5, 200.5);
        var (lon, lat) = Reprojection.ToWgs84(image.Crs!).Transform(x, y);
        Assert.True(geometry.Contains(geometry.Factory.CreatePoint(new Coordinate(lon, lat))));
    }

    [Fact]
    public async Task RunAsync_BatchWithOneUnusableImage_AccountsForEveryImage()
    {
        var runner = Client<InferenceBatchRunner>();
        var model = InferenceHost.Model("reference-segmentation", fixture.Server.SegmentationUri, ModelTask.Segmentation);
        var rgbOnly = new RasterBuffer<byte>(16, 16, 3, new GeoTransform(500000, 10, 0, 4000000, 0, -10), CrsReference.FromEpsg(32631));
        var items = Enumerable.Range(0, 7).Select(i => new BatchItem("small-" + i, InferenceHost.Small())).Append(new BatchItem("rgb", rgbOnly)).ToList();

        var outcomes = new List<BatchOutcome>();
        await foreach (BatchOutcome outcome in runner.RunAsync(items, model, new BatchOptions { MaxConcurrency = 4 }))
        {
            outcomes.Add(outcome);
        }

        Assert.Equal(items.Count, outcomes.Count);
        Assert.Equal(items.Select(i => i.Id).Order(), outcomes.Select(o => o.Item.Id).Order());
        BatchOutcome failed = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Equal("rgb", failed.Item.Id);
        var endpointError = Assert.IsType<ModelEndpointException>(failed.Error);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, endpointError.StatusCode);
        Assert.Contains("bands", endpointError.BodyExcerpt, StringComparison.Ordinal);
        Assert.All(outcomes.Where(o => o.Succeeded), o => Assert.Equal(32, o.Prediction!.Segmentation!.ClassMask.Width));
    }

    private static double[] ClassFractions(Raster mask)
    {
        var counts = new double[ReferenceClasses.Count];
        for (int row = 0; row < mask.Height; row++)
        {
            for (int col = 0; col < mask.Width; col++)
            {
                int value = (int)mask.GetValue(0, row, col);
                if (value < counts.Length)
                {
                    counts[value]++;
                }
            }
        }

        return counts.Select(c => c / mask.PixelCount).ToArray();
    }
}
