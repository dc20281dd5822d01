using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using NetTopologySuite.Geometries;
using Scaneo.Annotations.Exports;
using Scaneo.Geo;

namespace Scaneo.Annotations.Tests.Exports;

public class ScaneoExporterTests
{
    private static readonly ScaneoImporter Importer = new(new FakeTimeProvider(TestData.Now));

    [Fact]
    public async Task ImportAsync_UpstreamFolder_RebuildsLabelsAndAnnotations()
    {
        var result = await Importer.ImportAsync(UpstreamFolder.Create());

        Assert.Equal(["vegetation", "water"], result.Labels.Select(l => l.Name));
        Assert.Equal("#0000ff", result.Labels[1].Color);
        Assert.Equal(["empty.tiff", "scene.tif"], result.ImagePaths);
        Assert.Equal([AnnotationKind.Classification, AnnotationKind.Detection, AnnotationKind.Segmentation], result.Annotations.Select(a => a.Kind));
        Assert.Null(result.Annotations[0].Geometry);
        Assert.IsType<MultiPolygon>(result.Annotations[2].Geometry);
        Assert.Equal(1, ((Polygon)result.Annotations[2].Geometry!.GetGeometryN(0)).NumInteriorRings);
        Assert.All(result.Annotations, a => Assert.Equal("scene.tif", a.ImagePath));
        Assert.All(result.Annotations, a => Assert.True(a.Provenance.IsHuman));
    }

    [Fact]
    public async Task ExportThenImport_UpstreamFolder_RoundTripsLabelsTasksAndGeometries()
    {
        var original = await Importer.ImportAsync(UpstreamFolder.Create());
        var campaign = new Campaign("c", "c", original.Labels, original.ImagePaths.Select(p => new CampaignImage(p, 10, 10, 1)));
        string output = Path.Combine(TestData.TempDir(), "out");

        await new ScaneoExporter().ExportAsync(campaign, original.Annotations, output);
        var again = await Importer.ImportAsync(output);

        Assert.Equal(original.Labels, again.Labels);
        Assert.Equal(original.Annotations.Count, again.Annotations.Count);
        for (int i = 0; i < original.Annotations.Count; i++)
        {
            var (a, b) = (original.Annotations[i], again.Annotations[i]);
            Assert.Equal((a.Label, a.Kind, a.ImagePath), (b.Label, b.Kind, b.ImagePath));
            Assert.True(a.Geometry is null ? b.Geometry is null : a.Geometry.EqualsTopologically(b.Geometry), $"feature {i}");
        }

        Assert.True(File.Exists(Path.Combine(output, "empty.geojson")));
    }

    // Regression: the label job's uncertain areas (label "uncertain", not a campaign label) made the export throw.
    [Fact]
    public async Task ExportAsync_UncertaintyRegionWithProposalLabel_IsWrittenWithItsTask()
    {
        var area = TestData.Box(10.01, 49.96, 10.03, 49.98);
        var annotations = new[] { TestData.Predicted("u1", "uncertain", AnnotationKind.UncertaintyRegion, area, score: 0.8) };
        string output = Path.Combine(TestData.TempDir(), "out");

        await new ScaneoExporter().ExportAsync(TestData.Campaign(), annotations, output);

        using var doc = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "scene.geojson")));
        var props = doc.RootElement.GetProperty("features")[0].GetProperty("properties");
        Assert.Equal("uncertain", props.GetProperty("label").GetString());
        Assert.Equal("uncertainty-region", props.GetProperty("task").GetString());
    }

    [Fact]
    public async Task ExportAsync_WritesRfc7946FeaturesWithScaneoProperties()
    {
        var box = TestData.Box(10.01, 49.96, 10.03, 49.98);
        var annotations = new[]
        {
            TestData.Predicted("d1", "water", AnnotationKind.Detection, box, score: 0.75),
            TestData.Human("c1", "urban", AnnotationKind.Classification, null),
        };
        string output = Path.Combine(TestData.TempDir(), "out");

        await new ScaneoExporter().ExportAsync(TestData.Campaign(), annotations, output);

        using var doc = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "scene.geojson")));
        var features = doc.RootElement.GetProperty("features");
        var detection = features[0];
        Assert.Equal("Polygon", detection.GetProperty("geometry").GetProperty("type").GetString());
        var props = detection.GetProperty("properties");
        Assert.Equal("water", props.GetProperty("label").GetString());
        Assert.Equal("detection", props.GetProperty("task").GetString());
        Assert.Equal(0.75, props.GetProperty("score").GetDouble());
        Assert.Equal("unet", props.GetProperty("model").GetString());
        var bbox = props.GetProperty("bbox");
        Assert.Equal([49.96, 10.01], bbox[0].EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([49.98, 10.03], bbox[1].EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(JsonValueKind.Null, features[1].GetProperty("geometry").ValueKind);
        Assert.False(features[1].GetProperty("properties").TryGetProperty("model", out _));
        using var spai = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "spai.json")));
        Assert.Equal(["water", "urban", "forest"], spai.RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
        Assert.Equal("#0000ff", spai.RootElement.GetProperty("labels")[0].GetProperty("color").GetString());
    }

    [Fact]
    public async Task ExportAsync_EmptyPolygonOption_WritesUpstreamClassificationGeometry()
    {
        string output = Path.Combine(TestData.TempDir(), "out");

        await new ScaneoExporter(new ScaneoExportOptions { ClassificationGeometry = ScaneoClassificationGeometry.EmptyPolygon })
            .ExportAsync(TestData.Campaign(), [TestData.Human("c1", "urban", AnnotationKind.Classification, null)], output);

        using var doc = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "scene.geojson")));
        var geometry = doc.RootElement.GetProperty("features")[0].GetProperty("geometry");
        Assert.Equal("Polygon", geometry.GetProperty("type").GetString());
        Assert.Equal(0, geometry.GetProperty("coordinates").GetArrayLength());
    }

    [Fact]
    public async Task ExportAsync_ProvenanceAndTimes_RoundTrip()
    {
        var a = TestData.Predicted("d1", "water", AnnotationKind.Segmentation, TestData.Box(10, 49.9, 10.01, 49.91));
        string output = Path.Combine(TestData.TempDir(), "out");
        await new ScaneoExporter().ExportAsync(TestData.Campaign(), [a], output);

        var b = Assert.Single((await Importer.ImportAsync(output)).Annotations);

        Assert.Equal(a.Id, b.Id);
        Assert.Equal(a.Score, b.Score);
        Assert.Equal(a.CreatedAt, b.CreatedAt);
        Assert.Equal(("unet", "1.2"), (b.Provenance.ModelName, b.Provenance.ModelVersion));
        Assert.Equal(["S2RGB"], b.Provenance.ProcessingChain);
        Assert.Equal(a.Provenance.PredictedAt, b.Provenance.PredictedAt);
    }

    [Theory]
    [InlineData("""{"type": "FeatureCollection", "features": [""", null, "not valid JSON")]
    [InlineData("""{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null, "properties": {"label": "water", "task": "classification"}}, {"type": "Feature", "geometry": null, "properties": {"label": "water", "task": "keypoints"}}]}""", 1, "unknown task \"keypoints\"")]
    [InlineData("""{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [10, 50]}, "properties": {"label": "water", "task": "detection"}}]}""", 0, "needs a Polygon; found a Point")]
    [InlineData("""{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[10, 50], [11, 50]]}, "properties": {"label": "water", "task": "segmentation"}}]}""", 0, "found a LineString")]
    [InlineData("""{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null, "properties": {"label": "lava", "task": "classification"}}]}""", 0, "not in spai.json")]
    [InlineData("""{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [10, 50]}, "properties": {"label": "water", "task": "classification"}}]}""", 0, "carries no geometry")]
    public async Task ImportAsync_MalformedFeature_ThrowsNamingFileAndFeature(string geojson, int? featureIndex, string expected)
    {
        string dir = UpstreamFolder.Create();
        await File.WriteAllTextAsync(Path.Combine(dir, "broken.geojson"), geojson);

        var ex = await Assert.ThrowsAsync<AnnotationImportException>(() => Importer.ImportAsync(dir));

        Assert.EndsWith("broken.geojson", ex.FilePath, StringComparison.Ordinal);
        Assert.Equal(featureIndex, ex.FeatureIndex);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public async Task ImportAsync_MissingSpai_Throws()
    {
        string dir = UpstreamFolder.Create();
        File.Delete(Path.Combine(dir, "spai.json"));

        var ex = await Assert.ThrowsAsync<AnnotationImportException>(() => Importer.ImportAsync(dir));
        Assert.Contains("spai.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_Cancelled_LeavesNoOutputAndNoTemporaryFolder()
    {
        string parent = TestData.TempDir();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ScaneoExporter().ExportAsync(TestData.Campaign(), [], Path.Combine(parent, "out"), cts.Token));

        Assert.Empty(Directory.EnumerateFileSystemEntries(parent));
    }

    [Fact]
    public async Task ExportAsync_AnnotationOfUnknownImage_FailsBeforeWritingAnything()
    {
        string parent = TestData.TempDir();
        var stray = TestData.Human("x", "water", AnnotationKind.Classification, null, image: "elsewhere.tif");

        await Assert.ThrowsAsync<ScaneoValidationException>(() => new ScaneoExporter().ExportAsync(TestData.Campaign(), [stray], Path.Combine(parent, "out")));

        Assert.Empty(Directory.EnumerateFileSystemEntries(parent));
    }

    [Fact]
    public async Task CampaignAnnotationStore_SaveThenLoad_RoundTrips()
    {
        string dir = TestData.TempDir();
        var campaign = TestData.Campaign(TestData.Image("scenes/a.tif"), TestData.Image("b.tif"));
        var annotations = new[]
        {
            TestData.Predicted("p", "water", AnnotationKind.Detection, TestData.Box(10, 49.9, 10.01, 49.91), image: "scenes/a.tif"),
            TestData.Human("h", "urban", AnnotationKind.Classification, null, image: "b.tif"),
        };

        await CampaignAnnotationStore.SaveAsync(dir, campaign, annotations);
        var loaded = await CampaignAnnotationStore.LoadAsync(dir, campaign);

        Assert.True(File.Exists(Path.Combine(dir, "annotations", "scenes", "a.geojson")));
        Assert.Equal(["p", "h"], loaded.Select(a => a.Id));
        Assert.Equal(CampaignAnnotationStore.GetFilePath(dir, "b.tif"), Path.Combine(dir, "annotations", "b.geojson"));
        Assert.True(loaded[0].Geometry!.EqualsExact(annotations[0].Geometry!));
    }
}
