using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Scaneo.Annotations.Exports;

namespace Scaneo.Annotations.Tests.Exports;

public class StacExporterTests
{
    [Fact]
    public async Task ExportAsync_ItemsCarryTheLabelExtensionFields()
    {
        string campaignDir = TestData.TempDir();
        string output = Path.Combine(campaignDir, "stac");
        var campaign = TestData.Campaign(TestData.Image("scenes/a.tif"), TestData.Image("b.tif"));
        var annotations = new[]
        {
            TestData.Predicted("p", "water", AnnotationKind.Detection, TestData.Box(10.01, 49.96, 10.03, 49.98), image: "scenes/a.tif"),
            TestData.Human("h", "urban", AnnotationKind.Classification, null, image: "scenes/a.tif"),
        };

        await new StacExporter(new StacExportOptions { ImageRoot = campaignDir }, new FakeTimeProvider(TestData.Now)).ExportAsync(campaign, annotations, output);

        using var item = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "scenes", "a.json")));
        var root = item.RootElement;
        Assert.Equal("1.0.0", root.GetProperty("stac_version").GetString());
        Assert.Equal(StacExporter.LabelExtensionSchema, root.GetProperty("stac_extensions")[0].GetString());
        Assert.Equal("Polygon", root.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal(4, root.GetProperty("bbox").GetArrayLength());
        var p = root.GetProperty("properties");
        Assert.Equal("vector", p.GetProperty("label:type").GetString());
        Assert.Equal(["label"], p.GetProperty("label:properties").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["water", "urban", "forest"], p.GetProperty("label:classes")[0].GetProperty("classes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("label", p.GetProperty("label:classes")[0].GetProperty("name").GetString());
        Assert.Equal(["classification", "detection"], p.GetProperty("label:tasks").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["automated", "manual"], p.GetProperty("label:methods").EnumerateArray().Select(e => e.GetString()));
        Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("label:description").GetString()));
        Assert.True(p.TryGetProperty("datetime", out _));
        var links = root.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("rel").GetString()!, l => l.GetProperty("href").GetString()!);
        Assert.Equal("../../scenes/a.tif", links["source"]);
        Assert.Equal("../collection.json", links["collection"]);
        var asset = root.GetProperty("assets").GetProperty("labels");
        Assert.Equal("./a.geojson", asset.GetProperty("href").GetString());
        Assert.Equal("application/geo+json", asset.GetProperty("type").GetString());
        Assert.True(File.Exists(Path.Combine(output, "scenes", "a.geojson")));

        using var collection = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, StacExporter.CollectionFileName)));
        var c = collection.RootElement;
        Assert.Equal("Collection", c.GetProperty("type").GetString());
        Assert.Equal("camp", c.GetProperty("id").GetString());
        Assert.Equal(["./scenes/a.json", "./b.json"], c.GetProperty("links").EnumerateArray().Where(l => l.GetProperty("rel").GetString() == "item").Select(l => l.GetProperty("href").GetString()));
        Assert.Equal(4, c.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].GetArrayLength());
    }
}
