using Scaneo.Rasters;

namespace Scaneo.Cli.Labelling;

/// <summary>Turns a multispectral raster into 8-bit natural-colour RGB for overlays.</summary>
internal static class NaturalColor
{
    /// <summary>
    /// Picks red, green and blue bands (0-based) by band count: Sentinel-2 stacks (≥ 12 bands) use B4, B3, B2;
    /// other multi-band images (Landsat order B, G, R, …) use bands 3, 2, 1; one or two bands are shown in grey.
    /// </summary>
    public static (int Red, int Green, int Blue) DefaultBands(int bandCount) => bandCount switch
    {
        >= 12 => (3, 2, 1),
        >= 3 => (2, 1, 0),
        _ => (0, 0, 0),
    };

    /// <summary>Returns interleaved RGB bytes, each band stretched between its 2nd and 98th percentile.</summary>
    public static byte[] ToRgb(Raster raster)
    {
        ArgumentNullException.ThrowIfNull(raster);
        var (r, g, b) = DefaultBands(raster.BandCount);
        int n = raster.Width * raster.Height;
        var rgb = new byte[n * 3];
        int[] bands = [r, g, b];
        for (int c = 0; c < 3; c++)
        {
            var values = new double[n];
            for (int row = 0, i = 0; row < raster.Height; row++)
            {
                for (int col = 0; col < raster.Width; col++, i++)
                {
                    values[i] = raster.GetValue(bands[c], row, col);
                }
            }

            var (lo, hi) = Percentiles(values, raster.NoData);
            double scale = hi > lo ? 255.0 / (hi - lo) : 0;
            for (int i = 0; i < n; i++)
            {
                rgb[(i * 3) + c] = (byte)Math.Clamp((values[i] - lo) * scale, 0, 255);
            }
        }

        return rgb;
    }

    private static (double Low, double High) Percentiles(double[] values, double? noData)
    {
        var valid = values.Where(v => double.IsFinite(v) && (noData is not double nd || v != nd)).ToArray();
        if (valid.Length == 0)
        {
            return (0, 0);
        }

        Array.Sort(valid);
        return (valid[(int)(0.02 * (valid.Length - 1))], valid[(int)(0.98 * (valid.Length - 1))]);
    }
}
