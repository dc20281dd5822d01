using Scaneo.Rasters;

namespace Scaneo.Abstractions.Tests.Rasters;

/// <summary>GDAL's GDALChecksumImage for integer bands, and the values gdalinfo -checksum prints for the samples.</summary>
internal static class GdalChecksums
{
    /// <summary>gdalinfo -checksum samples/data/L7_ETMs.tif (GDAL 3.6.2), bands 1–6.</summary>
    public static readonly int[] Landsat = [9513, 44443, 21073, 10806, 60959, 64219];

    private static readonly int[] Primes = [7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43];

    public static int Compute(Raster raster, int band)
    {
        int checksum = 0;
        int prime = 0;
        for (int r = 0; r < raster.Height; r++)
        {
            for (int c = 0; c < raster.Width; c++)
            {
                // GDAL 3.6 reads int8 through the Byte type (unsigned) and uint32 through Int32 (saturating).
                double v = raster.GetValue(band, r, c);
                int value = raster.DataType switch
                {
                    RasterDataType.Int8 => (byte)(sbyte)v,
                    RasterDataType.UInt32 => (int)Math.Min(v, int.MaxValue),
                    _ => (int)v,
                };
                checksum += value % Primes[prime++];
                checksum &= 0xffff;
                if (prime > 10)
                {
                    prime = 0;
                }
            }
        }

        return checksum;
    }
}
