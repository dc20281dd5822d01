using System.Text.Json;
using Scaneo.Geo;
using Scaneo.Rasters;
using static Scaneo.Cli.Tests.CliRunner;

namespace Scaneo.Cli.Tests.Commands;

public sealed class UncertaintyCommandTests : IDisposable
{
    private static readonly GeoTransform Utm = new(500000, 10, 0, 5000000, 0, -10);
    private readonly string _dir = Directory.CreateTempSubdirectory("scaneo-uncertainty-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Binary pixels p(fg) = [0.5, 0.9, 0.99, 0.5] of active-learning.md as a 2 × 2 two-band raster.
    private string WriteReferenceScores(float[]? background = null)
    {
        float[] fg = [0.5f, 0.9f, 0.99f, 0.5f];
        float[] bg = background ?? [.. fg.Select(v => 1 - v)];
        string path = Path.Combine(_dir, "scores.tif");
        RasterFile.WriteGeoTiff(new RasterBuffer<float>([.. bg, .. fg], 2, 2, 2, Utm, CrsReference.FromEpsg(32631)), path);
        return path;
    }

    [Theory]
    [InlineData("mean", 0.441845)]
    [InlineData("max", 0.693147)]
    [InlineData("sum", 1.767379)]
    [InlineData("topk:0.75", 0.570459)]
    public async Task Uncertainty_ReferencePixelsJson_PrintsMeasureAggregateScore(string aggregate, double expected)
    {
        var (code, stdout, err) = await Run("uncertainty", WriteReferenceScores(), "--aggregate", aggregate, "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("entropy", doc.RootElement.GetProperty("measure").GetString());
        Assert.Equal(aggregate, doc.RootElement.GetProperty("aggregate").GetString());
        Assert.Equal(expected, doc.RootElement.GetProperty("score").GetDouble(), 1e-5);
    }

    [Fact]
    public async Task Uncertainty_Map_WritesFloat32MapWithInputGeoreferencing()
    {
        string mapPath = Path.Combine(_dir, "map.tif");
        var (code, _, err) = await Run("uncertainty", WriteReferenceScores(), "--map", mapPath, "--measure", "margin");
        Assert.True(code == 0, err);
        var map = Assert.IsType<RasterBuffer<float>>(RasterFile.Read(mapPath));
        Assert.Equal(1, map.BandCount);
        Assert.Equal(Utm, map.GeoTransform);
        Assert.Equal(32631, map.Crs!.Epsg);
        Assert.Equal(1.0, map[0, 0, 0], 1e-6);
        Assert.Equal(0.2, map[0, 0, 1], 1e-6);
    }

    [Fact]
    public async Task Uncertainty_Regions_WritesGeoJsonOfPixelsAboveThreshold()
    {
        string regions = Path.Combine(_dir, "regions.geojson");
        var (code, _, err) = await Run("uncertainty", WriteReferenceScores(), "--regions", "0.6", "--crs", "source", "--out", regions);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(regions));
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();

        // Pixels (0,0) and (1,1) have entropy ln 2 > 0.6 and touch only at a corner: two 4-connected regions.
        Assert.Equal(2, features.Count);
        Assert.Equal(0.693147, features[0].GetProperty("properties").GetProperty("meanScore").GetDouble(), 1e-5);
        var g = GeoJsonGeometry.Parse(features[0].GetProperty("geometry").GetRawText());
        Assert.Equal(100, g.Area, 6);
    }

    [Fact]
    public async Task Uncertainty_RegionsWithSmooth_CutsTheWindowMeanIntoOneZone()
    {
        // On the 2 × 2 map a radius-1 window covers every pixel, so each smoothed value is the map's mean
        // (≥ ln 2 / 2 > 0.3): the two corner-touching uncertain pixels and their neighbours form one zone.
        string regions = Path.Combine(_dir, "smoothed.geojson");
        var (code, _, err) = await Run("uncertainty", WriteReferenceScores(), "--regions", "0.3", "--smooth", "1", "--crs", "source", "--out", regions);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(regions));
        var feature = Assert.Single(doc.RootElement.GetProperty("features").EnumerateArray());
        Assert.Equal(400, GeoJsonGeometry.Parse(feature.GetProperty("geometry").GetRawText()).Area, 6);
    }

    [Theory]
    [InlineData("--smooth", "2")]
    [InlineData("--smooth", "-1", "--regions", "0.5", "--out", "x.geojson")]
    public async Task Uncertainty_BadSmooth_ExitsTwo(params string[] options)
    {
        var (code, _, err) = await Run(["uncertainty", WriteReferenceScores(), .. options]);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err, StringComparison.Ordinal);
        Assert.Contains("--smooth", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uncertainty_Logits_AppliesSoftmax()
    {
        string path = Path.Combine(_dir, "logits.tif");
        RasterFile.WriteGeoTiff(new RasterBuffer<float>([2f, 1f, 0f], 1, 1, 3, Utm, CrsReference.FromEpsg(32631)), path);
        var (code, stdout, err) = await Run("uncertainty", path, "--logits", "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(0.832396, doc.RootElement.GetProperty("score").GetDouble(), 1e-5);
    }

    [Fact]
    public async Task Uncertainty_ProbabilitiesNotSummingToOne_ExitsOneWithOneErrorLine()
    {
        var (code, _, err) = await Run("uncertainty", WriteReferenceScores(background: [0.5f, 0.1f, 0.5f, 0.5f]));
        Assert.Equal(1, code);
        string[] lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("row 1, column 0", lines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--measure", "gini")]
    [InlineData("--aggregate", "median")]
    [InlineData("--regions", "0.5")]
    public async Task Uncertainty_BadUsage_ExitsTwo(string option, string value)
    {
        var (code, _, err) = await Run("uncertainty", WriteReferenceScores(), option, value);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err, StringComparison.Ordinal);
    }
}
