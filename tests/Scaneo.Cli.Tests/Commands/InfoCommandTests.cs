using System.Text.Json;
using static Scaneo.Cli.Tests.CliRunner;

namespace Scaneo.Cli.Tests.Commands;

public class InfoCommandTests
{
    private static string Data(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", file);

    [Fact]
    public async Task Info_JsonOnLandsat_PrintsGdalGeoreferencingAndBounds()
    {
        var (code, output, error) = await Run("info", Data("L7_ETMs.tif"), "--json");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(349, root.GetProperty("width").GetInt32());
        Assert.Equal(352, root.GetProperty("height").GetInt32());
        Assert.Equal(6, root.GetProperty("bands").GetInt32());
        Assert.Equal("uint8", root.GetProperty("dataType").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("noData").ValueKind);
        Assert.Equal(31985, root.GetProperty("crs").GetProperty("epsg").GetInt32());
        Assert.Contains("SIRGAS 2000 / UTM zone 25S", root.GetProperty("crs").GetProperty("wkt").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            [288776.25000080315, 28.49999999927454, 0, 9120760.750028737, 0, -28.49999999927454],
            root.GetProperty("geoTransform").EnumerateArray().Select(e => e.GetDouble()));
        var bounds = root.GetProperty("boundsWgs84").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(-34.91658896148451, bounds[0], 7);
        Assert.Equal(-7.949822106851124, bounds[3], 7);
        Assert.False(root.TryGetProperty("bandStats", out _));
    }

    [Fact]
    public async Task Info_JsonStats_ComputesOverValidPixels()
    {
        var (code, output, _) = await Run("info", Data("strips_deflate_pred3_f32_nodata.tif"), "--json", "--stats");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(-9999.5, root.GetProperty("noData").GetDouble());
        var stats = root.GetProperty("bandStats").EnumerateArray().ToArray();
        Assert.Equal(2, stats.Length);

        // value(b, r, c) = (b·1009 + r·71 + c·13)·0.5 − 1000.25 over 37 × 29 pixels (TestData/make_samples.py).
        Assert.Equal(-1000.25, stats[0].GetProperty("min").GetDouble());
        Assert.Equal((((28 * 71) + (36 * 13)) * 0.5) - 1000.25, stats[0].GetProperty("max").GetDouble());
        Assert.Equal((((14 * 71) + (18 * 13)) * 0.5) - 1000.25, stats[0].GetProperty("mean").GetDouble(), 6);
        Assert.Equal((1009 * 0.5) - 1000.25, stats[1].GetProperty("min").GetDouble());
    }

    [Fact]
    public async Task Info_UserDefinedCrs_JsonHasWktAndNoEpsg()
    {
        var (code, output, _) = await Run("info", Data("userdefined_tm_u8.tif"), "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var crs = json.RootElement.GetProperty("crs");
        Assert.Equal(JsonValueKind.Null, crs.GetProperty("epsg").ValueKind);
        Assert.Contains("Transverse_Mercator", crs.GetProperty("wkt").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("boundsWgs84").ValueKind);
    }

    [Fact]
    public async Task Info_Default_PrintsHumanSummary()
    {
        var (code, output, _) = await Run("info", Data("L7_ETMs.tif"), "--stats");

        Assert.Equal(0, code);
        Assert.Contains("349 × 352 pixels, 6 bands, uint8", output, StringComparison.Ordinal);
        Assert.Contains("EPSG:31985", output, StringComparison.Ordinal);
        Assert.Contains("Band 6:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_NotARaster_ExitsOneWithOneErrorLine()
    {
        string path = Path.Combine(Path.GetTempPath(), $"scaneo-info-{Guid.NewGuid():N}.tif");
        await File.WriteAllTextAsync(path, "definitely not a tiff");
        try
        {
            var (code, output, error) = await Run("info", path);

            Assert.Equal(1, code);
            Assert.Equal(string.Empty, output);
            string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
            Assert.Contains("not a GeoTIFF, PNG or JPEG", lines[0], StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Info_MissingFile_ExitsOne()
    {
        var (code, _, error) = await Run("info", "/nonexistent/raster.tif");

        Assert.Equal(1, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }
}
