using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using Scaneo.Annotations.Polygonize;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Annotations.Tests.Polygonize;

/// <summary>Compares with GDAL itself (gdal.Polygonize and gdal.SieveFilter) on random masks, when GDAL is installed.</summary>
public sealed class GdalOracleTests
{
    private const string Script = """
        import sys, numpy as np
        from osgeo import gdal, ogr
        gdal.UseExceptions()
        path, w, h, conn, sieve = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
        a = np.fromfile(path, dtype=np.uint8).reshape(h, w)
        ds = gdal.GetDriverByName("MEM").Create("", w, h, 1, gdal.GDT_Byte)
        ds.SetGeoTransform((1000, 10, 0, 2000, 0, -10))
        band = ds.GetRasterBand(1)
        band.WriteArray(a)
        band.SetNoDataValue(255)
        if sieve > 0:
            gdal.SieveFilter(band, band.GetMaskBand(), band, sieve, int(conn))
            print("S " + " ".join(str(v) for v in band.ReadAsArray().ravel()))
        else:
            mem = ogr.GetDriverByName("Memory").CreateDataSource("m")
            lyr = mem.CreateLayer("p", None, ogr.wkbPolygon)
            lyr.CreateField(ogr.FieldDefn("value", ogr.OFTInteger))
            gdal.Polygonize(band, band.GetMaskBand(), lyr, 0, ["8CONNECTED=8"] if conn == "8" else [])
            for f in lyr:
                g = f.GetGeometryRef()
                pts = sum(g.GetGeometryRef(i).GetPointCount() for i in range(g.GetGeometryCount()))
                print("P %d %.3f %d %d" % (f.GetField(0), g.GetArea(), g.GetGeometryCount() - 1, pts))
        """;

    private static byte[] RandomMask(int seed, int w, int h)
    {
        var random = new Random(seed);
        var data = new byte[w * h];
        for (int i = 0; i < data.Length; i++)
        {
            int k = random.Next(10);
            data[i] = k == 0 ? (byte)255 : (byte)(k % 3);
        }

        return data;
    }

    private static string[] RunGdal(byte[] data, int w, int h, int connectivity, int sieve)
    {
        string path = Path.Combine(Path.GetTempPath(), "scaneo-oracle-" + Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllBytes(path, data);
        try
        {
            var info = new ProcessStartInfo(GdalFactAttribute.Interpreter!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string arg in new[] { "-c", Script, path, w.ToString(CultureInfo.InvariantCulture), h.ToString(CultureInfo.InvariantCulture), connectivity.ToString(CultureInfo.InvariantCulture), sieve.ToString(CultureInfo.InvariantCulture) })
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info)!;
            string output = process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, error);
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [GdalFact]
    public void Polygonize_RandomMasksFourConnected_SameRegionsAreasHolesAndVertexCountsAsGdal()
    {
        for (int seed = 1; seed <= 6; seed++)
        {
            int w = 17 + seed;
            int h = 23 - seed;
            byte[] data = RandomMask(seed, w, h);
            var gdal = RunGdal(data, w, h, 4, 0)
                .Select(l => l.Split(' '))
                .Select(p => (Value: int.Parse(p[1], CultureInfo.InvariantCulture), Area: double.Parse(p[2], CultureInfo.InvariantCulture), Holes: int.Parse(p[3], CultureInfo.InvariantCulture), Points: int.Parse(p[4], CultureInfo.InvariantCulture)))
                .OrderBy(x => x.Value).ThenBy(x => x.Area).ThenBy(x => x.Holes).ThenBy(x => x.Points)
                .ToList();
            var mask = new RasterBuffer<byte>(data, w, h, 1, new GeoTransform(1000, 10, 0, 2000, 0, -10), null, 255);
            var ours = MaskPolygonizer.Polygonize(mask)
                .Select(r => (Value: r.Value, Area: Math.Round(r.Geometry.Area, 3), Holes: ((Polygon)r.Geometry).NumInteriorRings, Points: r.Geometry.NumPoints))
                .OrderBy(x => x.Value).ThenBy(x => x.Area).ThenBy(x => x.Holes).ThenBy(x => x.Points)
                .ToList();
            Assert.True(gdal.Count > 10, "GDAL returned polygons");
            Assert.Equal(gdal, ours);
        }
    }

    [GdalFact]
    public void Polygonize_RandomMasksEightConnected_SameRegionCountAndAreasAsGdal()
    {
        for (int seed = 1; seed <= 4; seed++)
        {
            int w = 20;
            int h = 15;
            byte[] data = RandomMask(100 + seed, w, h);
            var gdal = RunGdal(data, w, h, 8, 0)
                .Select(l => l.Split(' '))
                .Select(p => (Value: int.Parse(p[1], CultureInfo.InvariantCulture), Area: double.Parse(p[2], CultureInfo.InvariantCulture)))
                .Order()
                .ToList();
            var mask = new RasterBuffer<byte>(data, w, h, 1, new GeoTransform(1000, 10, 0, 2000, 0, -10), null, 255);
            var ours = MaskPolygonizer.Polygonize(mask, new PolygonizeOptions { Connectivity = Connectivity.Eight })
                .Select(r => (Value: r.Value, Area: Math.Round(r.Geometry.Area, 3)))
                .Order()
                .ToList();
            Assert.Equal(gdal, ours);
        }
    }

    [GdalFact]
    public void Sieve_RandomMasks_SamePixelsAsGdalSieveFilter()
    {
        foreach (var (seed, threshold, connectivity) in new[] { (1, 3, Connectivity.Four), (2, 5, Connectivity.Four), (3, 4, Connectivity.Eight), (4, 8, Connectivity.Eight) })
        {
            int w = 30;
            int h = 25;
            byte[] data = RandomMask(200 + seed, w, h);
            string line = Assert.Single(RunGdal(data, w, h, (int)connectivity, threshold));
            byte[] expected = line[2..].Split(' ').Select(v => byte.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            byte[] ours = (byte[])data.Clone();
            MaskSieve.Apply(ours, w, h, default, new ValueFilter(255, null), connectivity, threshold, CancellationToken.None);
            Assert.Equal(expected, ours);
        }
    }
}
