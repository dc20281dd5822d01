using Scaneo.Rasters;

namespace Scaneo.Inference.Processing;

/// <summary>Pixel-type-agnostic helpers for the built-in steps and the reply decoder.</summary>
internal static class RasterOps
{
    /// <summary>Copies one band to floats, whatever the pixel type.</summary>
    public static void ReadBand(Raster raster, int band, Span<float> destination)
    {
        switch (raster)
        {
            case RasterBuffer<byte> r: Convert(r.GetBand(band), destination); break;
            case RasterBuffer<sbyte> r: Convert(r.GetBand(band), destination); break;
            case RasterBuffer<ushort> r: Convert(r.GetBand(band), destination); break;
            case RasterBuffer<short> r: Convert(r.GetBand(band), destination); break;
            case RasterBuffer<uint> r: Convert(r.GetBand(band), destination); break;
            case RasterBuffer<int> r: Convert(r.GetBand(band), destination); break;
            case RasterBuffer<float> r: r.GetBand(band).CopyTo(destination); break;
            case RasterBuffer<double> r: Convert(r.GetBand(band), destination); break;
            default:
                for (int i = 0, row = 0; row < raster.Height; row++)
                {
                    for (int col = 0; col < raster.Width; col++, i++)
                    {
                        destination[i] = (float)raster.GetValue(band, row, col);
                    }
                }

                break;
        }
    }

    /// <summary>Returns every band as floats (band-sequential); shares the array of a float32 raster.</summary>
    public static RasterBuffer<float> ToFloat(Raster raster)
    {
        if (raster is RasterBuffer<float> f)
        {
            return f;
        }

        int n = checked(raster.Width * raster.Height);
        var data = new float[checked(n * raster.BandCount)];
        for (int b = 0; b < raster.BandCount; b++)
        {
            ReadBand(raster, b, data.AsSpan(b * n, n));
        }

        return new RasterBuffer<float>(data, raster.Width, raster.Height, raster.BandCount, raster.GeoTransform, raster.Crs, raster.NoData);
    }

    /// <summary>Returns the listed bands (0-based) with the source's pixel type and georeferencing.</summary>
    public static Raster SelectBands(Raster raster, IReadOnlyList<int> bands) => raster switch
    {
        RasterBuffer<byte> r => Select(r, bands),
        RasterBuffer<sbyte> r => Select(r, bands),
        RasterBuffer<ushort> r => Select(r, bands),
        RasterBuffer<short> r => Select(r, bands),
        RasterBuffer<uint> r => Select(r, bands),
        RasterBuffer<int> r => Select(r, bands),
        RasterBuffer<float> r => Select(r, bands),
        RasterBuffer<double> r => Select(r, bands),
        _ => Select(ToFloat(raster), bands),
    };

    /// <summary>Resamples every band nearest-neighbour to a new size (pixel centres map to pixel centres).</summary>
    public static Raster ResampleNearest(Raster raster, int width, int height) => raster switch
    {
        RasterBuffer<byte> r => Resample(r, width, height),
        RasterBuffer<sbyte> r => Resample(r, width, height),
        RasterBuffer<ushort> r => Resample(r, width, height),
        RasterBuffer<short> r => Resample(r, width, height),
        RasterBuffer<uint> r => Resample(r, width, height),
        RasterBuffer<int> r => Resample(r, width, height),
        RasterBuffer<float> r => Resample(r, width, height),
        RasterBuffer<double> r => Resample(r, width, height),
        _ => Resample(ToFloat(raster), width, height),
    };

    /// <summary>Resamples a typed raster nearest-neighbour; the source georeferencing is scaled to the new grid.</summary>
    public static RasterBuffer<T> Resample<T>(RasterBuffer<T> source, int width, int height)
        where T : unmanaged
    {
        if (source.Width == width && source.Height == height)
        {
            return source;
        }

        var cols = new int[width];
        for (int c = 0; c < width; c++)
        {
            cols[c] = Math.Min(source.Width - 1, (int)((c + 0.5) * source.Width / width));
        }

        var data = new T[checked(width * height * source.BandCount)];
        for (int b = 0; b < source.BandCount; b++)
        {
            for (int r = 0; r < height; r++)
            {
                int sr = Math.Min(source.Height - 1, (int)((r + 0.5) * source.Height / height));
                Span<T> src = source.GetRow(b, sr);
                Span<T> dst = data.AsSpan(((b * height) + r) * width, width);
                for (int c = 0; c < width; c++)
                {
                    dst[c] = src[cols[c]];
                }
            }
        }

        var gt = source.GeoTransform?.Scale((double)source.Width / width, (double)source.Height / height);
        return new RasterBuffer<T>(data, width, height, source.BandCount, gt, source.Crs, source.NoData);
    }

    private static RasterBuffer<T> Select<T>(RasterBuffer<T> source, IReadOnlyList<int> bands)
        where T : unmanaged
    {
        int n = source.Width * source.Height;
        var data = new T[checked(n * bands.Count)];
        for (int i = 0; i < bands.Count; i++)
        {
            source.GetBand(bands[i]).CopyTo(data.AsSpan(i * n, n));
        }

        return new RasterBuffer<T>(data, source.Width, source.Height, bands.Count, source.GeoTransform, source.Crs, source.NoData);
    }

    private static void Convert(Span<byte> source, Span<float> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }

    private static void Convert(Span<sbyte> source, Span<float> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }

    private static void Convert(Span<ushort> source, Span<float> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }

    private static void Convert(Span<short> source, Span<float> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }

    private static void Convert(Span<uint> source, Span<float> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = (float)source[i];
        }
    }

    private static void Convert(Span<int> source, Span<float> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = (float)source[i];
        }
    }

    private static void Convert(Span<double> source, Span<float> destination)
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = (float)source[i];
        }
    }
}
