using System.Globalization;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Advanced;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;

namespace Scaneo.Rasters.Imaging;

/// <summary>
/// PNG and JPEG through SixLabors.ImageSharp 2.1, kept internal: its Configuration registers only PNG and JPEG
/// (its TIFF, BMP, GIF… decoders are never reachable, including their known 2.x advisories), the header is
/// identified before decoding so oversized images are refused without allocating, and the memory allocator
/// has a hard allocation limit.
/// </summary>
internal static class ImageCodec
{
    private const long MegaByte = 1L << 20;

    public static RasterInfo ReadInfo(Stream stream, string name, RasterFormat format)
    {
        var (width, height, bands, type) = Identify(stream, name, format, RasterReadOptions.DefaultMaxBytes);
        return new RasterInfo(format, width, height, bands, type, null, null, null);
    }

    public static Raster Read(Stream stream, string name, RasterFormat format, RasterReadOptions options)
    {
        var (width, height, bands, type) = Identify(stream, name, format, options.MaxBytes);
        var window = options.Window ?? new RasterWindow(0, 0, width, height);
        window.Validate(width, height);
        int[] selected = RasterLimits.SelectBands(options.Bands, bands);

        // The decoder materialises the whole image whatever the window: check the full size too.
        RasterLimits.Check(name, width, height, bands, type, options);
        RasterLimits.Check(name, window.Width, window.Height, selected.Length, type, options);
        var config = CreateConfiguration(options.MaxBytes);
        stream.Position = 0;
        try
        {
            return (type, bands) switch
            {
                (RasterDataType.UInt16, 1) => Decode<L16, ushort>(config, stream, name, window, selected, 1, static (p, s) => s[0] = p.PackedValue),
                (RasterDataType.UInt16, 3) => Decode<Rgb48, ushort>(config, stream, name, window, selected, 3, static (p, s) => { s[0] = p.R; s[1] = p.G; s[2] = p.B; }),
                (RasterDataType.UInt16, _) => Decode<Rgba64, ushort>(config, stream, name, window, selected, 4, static (p, s) => { s[0] = p.R; s[1] = p.G; s[2] = p.B; s[3] = p.A; }),
                (_, 1) => Decode<L8, byte>(config, stream, name, window, selected, 1, static (p, s) => s[0] = p.PackedValue),
                (_, 2) => Decode<La16, byte>(config, stream, name, window, selected, 2, static (p, s) => { s[0] = p.L; s[1] = p.A; }),
                (_, 3) => Decode<Rgb24, byte>(config, stream, name, window, selected, 3, static (p, s) => { s[0] = p.R; s[1] = p.G; s[2] = p.B; }),
                _ => Decode<Rgba32, byte>(config, stream, name, window, selected, 4, static (p, s) => { s[0] = p.R; s[1] = p.G; s[2] = p.B; s[3] = p.A; }),
            };
        }
        catch (InvalidMemoryOperationException ex)
        {
            throw new RasterLimitExceededException(name, "bytes", (long)width * height * bands * type.SizeInBytes(), options.MaxBytes, "the decoder's allocations (" + ex.Message + ")");
        }
        catch (Exception ex) when (ex is not ScaneoException and not OperationCanceledException)
        {
            throw new RasterFormatException(name, $"the {format} data is corrupt or truncated: {ex.Message}", ex);
        }
    }

    public static void WritePng(Raster raster, Stream stream)
    {
        var config = CreateConfiguration(RasterReadOptions.DefaultMaxBytes);
        switch (raster)
        {
            case RasterBuffer<byte> { BandCount: 1 } r:
                Save(Load<L8, byte>(config, r, static s => new L8(s[0])), stream, new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit8 });
                break;
            case RasterBuffer<byte> { BandCount: 3 } r:
                Save(Load<Rgb24, byte>(config, r, static s => new Rgb24(s[0], s[1], s[2])), stream, new PngEncoder { ColorType = PngColorType.Rgb, BitDepth = PngBitDepth.Bit8 });
                break;
            case RasterBuffer<byte> { BandCount: 4 } r:
                Save(Load<Rgba32, byte>(config, r, static s => new Rgba32(s[0], s[1], s[2], s[3])), stream, new PngEncoder { ColorType = PngColorType.RgbWithAlpha, BitDepth = PngBitDepth.Bit8 });
                break;
            case RasterBuffer<ushort> { BandCount: 1 } r:
                Save(Load<L16, ushort>(config, r, static s => new L16(s[0])), stream, new PngEncoder { ColorType = PngColorType.Grayscale, BitDepth = PngBitDepth.Bit16 });
                break;
            default:
                throw new ScaneoValidationException(
                    "Raster",
                    string.Create(CultureInfo.InvariantCulture, $"{raster.BandCount}-band {raster.DataType.ToName()}"),
                    "cannot be written as PNG; expected 1, 3 or 4 uint8 bands (gray, RGB, RGBA) or 1 uint16 band.");
        }
    }

    public static void WriteJpeg(Raster raster, Stream stream, int quality)
    {
        if (quality is < 1 or > 100)
        {
            throw new ScaneoValidationException("JPEG quality", quality.ToString(CultureInfo.InvariantCulture), "must be between 1 and 100.");
        }

        var config = CreateConfiguration(RasterReadOptions.DefaultMaxBytes);
        switch (raster)
        {
            case RasterBuffer<byte> { BandCount: 1 } r:
                Save(Load<L8, byte>(config, r, static s => new L8(s[0])), stream, new JpegEncoder { Quality = quality, ColorType = JpegColorType.Luminance });
                break;
            case RasterBuffer<byte> { BandCount: 3 } r:
                Save(Load<Rgb24, byte>(config, r, static s => new Rgb24(s[0], s[1], s[2])), stream, new JpegEncoder { Quality = quality, ColorType = JpegColorType.YCbCrRatio444 });
                break;
            default:
                throw new ScaneoValidationException(
                    "Raster",
                    string.Create(CultureInfo.InvariantCulture, $"{raster.BandCount}-band {raster.DataType.ToName()}"),
                    "cannot be written as JPEG; expected 1 or 3 uint8 bands (gray, RGB).");
        }
    }

    private static Configuration CreateConfiguration(long maxBytes)
    {
        var config = new Configuration(new PngConfigurationModule(), new JpegConfigurationModule())
        {
            MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions
            {
                AllocationLimitMegabytes = (int)Math.Clamp((maxBytes / MegaByte) + 1, 1, int.MaxValue),
            }),
        };
        return config;
    }

    private static (int Width, int Height, int Bands, RasterDataType Type) Identify(Stream stream, string name, RasterFormat format, long maxBytes)
    {
        IImageInfo? info;
        try
        {
            stream.Position = 0;
            info = Image.Identify(CreateConfiguration(maxBytes), stream);
        }
        catch (Exception ex) when (ex is not ScaneoException and not OperationCanceledException)
        {
            throw new RasterFormatException(name, $"the {format} header is corrupt: {ex.Message}", ex);
        }

        if (info is null || info.Width <= 0 || info.Height <= 0)
        {
            throw new RasterFormatException(name, $"the {format} header could not be read.");
        }

        if (format == RasterFormat.Png)
        {
            var png = info.Metadata.GetPngMetadata();
            bool sixteen = png.BitDepth == PngBitDepth.Bit16;
            return png.ColorType switch
            {
                PngColorType.Grayscale => (info.Width, info.Height, 1, sixteen ? RasterDataType.UInt16 : RasterDataType.UInt8),
                PngColorType.GrayscaleWithAlpha => (info.Width, info.Height, 2, RasterDataType.UInt8),
                PngColorType.Rgb => (info.Width, info.Height, 3, sixteen ? RasterDataType.UInt16 : RasterDataType.UInt8),
                PngColorType.RgbWithAlpha => (info.Width, info.Height, 4, sixteen ? RasterDataType.UInt16 : RasterDataType.UInt8),

                // Palette images are expanded to their colours (ImageSharp does not expose the indices).
                _ => (info.Width, info.Height, 4, RasterDataType.UInt8),
            };
        }

        bool gray = info.PixelType.BitsPerPixel == 8;
        return (info.Width, info.Height, gray ? 1 : 3, RasterDataType.UInt8);
    }

    private static RasterBuffer<TSample> Decode<TPixel, TSample>(Configuration config, Stream stream, string name, RasterWindow window, int[] bands, int channels, PixelToSamples<TPixel, TSample> unpack)
        where TPixel : unmanaged, IPixel<TPixel>
        where TSample : unmanaged
    {
        using var image = Image.Load<TPixel>(config, stream);
        var data = RasterLimits.Allocate<TSample>(name, (long)window.Width * window.Height * bands.Length);
        int plane = window.Width * window.Height;
        Span<TSample> samples = stackalloc TSample[channels];
        for (int y = 0; y < window.Height; y++)
        {
            var row = image.DangerousGetPixelRowMemory(window.Row + y).Span.Slice(window.Column, window.Width);
            for (int x = 0; x < row.Length; x++)
            {
                unpack(row[x], samples);
                for (int k = 0; k < bands.Length; k++)
                {
                    data[(k * plane) + (y * window.Width) + x] = samples[bands[k]];
                }
            }
        }

        return new RasterBuffer<TSample>(data, window.Width, window.Height, bands.Length);
    }

    private static Image<TPixel> Load<TPixel, TSample>(Configuration config, RasterBuffer<TSample> raster, Func<TSample[], TPixel> pack)
        where TPixel : unmanaged, IPixel<TPixel>
        where TSample : unmanaged
    {
        var image = new Image<TPixel>(config, raster.Width, raster.Height);
        var samples = new TSample[raster.BandCount];
        var data = raster.GetArray();
        int plane = raster.Width * raster.Height;
        for (int y = 0; y < raster.Height; y++)
        {
            var row = image.DangerousGetPixelRowMemory(y).Span;
            for (int x = 0; x < raster.Width; x++)
            {
                for (int b = 0; b < samples.Length; b++)
                {
                    samples[b] = data[(b * plane) + (y * raster.Width) + x];
                }

                row[x] = pack(samples);
            }
        }

        return image;
    }

    private static void Save<TPixel>(Image<TPixel> image, Stream stream, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        using (image)
        {
            image.Save(stream, encoder);
        }
    }

    private delegate void PixelToSamples<TPixel, TSample>(TPixel pixel, Span<TSample> samples);
}
