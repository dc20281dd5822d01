using System.Text.Json;
using Scaneo.Geo;
using Scaneo.Rasters;
using static Scaneo.Cli.Tests.CliRunner;

namespace Scaneo.Cli.Tests.Commands;

public sealed class PolygonizeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("scaneo-polygonize-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteMask(byte[] pixels, int width, int height, double? noData = null)
    {
        string path = Path.Combine(_dir, "mask.tif");
        var raster = new RasterBuffer<byte>(pixels, width, height, 1, new GeoTransform(500000, 10, 0, 5000000, 0, -10), CrsReference.FromEpsg(32631), noData);
        RasterFile.WriteGeoTiff(raster, path);
        return path;
    }

    [Fact]
    public async Task Polygonize_SourceCrsToFile_OneFeaturePerRegionWithValue()
    {
        string mask = WriteMask([1, 1, 1, 0, 1, 2, 1, 0, 1, 1, 1, 0], 4, 3);
        string output = Path.Combine(_dir, "out.geojson");
        var (code, _, err) = await Run("polygonize", mask, "--crs", "source", "--ignore", "0", "--out", output);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        Assert.Equal("FeatureCollection", doc.RootElement.GetProperty("type").GetString());
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(2, features.Count);
        Assert.Equal(1, features[0].GetProperty("properties").GetProperty("value").GetInt32());
        Assert.Equal(2, features[1].GetProperty("properties").GetProperty("value").GetInt32());
        var polygon = (NetTopologySuite.Geometries.Polygon)GeoJsonGeometry.Parse(features[0].GetProperty("geometry").GetRawText());
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.Equal(800, polygon.Area, 6);
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public async Task Polygonize_DefaultWgs84ToStdout_LonLatCoordinates()
    {
        string mask = WriteMask([1, 2, 2, 2], 2, 2);
        var (code, stdout, err) = await Run("polygonize", mask);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(stdout);
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(2, features.Count);
        var g = GeoJsonGeometry.Parse(features[0].GetProperty("geometry").GetRawText());
        Assert.All(g.Coordinates, c => Assert.InRange(c.X, 2.9, 3.1));
        Assert.All(g.Coordinates, c => Assert.InRange(c.Y, 45.1, 45.2));
        Assert.True(NetTopologySuite.Algorithm.Orientation.IsCCW(((NetTopologySuite.Geometries.Polygon)g).Shell.CoordinateSequence));
    }

    [Fact]
    public async Task Polygonize_EightConnectivityAndSieve_MergesAndJoins()
    {
        string mask = WriteMask([1, 0, 0, 0, 1, 0, 0, 0, 1], 3, 3);
        string output = Path.Combine(_dir, "out.geojson");
        var (code, _, err) = await Run("polygonize", mask, "--crs", "source", "--connectivity", "8", "--ignore", "0", "--out", output);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        var feature = Assert.Single(doc.RootElement.GetProperty("features").EnumerateArray().ToList());
        Assert.Equal("MultiPolygon", feature.GetProperty("geometry").GetProperty("type").GetString());

        (code, _, err) = await Run("polygonize", mask, "--crs", "source", "--sieve", "2", "--out", output);
        Assert.True(code == 0, err);
        using var sieved = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        var only = Assert.Single(sieved.RootElement.GetProperty("features").EnumerateArray().ToList());
        Assert.Equal(0, only.GetProperty("properties").GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task Polygonize_Threads_SameFileAsSequential()
    {
        var random = new Random(3);
        var pixels = new byte[90 * 150];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)random.Next(3);
        }

        string mask = WriteMask(pixels, 90, 150);
        string sequential = Path.Combine(_dir, "one.geojson");
        string parallel = Path.Combine(_dir, "all.geojson");
        var (code, _, err) = await Run("polygonize", mask, "--out", sequential);
        Assert.True(code == 0, err);
        (code, _, err) = await Run("polygonize", mask, "--threads", "0", "--out", parallel);
        Assert.True(code == 0, err);
        Assert.Equal(await File.ReadAllBytesAsync(sequential), await File.ReadAllBytesAsync(parallel));
    }

    [Theory]
    [InlineData("--connectivity", "6")]
    [InlineData("--crs", "mars")]
    [InlineData("--ignore", "a,b")]
    [InlineData("--sieve", "-1")]
    [InlineData("--threads", "-2")]
    public async Task Polygonize_BadOption_UsageErrorExit2(string option, string value)
    {
        string mask = WriteMask([1], 1, 1);
        var (code, _, err) = await Run("polygonize", mask, option, value);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Polygonize_MissingFile_UsageError()
    {
        var (code, _, err) = await Run("polygonize", Path.Combine(_dir, "nope.tif"));
        Assert.Equal(2, code);
        Assert.Contains("does not exist", err, StringComparison.Ordinal);
    }
}
