using System.Text.Json;
using NetTopologySuite.Geometries;
using Scaneo.Geo;
using SkiaSharp;
using static Scaneo.Cli.Tests.CliRunner;

namespace Scaneo.Cli.Tests.Commands;

public sealed class LabelCommandTests
{
    private static string SampleCampaign => Path.Combine(AppContext.BaseDirectory, "sample-campaign");

    private static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "scaneo-label-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public async Task Label_BundledSample_WritesGeoJsonRankingAndOverlaysForEveryTile()
    {
        string output = Path.Combine(TempDir(), "out");

        var (code, stdout, stderr) = await Run("label", "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Contains("4 images", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "spai.json")));
        string[] tiles = ["olinda_r0_c0", "olinda_r0_c1", "olinda_r1_c0", "olinda_r1_c1"];
        foreach (string tile in tiles)
        {
            using var geojson = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "images", tile + ".geojson")));
            var features = geojson.RootElement.GetProperty("features").EnumerateArray().ToList();
            var tasks = features.Select(f => f.GetProperty("properties").GetProperty("task").GetString()).ToHashSet();
            Assert.Contains("classification", tasks);
            Assert.Contains("segmentation", tasks);
            foreach (var feature in features.Where(f => f.GetProperty("geometry").ValueKind == JsonValueKind.Object))
            {
                var geometry = GeoJsonGeometry.Parse(feature.GetProperty("geometry").GetRawText());
                Assert.True(geometry.IsValid, $"{tile}: invalid {geometry.GeometryType}");
                Assert.InRange(geometry.EnvelopeInternal.MinX, -35.2, -34.7);
                Assert.InRange(geometry.EnvelopeInternal.MinY, -8.2, -7.8);
            }

            using var png = SKBitmap.Decode(Path.Combine(output, "overlays", tile + ".png"));
            Assert.NotNull(png);
            Assert.True(png.Width >= 800, $"overlay width {png.Width}");
        }

        using var ranking = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "ranking.json")));
        var images = ranking.RootElement.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(tiles.Select(t => "images/" + t + ".tif").Order(), images.Select(i => i.GetProperty("image").GetString()).Order());
        var scores = images.Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.All(images, i => Assert.InRange(i.GetProperty("uncertainAreaFraction").GetDouble(), 0, 1));
    }

    [Fact]
    public async Task Label_RunTwice_ProducesTheSameAnnotations()
    {
        string output = Path.Combine(TempDir(), "out");

        var first = await Run("label", "--out", output);
        string firstJson = await File.ReadAllTextAsync(Path.Combine(output, "images", "olinda_r1_c1.geojson"));
        var second = await Run("label", "--out", output);
        string secondJson = await File.ReadAllTextAsync(Path.Combine(output, "images", "olinda_r1_c1.geojson"));

        Assert.Equal((0, 0), (first.Code, second.Code));
        Assert.Equal(Ids(firstJson), Ids(secondJson));
        Assert.Empty(Directory.GetFiles(output, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Label_OneCorruptImage_ReportsItAndCompletesTheOthers()
    {
        string campaign = TempDir();
        Directory.CreateDirectory(Path.Combine(campaign, "images"));
        File.Copy(Path.Combine(SampleCampaign, "campaign.json"), Path.Combine(campaign, "campaign.json"));
        foreach (string tif in Directory.GetFiles(Path.Combine(SampleCampaign, "images"), "*.tif"))
        {
            File.Copy(tif, Path.Combine(campaign, "images", Path.GetFileName(tif)));
        }

        // Keep the header, lose the pixels: the reader must refuse it as truncated.
        string broken = Path.Combine(campaign, "images", "olinda_r0_c0.tif");
        byte[] bytes = await File.ReadAllBytesAsync(broken);
        await File.WriteAllBytesAsync(broken, bytes[..600]);
        string output = Path.Combine(campaign, "out");

        var (code, stdout, stderr) = await Run("label", campaign, "--out", output);

        Assert.Equal(1, code);
        Assert.Contains("olinda_r0_c0.tif", stderr, StringComparison.Ordinal);
        Assert.Contains("1 failed", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "overlays", "olinda_r1_c1.png")));
    }

    [Fact]
    public async Task Label_MissingFolder_ExitsOneWithOneErrorLine()
    {
        var (code, _, stderr) = await Run("label", Path.Combine(TempDir(), "nope"));

        Assert.Equal(1, code);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Label_TaskWithoutModel_IsAUsageError()
    {
        var (code, _, stderr) = await Run("label", "--task", "segmentation");

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }

    private static List<string> Ids(string geojson)
    {
        using var doc = JsonDocument.Parse(geojson);
        return [.. doc.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("label").GetString() + "|" + f.GetProperty("properties").GetProperty("task").GetString())
            .Order()];
    }
}
