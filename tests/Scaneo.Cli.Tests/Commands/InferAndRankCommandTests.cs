using System.Text.Json;
using Scaneo.ReferenceModel;
using static Scaneo.Cli.Tests.CliRunner;

namespace Scaneo.Cli.Tests.Commands;

public sealed class InferAndRankCommandTests : IAsyncLifetime
{
    private static readonly string Tile = Path.Combine(AppContext.BaseDirectory, "sample-campaign", "images", "olinda_r0_c1.tif");
    private static readonly string Campaign = Path.Combine(AppContext.BaseDirectory, "sample-campaign");
    private ReferenceModelHandle? _server;

    private Uri Server => _server!.BaseAddress;

    public async Task InitializeAsync() => _server = await ReferenceModelServer.StartAsync(new ReferenceModelOptions());

    public async Task DisposeAsync() => await _server!.DisposeAsync();

    [Fact]
    public async Task Infer_Segmentation_WritesOneMultiPolygonPerMappedLabel()
    {
        string output = Path.Combine(Path.GetTempPath(), "scaneo-infer-" + Guid.NewGuid().ToString("N") + ".geojson");

        var (code, _, stderr) = await Run("infer", Tile, "--model", new Uri(Server, "segmentation").ToString(), "--task", "segmentation",
            "--labels", "water=0,vegetation=1,built-up=", "--out", output);

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(await File.ReadAllBytesAsync(output));
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(["vegetation", "water"], features.Select(f => f.GetProperty("properties").GetProperty("label").GetString()).Order());
        Assert.All(features, f => Assert.Equal("MultiPolygon", f.GetProperty("geometry").GetProperty("type").GetString()));
        Assert.All(features, f => Assert.Equal("command-line", f.GetProperty("properties").GetProperty("model").GetString()));
    }

    [Fact]
    public async Task Infer_ScoresWithoutArgmax_FailsWithTheFixAndWritesNothing()
    {
        string output = Path.Combine(Path.GetTempPath(), "scaneo-infer-" + Guid.NewGuid().ToString("N") + ".geojson");

        var (code, _, stderr) = await Run("infer", Tile, "--model", new Uri(Server, "segmentation/scores").ToString(), "--task", "segmentation",
            "--labels", "water=0", "--out", output);

        Assert.Equal(1, code);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("Argmax", line, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Infer_UnreachableHost_ExitsOneNamingTheCause()
    {
        var (code, _, stderr) = await Run("infer", Tile, "--model", "http://127.0.0.1:9/x", "--task", "classification", "--labels", "water=0", "--timeout", "5");

        Assert.Equal(1, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:9", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--labels", "water")]
    [InlineData("--labels", "water=x")]
    [InlineData("--points", "1,2")]
    public async Task Infer_BadOptions_AreUsageErrors(string option, string value)
    {
        var (code, _, stderr) = await Run("infer", Tile, "--model", "http://127.0.0.1:9/x", "--task", "classification", option, value);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rank_Json_RanksEveryTileAndPicksTheBatch()
    {
        var (code, stdout, stderr) = await Run("rank", Campaign, "--model", new Uri(Server, "classification").ToString(), "--task", "classification",
            "--labels", "water=0,vegetation=1,built-up=2", "--strategy", "topk", "--top", "2", "--json");

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var images = doc.RootElement.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(4, images.Count);
        var scores = images.Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        var batch = doc.RootElement.GetProperty("batch").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(images.Take(2).Select(i => i.GetProperty("image").GetString()), batch);
    }

    [Fact]
    public async Task Rank_KCenter_PicksDistinctImages()
    {
        var (code, stdout, stderr) = await Run("rank", Campaign, "--model", new Uri(Server, "segmentation/scores").ToString(), "--task", "segmentation",
            "--post", "Argmax", "--labels", "water=0,vegetation=1,built-up=2", "--strategy", "kcenter", "--top", "3", "--json");

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var batch = doc.RootElement.GetProperty("batch").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(3, batch.Distinct().Count());
    }
}
