using System.Diagnostics;
using System.Text.Json;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Abstractions.Tests.Rasters;

/// <summary>GDAL reads what we write: same size, transform, CRS, nodata and pixel checksums.</summary>
public class GdalOracleTests
{
    public static TheoryData<RasterDataType, int, bool, bool, int> Cases() => new()
    {
        { RasterDataType.UInt8, 3, false, false, 32631 },
        { RasterDataType.UInt8, 1, true, false, 4326 },
        { RasterDataType.Int16, 13, false, true, 31985 },
        { RasterDataType.UInt16, 2, true, true, 25832 },
        { RasterDataType.Int32, 1, false, false, 3857 },
        { RasterDataType.Float32, 2, false, false, 26915 },
        { RasterDataType.Float64, 1, true, false, 32723 },
        { RasterDataType.Int8, 1, false, false, 32631 },
        { RasterDataType.UInt32, 1, false, false, 32631 },
    };

    [GdalFact]
    public void Gdalinfo_ReadsOurFiles_WithSameTransformCrsNodataAndChecksums() =>
        AssertGdalReadsWhatWeWrite(separate => new GeoTiffWriteOptions { BandInterleaved = separate, TileSize = 128 });

    [GdalFact]
    public void Gdalinfo_ReadsUncompressedWholeBandStrips_WithSameTransformCrsNodataAndChecksums() =>
        AssertGdalReadsWhatWeWrite(_ => new GeoTiffWriteOptions { Compression = GeoTiffCompression.None, Tiled = false, BandInterleaved = true, RowsPerStrip = int.MaxValue });

    private static void AssertGdalReadsWhatWeWrite(Func<bool, GeoTiffWriteOptions> options)
    {
        foreach (var row in Cases())
        {
            var (type, bands, rotated, separate, epsg) = ((RasterDataType)row[0], (int)row[1], (bool)row[2], (bool)row[3], (int)row[4]);
            var gt = rotated ? new GeoTransform(500000, 8, 6, 4000000, 6, -8) : new GeoTransform(500000.5, 10, 0, 4000000.25, 0, -10);
            double noData = type.IsFloatingPoint() ? -9999.5 : 7;
            var raster = GeoTiffWriteTests.CreateRaster(type, 300, 270, bands, gt, CrsReference.FromEpsg(epsg), noData, epsg + bands);
            string path = Path.Combine(Path.GetTempPath(), $"scaneo-gdal-{Guid.NewGuid():N}.tif");
            try
            {
                RasterFile.WriteGeoTiff(raster, path, options(separate));
                using var json = JsonDocument.Parse(Run("gdalinfo", $"-json -checksum \"{path}\""));
                var root = json.RootElement;
                Assert.Equal([300, 270], root.GetProperty("size").EnumerateArray().Select(e => e.GetInt32()));
                var gdalGt = root.GetProperty("geoTransform").EnumerateArray().Select(e => e.GetDouble()).ToArray();
                Assert.Equal(gt.ToGdal(), gdalGt);
                string wkt = root.GetProperty("coordinateSystem").GetProperty("wkt").GetString()!;
                Assert.EndsWith($"ID[\"EPSG\",{epsg}]]", wkt, StringComparison.Ordinal);
                var gdalBands = root.GetProperty("bands").EnumerateArray().ToArray();
                Assert.Equal(bands, gdalBands.Length);
                for (int b = 0; b < bands; b++)
                {
                    Assert.Equal(noData, gdalBands[b].GetProperty("noDataValue").GetDouble());
                    if (!type.IsFloatingPoint())
                    {
                        Assert.Equal(GdalChecksums.Compute(raster, b), gdalBands[b].GetProperty("checksum").GetInt32());
                    }
                }
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    private static string Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        Assert.DoesNotContain("Warning", error, StringComparison.Ordinal);
        Assert.DoesNotContain("ERROR", error, StringComparison.Ordinal);
        return output;
    }
}
