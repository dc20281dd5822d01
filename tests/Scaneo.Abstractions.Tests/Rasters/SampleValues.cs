using Scaneo.Rasters;

namespace Scaneo.Abstractions.Tests.Rasters;

/// <summary>The values TestData/make_samples.py writes: value(b, r, c) of each pixel type, 37 × 29 pixels.</summary>
internal static class SampleValues
{
    public const int Width = 37;
    public const int Height = 29;

    public static string Path(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", file);

    public static double Expected(RasterDataType type, int b, int r, int c)
    {
        long v = (b * 1009L) + (r * 71L) + (c * 13L);
        return type switch
        {
            RasterDataType.UInt8 => v % 256,
            RasterDataType.Int8 => (v % 256) - 128,
            RasterDataType.UInt16 => v % 65536,
            RasterDataType.Int16 => (v % 65536) - 32768,
            RasterDataType.UInt32 => (uint)(v * 65537),
            RasterDataType.Int32 => (int)((v * 65537) - 2000000000),
            RasterDataType.Float32 => (float)((v * 0.5) - 1000.25),
            _ => (v * 0.001) - (1000000.0 / 3.0),
        };
    }

    public static void AssertAll(Raster raster, RasterDataType type, int[]? bands = null, int column0 = 0, int row0 = 0)
    {
        Assert.Equal(type, raster.DataType);
        for (int k = 0; k < raster.BandCount; k++)
        {
            int b = bands?[k] ?? k;
            for (int r = 0; r < raster.Height; r++)
            {
                for (int c = 0; c < raster.Width; c++)
                {
                    double expected = Expected(type, b, r + row0, c + column0);
                    double actual = raster.GetValue(k, r, c);
                    if (expected != actual)
                    {
                        Assert.Fail($"band {b} row {r + row0} column {c + column0}: expected {expected}, found {actual}");
                    }
                }
            }
        }
    }
}
