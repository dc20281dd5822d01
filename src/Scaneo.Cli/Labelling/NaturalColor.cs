using System.Numerics;
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
            // One grey band is shown three times: read and sort it once.
            if (c > 0 && bands[c] == bands[c - 1])
            {
                for (int i = 0; i < n; i++)
                {
                    rgb[(i * 3) + c] = rgb[(i * 3) + c - 1];
                }

                continue;
            }

            var values = new double[n];
            ReadBand(raster, bands[c], values);
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
        var valid = new double[values.Length];
        int count = 0;
        foreach (double v in values)
        {
            if (double.IsFinite(v) && (noData is not double nd || v != nd))
            {
                valid[count++] = v;
            }
        }

        if (count == 0)
        {
            return (0, 0);
        }

        var sorted = valid.AsSpan(0, count);
        sorted.Sort();
        return (sorted[(int)(0.02 * (count - 1))], sorted[(int)(0.98 * (count - 1))]);
    }

    /// <summary>Copies one band to doubles through the buffer's band span (no per-pixel virtual call or bounds check).</summary>
    private static void ReadBand(Raster raster, int band, double[] destination)
    {
        switch (raster)
        {
            case RasterBuffer<byte> r: Widen(r.GetBand(band), destination); break;
            case RasterBuffer<sbyte> r: Widen(r.GetBand(band), destination); break;
            case RasterBuffer<ushort> r: Widen(r.GetBand(band), destination); break;
            case RasterBuffer<short> r: Widen(r.GetBand(band), destination); break;
            case RasterBuffer<uint> r: Widen(r.GetBand(band), destination); break;
            case RasterBuffer<int> r: Widen(r.GetBand(band), destination); break;
            case RasterBuffer<float> r: Widen(r.GetBand(band), destination); break;
            case RasterBuffer<double> r: r.GetBand(band).CopyTo(destination); break;
            default:
                for (int row = 0, i = 0; row < raster.Height; row++)
                {
                    for (int col = 0; col < raster.Width; col++, i++)
                    {
                        destination[i] = raster.GetValue(band, row, col);
                    }
                }

                break;
        }
    }

    private static void Widen<T>(Span<T> source, double[] destination)
        where T : unmanaged, INumberBase<T>
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = double.CreateTruncating(source[i]);
        }
    }
}
