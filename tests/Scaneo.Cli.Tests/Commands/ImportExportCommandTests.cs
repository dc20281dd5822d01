using System.Text.Json;
using static Scaneo.Cli.Tests.CliRunner;

namespace Scaneo.Cli.Tests.Commands;

/// <summary>
/// The round trip users make: a SCANEO folder (what <c>scaneo label</c> writes, plus the images) is imported as a
/// campaign and exported to every format.
/// </summary>
public sealed class ImportExportCommandTests
{
    private static async Task<string> ScaneoFolderAsync()
    {
        string folder = Path.Combine(Path.GetTempPath(), "scaneo-io-tests", Guid.NewGuid().ToString("N"));
        var (code, _, stderr) = await Run("label", "--out", folder);
        Assert.True(code == 0, stderr);
        foreach (string tif in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "sample-campaign", "images"), "*.tif"))
        {
            File.Copy(tif, Path.Combine(folder, "images", Path.GetFileName(tif)));
        }

        return folder;
    }

    [Fact]
    public async Task ImportThenExport_LabelOutput_WritesEveryFormat()
    {
        string folder = await ScaneoFolderAsync();

        var import = await Run("import", folder);
        Assert.True(import.Code == 0, import.Err);
        Assert.True(File.Exists(Path.Combine(folder, "campaign.json")));

        foreach (string format in new[] { "scaneo", "coco", "geopackage", "stac" })
        {
            string output = Path.Combine(folder, "export-" + format);
            var (code, _, stderr) = await Run("export", folder, "--format", format, "--out", output);
            Assert.True(code == 0, $"{format}: {stderr}");
            Assert.NotEmpty(Directory.GetFiles(output, "*", SearchOption.AllDirectories));
        }

        string coco = Directory.GetFiles(Path.Combine(folder, "export-coco"), "*.json").Single();
        using var doc = JsonDocument.Parse(await File.ReadAllBytesAsync(coco));
        Assert.Equal(4, doc.RootElement.GetProperty("images").GetArrayLength());
        Assert.Equal(["water", "vegetation", "built-up"], doc.RootElement.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Export_UnknownFormat_IsAUsageError()
    {
        var (code, _, stderr) = await Run("export", Path.GetTempPath(), "--format", "shapefile", "--out", "x");

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BrokenFeature_NamesFileAndFeatureAndWritesNothing()
    {
        string folder = await ScaneoFolderAsync();
        string geojson = Path.Combine(folder, "images", "olinda_r1_c1.geojson");
        string text = await File.ReadAllTextAsync(geojson);
        await File.WriteAllTextAsync(geojson, text.Replace("\"task\": \"segmentation\"", "\"task\": \"keypoints\"", StringComparison.Ordinal));

        var (code, _, stderr) = await Run("import", folder);

        Assert.Equal(1, code);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("olinda_r1_c1.geojson", line, StringComparison.Ordinal);
        Assert.Contains("feature", line, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Path.Combine(folder, "campaign.json")));
    }
}
