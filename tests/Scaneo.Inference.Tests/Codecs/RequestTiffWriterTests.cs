using System.Diagnostics;
using Scaneo.Geo;
using Scaneo.Inference.Codecs;
using Scaneo.Rasters;

namespace Scaneo.Inference.Tests.Codecs;

public class RequestTiffWriterTests
{
    private static readonly GeoTransform Gt = new(288776.25, 28.5, 0, 9120760.75, 0, -28.5);

    private static Raster RoundTrip(Raster raster)
    {
        Assert.True(RequestTiffWriter.CanWrite(raster));
        var bytes = RequestTiffWriter.Write(raster);
        return RasterFile.Read(new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count), "request.tif");
    }

    [Fact]
    public void Write_UInt16Projected_ReadsBackIdentically()
    {
        var image = new RasterBuffer<ushort>(7, 5, 13, Gt, CrsReference.FromEpsg(31985), noData: 0);
        for (int i = 0; i < image.Data.Length; i++)
        {
            image.Data[i] = (ushort)(i * 31);
        }

        var back = Assert.IsType<RasterBuffer<ushort>>(RoundTrip(image));
        Assert.Equal(image.Data.ToArray(), back.Data.ToArray());
        Assert.Equal(Gt, back.GeoTransform);
        Assert.Equal(31985, back.Crs!.Epsg);
        Assert.Equal(0, back.NoData);
    }

    [Fact]
    public void Write_FloatGeographicRotatedAndSignedTypes_ReadBack()
    {
        var rotated = new GeoTransform(10, 0.01, 0.002, 50, 0.001, -0.01);
        var f = new RasterBuffer<float>([1.5f, -2f, float.NaN, 4f], 2, 2, 1, rotated, CrsReference.Wgs84, double.NaN);
        var back = Assert.IsType<RasterBuffer<float>>(RoundTrip(f));
        Assert.Equal(f.Data.ToArray(), back.Data.ToArray());
        Assert.Equal(rotated, back.GeoTransform);
        Assert.Equal(4326, back.Crs!.Epsg);
        var s = new RasterBuffer<short>([-5, 7], 2, 1, 1);
        Assert.Equal([-5, 7], Assert.IsType<RasterBuffer<short>>(RoundTrip(s)).Data.ToArray());
        var b = new RasterBuffer<byte>([1, 2, 3, 4, 5, 6], 1, 2, 3, Gt, CrsReference.FromEpsg(32631));
        Assert.Equal([1, 2, 3, 4, 5, 6], Assert.IsType<RasterBuffer<byte>>(RoundTrip(b)).Data.ToArray());
    }

    [Fact]
    public void Write_GdalOracle_AgreesWhenGdalIsInstalled()
    {
        string? gdalinfo = FindOnPath("gdalinfo");
        if (gdalinfo is null)
        {
            return; // Optional oracle: CI machines may lack GDAL.
        }

        var image = new RasterBuffer<ushort>(4, 3, 2, Gt, CrsReference.FromEpsg(31985));
        image[1, 2, 3] = 4242;
        string path = Path.Combine(Path.GetTempPath(), $"scaneo-request-{Guid.NewGuid():N}.tif");
        try
        {
            var bytes = RequestTiffWriter.Write(image);
            File.WriteAllBytes(path, bytes.AsSpan().ToArray());
            var psi = new ProcessStartInfo(gdalinfo, ["-stats", "-json", path]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(psi)!;
            string json = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("EPSG\\\",31985]", json, StringComparison.Ordinal);
            Assert.Contains("288776.25", json, StringComparison.Ordinal);
            Assert.Contains("\"maximum\":4242", json.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(".0", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".aux.xml");
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
