using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scaneo.Geo;
using Scaneo.Manifest;
using Scaneo.Rasters;

namespace Scaneo.Abstractions.Tests.Manifest;

public sealed class CampaignManifestTests : IDisposable
{
    private const string Sample = """
        {
          "schemaVersion": 1,
          "id": "recife-2001",
          "name": "Recife land cover",
          "description": "Landsat 7 ETM+ over Recife",
          "labels": [
            { "name": "water", "color": "#1f77b4" },
            { "name": "urban", "color": "#d62728" },
            { "name": "forest", "color": "#2ca02c" },
            { "name": "crops", "color": "#bcbd22" }
          ],
          "images": [
            {
              "path": "L7_ETMs.tif",
              "width": 349, "height": 352, "bands": 6, "dataType": "uint8",
              "crs": { "epsg": 31985 },
              "geoTransform": [288776.25, 28.5, 0, 9120760.75, 0, -28.5],
              "boundsWgs84": [-34.93, -8.07, -34.84, -7.98]
            }
          ],
          "models": [
            {
              "name": "reference-segmentation",
              "description": "In-process reference model",
              "version": "1",
              "endpoint": "http://reference.scaneo.invalid/segmentation/scores",
              "task": "segmentation",
              "inputFormat": "geotiff",
              "preprocessing": [],
              "postprocessing": ["Argmax"],
              "outputCount": 5,
              "outputNames": ["background", "urban", "water", "crops-a", "crops-b"],
              "labelMapping": { "water": 2, "urban": 1, "forest": null, "crops": [3, 4] }
            }
          ]
        }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "scaneo-manifest-" + Guid.NewGuid().ToString("N"));

    public CampaignManifestTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Property(MaxTest = 150, EndSize = 30)]
    public Property ToJsonThenParse_ValidCampaign_RoundTrips() =>
        Prop.ForAll(CampaignGenerators.CampaignArb, campaign =>
        {
            string json = CampaignManifest.ToJson(campaign);
            var parsed = CampaignManifest.Parse(json, "generated.json");
            AssertSameCampaign(campaign, parsed);
            Assert.Equal(json, CampaignManifest.ToJson(parsed));
        });

    [Property(MaxTest = 100)]
    public Property Parse_InvalidColor_FailsAtColorPath() =>
        Prop.ForAll(
            CampaignGenerators.CampaignArb.Filter(c => c.Labels.Count > 0),
            Arb.From(InvalidColor),
            Arb.From(Gen.Choose(0, 1000)),
            (campaign, color, pick) =>
            {
                int i = pick % campaign.Labels.Count;
                var node = JsonNode.Parse(CampaignManifest.ToJson(campaign))!;
                node["labels"]![i]!["color"] = color;
                var ex = Assert.Throws<CampaignManifestException>(() => CampaignManifest.Parse(node.ToJsonString(), "c.json"));
                Assert.Equal($"$.labels[{i}].color", ex.JsonPath);
                Assert.Contains("#rrggbb", ex.Message, StringComparison.Ordinal);
                Assert.StartsWith($"c.json: $.labels[{i}].color: ", ex.Message, StringComparison.Ordinal);

                var direct = Assert.Throws<ScaneoValidationException>(() => new Label("x", color));
                Assert.Equal("Label(x).Color", direct.Field);
            });

    [Property(MaxTest = 100)]
    public Property Campaign_DuplicateLabelNameInAnyCase_FailsNamingTheIndex() =>
        Prop.ForAll(
            CampaignGenerators.CampaignArb.Filter(c => c.Labels.Count > 0),
            Arb.From(Gen.Choose(0, 1000)),
            Arb.From(Gen.Elements(0, 1, 2)),
            (campaign, pick, casing) =>
            {
                string name = campaign.Labels[pick % campaign.Labels.Count].Name;
                string duplicate = casing switch { 0 => name, 1 => name.ToUpperInvariant(), _ => name.ToLowerInvariant() };
                var labels = campaign.Labels.Append(new Label(duplicate, "#000000")).ToArray();
                var ex = Assert.Throws<ScaneoValidationException>(() => new Campaign(campaign.Id, campaign.Name, labels, campaign.Images, campaign.Models));
                Assert.Equal($"Campaign.Labels[{labels.Length - 1}].Name", ex.Field);

                var node = JsonNode.Parse(CampaignManifest.ToJson(campaign))!;
                node["labels"]!.AsArray().Add(new JsonObject { ["name"] = duplicate, ["color"] = "#000000" });
                var manifestEx = Assert.Throws<CampaignManifestException>(() => CampaignManifest.Parse(node.ToJsonString()));
                Assert.Equal($"$.labels[{labels.Length - 1}].name", manifestEx.JsonPath);
                Assert.Contains("unique", manifestEx.Detail, StringComparison.Ordinal);
            });

    [Property(MaxTest = 100)]
    public Property Parse_NonHttpEndpoint_FailsAtEndpointPath() =>
        Prop.ForAll(
            CampaignGenerators.CampaignArb.Filter(c => c.Models.Count > 0),
            Arb.From(Gen.Elements("ftp://models.example.org/x", "file:///srv/model", "ws://localhost:8000/", "gopher://old.example/", "mailto:ops@example.org", "s3://bucket/key", "/relative/path", "not a url")),
            Arb.From(Gen.Choose(0, 1000)),
            (campaign, endpoint, pick) =>
            {
                int i = pick % campaign.Models.Count;
                var node = JsonNode.Parse(CampaignManifest.ToJson(campaign))!;
                node["models"]![i]!["endpoint"] = endpoint;
                var ex = Assert.Throws<CampaignManifestException>(() => CampaignManifest.Parse(node.ToJsonString()));
                Assert.Equal($"$.models[{i}].endpoint", ex.JsonPath);
                Assert.Contains("http", ex.Detail, StringComparison.Ordinal);
            });

    [Fact]
    public void Parse_DocumentedSample_ReadsEveryField()
    {
        var c = CampaignManifest.Parse(Sample);
        Assert.Equal("recife-2001", c.Id);
        Assert.Equal(["water", "urban", "forest", "crops"], c.Labels.Select(l => l.Name));
        var image = Assert.Single(c.Images);
        Assert.Equal(new GeoTransform(288776.25, 28.5, 0, 9120760.75, 0, -28.5), image.GeoTransform);
        Assert.Equal(31985, image.Crs!.Epsg);
        Assert.Equal(RasterDataType.UInt8, image.DataType);
        Assert.Equal(new GeoBounds(-34.93, -8.07, -34.84, -7.98), image.BoundsWgs84);
        var model = Assert.Single(c.Models);
        Assert.Equal(ModelTask.Segmentation, model.Model.Task);
        Assert.True(CampaignManifest.IsReferenceModelEndpoint(model.Model.Endpoint));
        Assert.Equal([2], model.Mapping.GetOutputs("water"));
        Assert.Equal([1], model.Mapping.GetOutputs("urban"));
        Assert.False(model.Mapping.IsMapped("forest"));
        Assert.Equal([3, 4], model.Mapping.GetOutputs("crops"));
        Assert.Equal(["water", "urban", "forest", "crops"], model.Mapping.Labels);
    }

    [Fact]
    public void ToJson_DocumentedSample_WritesDocumentedShape()
    {
        string json = CampaignManifest.ToJson(CampaignManifest.Parse(Sample));
        using var doc = JsonDocument.Parse(json);
        var mapping = doc.RootElement.GetProperty("models")[0].GetProperty("labelMapping");
        Assert.Equal(JsonValueKind.Number, mapping.GetProperty("water").ValueKind);
        Assert.Equal(JsonValueKind.Null, mapping.GetProperty("forest").ValueKind);
        Assert.Equal(JsonValueKind.Array, mapping.GetProperty("crops").ValueKind);
        Assert.Equal(1, doc.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("uint8", doc.RootElement.GetProperty("images")[0].GetProperty("dataType").GetString());
        Assert.Equal("geotiff", doc.RootElement.GetProperty("models")[0].GetProperty("inputFormat").GetString());
        Assert.Contains("\n  \"labels\": [", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownTask_RoundTrips()
    {
        string json = Sample.Replace("\"task\": \"segmentation\"", "\"task\": \"Change-Detection\"", StringComparison.Ordinal);
        var c = CampaignManifest.Parse(json);
        Assert.Equal("change-detection", c.Models[0].Model.Task.Value);
        Assert.False(c.Models[0].Model.Task.IsKnown);
        Assert.Contains("\"task\": \"change-detection\"", CampaignManifest.ToJson(c), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MinimalManifest_UsesDefaults()
    {
        var c = CampaignManifest.Parse("""{ "schemaVersion": 1, "id": "x", "name": "X", "labels": [] }""");
        Assert.Empty(c.Images);
        Assert.Empty(c.Models);
        Assert.Equal(string.Empty, c.Description);
        var m = CampaignManifest.Parse("""
            { "schemaVersion": 1, "id": "x", "name": "X", "labels": [],
              "models": [{ "name": "m", "endpoint": "https://h/p", "task": "detection" }],
              "images": [{ "path": "a.png", "width": 2, "height": 3, "bands": 4 }] }
            """);
        Assert.Equal(ImageFormat.GeoTiff, m.Models[0].Model.InputFormat);
        Assert.Empty(m.Models[0].Mapping.Labels);
        Assert.Equal(RasterDataType.UInt8, m.Images[0].DataType);
        Assert.Null(m.Images[0].GeoTransform);
    }

    [Fact]
    public void Parse_CommentsAndTrailingCommasAndBom_AreAccepted()
    {
        var c = CampaignManifest.Parse("\uFEFF{ // hand-edited\n \"schemaVersion\": 1, \"id\": \"x\", \"name\": \"X\", \"labels\": [ { \"name\": \"a\", \"color\": \"#000000\" }, ], }");
        Assert.Single(c.Labels);
    }

    [Theory]
    [InlineData("\"color\": \"#d62728\"", "\"color\": \"red\"", "$.labels[1].color", "#rrggbb")]
    [InlineData("{ \"name\": \"forest\"", "{ \"name\": \"WATER\"", "$.labels[2].name", "unique")]
    [InlineData("{ \"name\": \"forest\", \"color\": \"#2ca02c\" }", "{ \"color\": \"#2ca02c\" }", "$.labels[2].name", "required")]
    [InlineData("{ \"name\": \"forest\"", "{ \"name\": \" \"", "$.labels[2].name", "non-empty")]
    [InlineData("{ \"name\": \"forest\", \"color\"", "{ \"name\": \"forest\", \"colour\"", "$.labels[2].colour", "unknown property \"colour\"")]
    [InlineData("\"width\": 349", "\"width\": \"wide\"", "$.images[0].width", "expected an integer")]
    [InlineData("\"width\": 349", "\"width\": 0", "$.images[0].width", "must be positive")]
    [InlineData("\"bands\": 6", "\"bands\": -6", "$.images[0].bands", "must be positive")]
    [InlineData("\"path\": \"L7_ETMs.tif\"", "\"path\": \"../L7_ETMs.tif\"", "$.images[0].path", "inside the campaign folder")]
    [InlineData("\"dataType\": \"uint8\"", "\"dataType\": \"uint128\"", "$.images[0].dataType", "uint8, int8")]
    [InlineData("{ \"epsg\": 31985 }", "{ \"epsg\": -1 }", "$.images[0].crs.epsg", "positive EPSG")]
    [InlineData("{ \"epsg\": 31985 }", "{ }", "$.images[0].crs", "epsg code, a wkt")]
    [InlineData("[288776.25, 28.5, 0, 9120760.75, 0, -28.5]", "[288776.25, 28.5, 0, 9120760.75, 0]", "$.images[0].geoTransform", "exactly 6")]
    [InlineData("[288776.25, 28.5, 0, 9120760.75, 0, -28.5]", "[288776.25, 28.5, 0, 9120760.75, 0, 0]", "$.images[0].geoTransform", "invertible")]
    [InlineData("[288776.25, 28.5, 0, 9120760.75, 0, -28.5]", "[288776.25, 28.5, 0, 9120760.75, 0, \"NaN\"]", "$.images[0].geoTransform[5]", "expected a number")]
    [InlineData("[288776.25, 28.5, 0, 9120760.75, 0, -28.5]", "[288776.25, 28.5, 0, 9120760.75, 0, 1e999]", "$.images[0].geoTransform[5]", "")]
    [InlineData("[-34.93, -8.07, -34.84, -7.98]", "[-34.93, -8.07, -34.84, 97.98]", "$.images[0].boundsWgs84", "lat in [-90, 90]")]
    [InlineData("[-34.93, -8.07, -34.84, -7.98]", "[-34.93, -8.07]", "$.images[0].boundsWgs84", "exactly 4")]
    [InlineData("\"http://reference.scaneo.invalid/segmentation/scores\"", "\"ftp://reference.scaneo.invalid/x\"", "$.models[0].endpoint", "http")]
    [InlineData("\"http://reference.scaneo.invalid/segmentation/scores\"", "\"models/seg\"", "$.models[0].endpoint", "absolute")]
    [InlineData("\"task\": \"segmentation\"", "\"task\": \"\"", "$.models[0].task", "non-empty task")]
    [InlineData("\"task\": \"segmentation\"", "\"task\": 3", "$.models[0].task", "expected a string")]
    [InlineData("\"inputFormat\": \"geotiff\"", "\"inputFormat\": \"bmp\"", "$.models[0].inputFormat", "geotiff, png or jpeg")]
    [InlineData("\"postprocessing\": [\"Argmax\"]", "\"postprocessing\": [\"Argmax\", \"\"]", "$.models[0].postprocessing[1]", "non-empty step")]
    [InlineData("\"outputCount\": 5", "\"outputCount\": 4", "$.models[0].outputNames", "OutputCount = 4")]
    [InlineData("\"outputCount\": 5", "\"outputCount\": 0", "$.models[0].outputCount", "positive")]
    [InlineData("\"crops\": [3, 4]", "\"crops\": [3, -4]", "$.models[0].labelMapping.crops", "non-negative")]
    [InlineData("\"crops\": [3, 4]", "\"crops\": [3, 2]", "$.models[0].labelMapping.crops", "already mapped to label \"water\"")]
    [InlineData("\"crops\": [3, 4]", "\"crops\": \"three\"", "$.models[0].labelMapping.crops", "output index")]
    [InlineData("\"crops\": [3, 4]", "\"crops\": [3.5]", "$.models[0].labelMapping.crops", "32-bit integer")]
    [InlineData("\"forest\": null", "\"grassland\": null", "$.models[0].labelMapping.grassland", "not a label of the campaign")]
    [InlineData("\"schemaVersion\": 1", "\"schemaVersion\": 2", "$.schemaVersion", "1 to 1")]
    [InlineData("\"schemaVersion\": 1,", "", "$.schemaVersion", "required")]
    [InlineData("\"id\": \"recife-2001\"", "\"id\": \"\"", "$.id", "non-empty")]
    [InlineData("\"name\": \"Recife land cover\"", "\"name\": null", "$.name", "required")]
    public void Parse_BrokenManifest_FailsWithPathAndReason(string find, string replace, string expectedPath, string expectedDetail)
    {
        Assert.Contains(find, Sample, StringComparison.Ordinal);
        string json = Sample.Replace(find, replace, StringComparison.Ordinal);
        var ex = Assert.Throws<CampaignManifestException>(() => CampaignManifest.Parse(json, "campaign.json"));
        Assert.Equal(expectedPath, ex.JsonPath);
        Assert.Contains(expectedDetail, ex.Detail, StringComparison.Ordinal);
        Assert.Equal($"campaign.json: {expectedPath}: {ex.Detail}", ex.Message);
        Assert.DoesNotContain("Scaneo.Manifest", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Dto", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ScaneoException>(ex);
    }

    [Theory]
    [InlineData("", "$")]
    [InlineData("null", "$")]
    [InlineData("[]", "$")]
    [InlineData("{ \"schemaVersion\": 1, \"id\": \"x\", \"name\": \"X\", \"labels\": [ { \"name\": \"a\" ", "$.labels[0]")]
    [InlineData("{ \"schemaVersion\": 1, \"id\": \"x\" \"name\": \"X\" }", "$")]
    [InlineData("{ \"schemaVersion\": 1, \"id\": \"x\", \"name\": \"X\" }", "$.labels")]
    [InlineData("{ \"schemaVersion\": 1, \"id\": \"x\", \"name\": \"X\", \"labels\": [null] }", "$.labels[0]")]
    [InlineData("{ \"schemaVersion\": 1, \"id\": \"x\", \"name\": \"X\", \"labels\": [], \"images\": [null] }", "$.images[0]")]
    [InlineData("{ \"schemaVersion\": 1, \"id\": \"x\", \"name\": \"X\", \"labels\": [], \"models\": [null] }", "$.models[0]")]
    public void Parse_MalformedJson_FailsWithPath(string json, string expectedPath)
    {
        var ex = Assert.Throws<CampaignManifestException>(() => CampaignManifest.Parse(json, "broken.json"));
        Assert.Equal(expectedPath, ex.JsonPath);
        Assert.StartsWith("broken.json: " + expectedPath + ": ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SyntaxError_ReportsLine()
    {
        var ex = Assert.Throws<CampaignManifestException>(() => CampaignManifest.Parse("{\n \"schemaVersion\": 1,\n \"id\": x\n}"));
        Assert.Contains("line 3", ex.Detail, StringComparison.Ordinal);
        Assert.Equal("$.id", ex.JsonPath);
    }

    [Fact]
    public void SaveThenLoad_File_RoundTripsAndLeavesNoTemporaryFile()
    {
        var campaign = CampaignManifest.Parse(Sample);
        string file = Path.Combine(_folder, CampaignManifest.FileName);
        File.WriteAllText(file, "old content");
        CampaignManifest.Save(campaign, file);
        AssertSameCampaign(campaign, CampaignManifest.Load(file));
        AssertSameCampaign(campaign, CampaignManifest.Load(_folder));
        Assert.Equal([file], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task SaveAsyncThenLoadAsync_Folder_UsesCampaignJson()
    {
        var campaign = CampaignManifest.Parse(Sample);
        await CampaignManifest.SaveAsync(campaign, _folder);
        Assert.True(File.Exists(Path.Combine(_folder, "campaign.json")));
        AssertSameCampaign(campaign, await CampaignManifest.LoadAsync(_folder));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task SaveAsync_Cancelled_LeavesExistingManifestUnchanged()
    {
        string file = Path.Combine(_folder, "campaign.json");
        await File.WriteAllTextAsync(file, "previous");
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CampaignManifest.SaveAsync(CampaignManifest.Parse(Sample), file, cts.Token));
        Assert.Equal("previous", await File.ReadAllTextAsync(file));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void Load_MissingFile_FailsNamingFileWithoutPath()
    {
        string file = Path.Combine(_folder, "missing", "campaign.json");
        var ex = Assert.Throws<CampaignManifestException>(() => CampaignManifest.Load(file));
        Assert.Equal(file, ex.SourceName);
        Assert.Null(ex.JsonPath);
        Assert.StartsWith(file + ": cannot read the manifest", ex.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(ex.InnerException);
    }

    [Fact]
    public void Load_BrokenFile_NamesTheFile()
    {
        string file = Path.Combine(_folder, "campaign.json");
        File.WriteAllText(file, Sample.Replace("#d62728", "#d6272", StringComparison.Ordinal));
        var ex = Assert.Throws<CampaignManifestException>(() => CampaignManifest.Load(file));
        Assert.Equal(file, ex.SourceName);
        Assert.StartsWith(file + ": $.labels[1].color: \"#d6272\" is not a colour", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_MissingFolder_FailsWithManifestException()
    {
        string file = Path.Combine(_folder, "missing", "campaign.json");
        var ex = Assert.Throws<CampaignManifestException>(() => CampaignManifest.Save(CampaignManifest.Parse(Sample), file));
        Assert.Null(ex.JsonPath);
        Assert.Contains("cannot write", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://reference.scaneo.invalid/segmentation/scores", true)]
    [InlineData("https://REFERENCE.scaneo.invalid:8443/x", true)]
    [InlineData("http://localhost:5000/segmentation/scores", false)]
    [InlineData("http://reference.scaneo.invalid.example.org/", false)]
    public void IsReferenceModelEndpoint_Host_Decides(string endpoint, bool expected)
    {
        Assert.Equal(expected, CampaignManifest.IsReferenceModelEndpoint(new Uri(endpoint)));
    }

    [Fact]
    public void PublicEntryPoints_NullArguments_ThrowArgumentExceptions()
    {
        Assert.Throws<ArgumentNullException>(() => CampaignManifest.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => CampaignManifest.ToJson(null!));
        Assert.ThrowsAny<ArgumentException>(() => CampaignManifest.Load(" "));
        Assert.Throws<ArgumentNullException>(() => CampaignManifest.Save(null!, "x.json"));
        Assert.Throws<ArgumentNullException>(() => CampaignManifest.IsReferenceModelEndpoint(null!));
    }

    private static Gen<string> InvalidColor { get; } = Gen.OneOf(
        Gen.Elements("", "red", "#fff", "#12345", "#1234567", "112233", "#gg0000", "# 11223", "#112233\n", " #112233", "rgb(1,2,3)"),
        from rgb in Gen.Choose(0, 0xFFFFF)
        select "#" + rgb.ToString("x5", System.Globalization.CultureInfo.InvariantCulture),
        from rgb in Gen.Choose(0, 0xFFFFFF)
        from c in Gen.Elements('g', 'z', 'G', '-', ' ', 'é')
        from at in Gen.Choose(1, 6)
        let hex = "#" + rgb.ToString("x6", System.Globalization.CultureInfo.InvariantCulture)
        select hex[..at] + c + hex[(at + 1)..]);

    private static void AssertSameCampaign(Campaign expected, Campaign actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Labels, actual.Labels);
        Assert.Equal(expected.Images.Count, actual.Images.Count);
        for (int i = 0; i < expected.Images.Count; i++)
        {
            var e = expected.Images[i];
            var a = actual.Images[i];
            Assert.Equal(e.Path, a.Path);
            Assert.Equal((e.Width, e.Height, e.BandCount, e.DataType), (a.Width, a.Height, a.BandCount, a.DataType));
            Assert.Equal(e.Crs, a.Crs);
            Assert.Equal(e.Crs?.Wkt, a.Crs?.Wkt);
            Assert.Equal(e.GeoTransform, a.GeoTransform);
            Assert.Equal(e.BoundsWgs84, a.BoundsWgs84);
        }

        Assert.Equal(expected.Models.Count, actual.Models.Count);
        for (int i = 0; i < expected.Models.Count; i++)
        {
            var e = expected.Models[i].Model;
            var a = actual.Models[i].Model;
            Assert.Equal(e.Name, a.Name);
            Assert.Equal(e.Description, a.Description);
            Assert.Equal(e.Version, a.Version);
            Assert.Equal(e.Endpoint.OriginalString, a.Endpoint.OriginalString);
            Assert.Equal(e.Endpoint, a.Endpoint);
            Assert.Equal(e.Task, a.Task);
            Assert.Equal(e.InputFormat, a.InputFormat);
            Assert.Equal(e.Preprocessing, a.Preprocessing);
            Assert.Equal(e.Postprocessing, a.Postprocessing);
            Assert.Equal(e.OutputCount, a.OutputCount);
            Assert.Equal(e.OutputNames, a.OutputNames);
            var em = expected.Models[i].Mapping;
            var am = actual.Models[i].Mapping;
            Assert.Equal(em.Labels, am.Labels);
            foreach (string label in em.Labels)
            {
                Assert.Equal(em.GetOutputs(label), am.GetOutputs(label));
            }
        }
    }
}
