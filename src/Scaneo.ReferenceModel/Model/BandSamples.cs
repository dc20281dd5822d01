using System.Numerics;
using Scaneo.Rasters;

namespace Scaneo.ReferenceModel.Model;

/// <summary>Copies one band of a raster of any pixel type into floats, the one type the spectral rules work on.</summary>
internal static class BandSamples
{
    public static float[] ToSingle(Raster raster, int band)
    {
        ArgumentNullException.ThrowIfNull(raster);
        if ((uint)band >= (uint)raster.BandCount)
        {
            throw new ScaneoValidationException(
                "image",
                $"{raster.BandCount} band(s)",
                $"has no band index {band}; the configured band roles need at least {band + 1} bands.");
        }

        var result = new float[checked(raster.Width * raster.Height)];
        switch (raster)
        {
            case RasterBuffer<byte> r: Convert<byte>(r.GetBand(band), result); break;
            case RasterBuffer<sbyte> r: Convert<sbyte>(r.GetBand(band), result); break;
            case RasterBuffer<ushort> r: Convert<ushort>(r.GetBand(band), result); break;
            case RasterBuffer<short> r: Convert<short>(r.GetBand(band), result); break;
            case RasterBuffer<uint> r: Convert<uint>(r.GetBand(band), result); break;
            case RasterBuffer<int> r: Convert<int>(r.GetBand(band), result); break;
            case RasterBuffer<float> r: r.GetBand(band).CopyTo(result); break;
            case RasterBuffer<double> r: Convert<double>(r.GetBand(band), result); break;
            default:
                // Raster's constructor is private protected: RasterBuffer<T> of the types above is the only subclass.
                throw new ScaneoValidationException("image", raster.DataType.ToName(), "is not a supported pixel type.");
        }

        return result;
    }

    private static void Convert<T>(ReadOnlySpan<T> source, Span<float> destination)
        where T : unmanaged, INumberBase<T>
    {
        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = float.CreateTruncating(source[i]);
        }
    }
}
