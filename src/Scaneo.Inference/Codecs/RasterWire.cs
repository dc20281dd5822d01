using System.Globalization;
using Scaneo.Rasters;

namespace Scaneo.Inference.Codecs;

/// <summary>Encodes request images and decodes raster replies with <see cref="RasterFile"/>, turning its errors into inference errors.</summary>
internal static class RasterWire
{
    // Requests go uncompressed: model servers are usually near, and Deflate would cost more than the transfer saves.
    private static readonly GeoTiffWriteOptions RequestTiff = new() { Compression = GeoTiffCompression.None };

    public static (ArraySegment<byte> Bytes, string MediaType, string FileName) Encode(Raster image, ImageFormat format, string modelName)
    {
        var buffer = new MemoryStream();
        try
        {
            switch (format)
            {
                case ImageFormat.Png:
                    RasterFile.WritePng(image, buffer);
                    return (Segment(buffer), "image/png", "image.png");
                case ImageFormat.Jpeg:
                    RasterFile.WriteJpeg(image, buffer);
                    return (Segment(buffer), "image/jpeg", "image.jpg");
                default:
                    if (RequestTiffWriter.CanWrite(image))
                    {
                        return (RequestTiffWriter.Write(image), "image/tiff", "image.tif");
                    }

                    RasterFile.WriteGeoTiff(image, buffer, RequestTiff);
                    return (Segment(buffer), "image/tiff", "image.tif");
            }
        }
        catch (ScaneoValidationException ex) when (format != ImageFormat.GeoTiff)
        {
            throw new InferenceException(
                string.Create(CultureInfo.InvariantCulture, $"Model '{modelName}' takes {format} input; expected an 8-bit image with 1 or 3 bands (PNG also 4 bands or 16-bit gray), found {image.BandCount} bands of {image.DataType.ToName()} — add S2RGB, or BandSelect and ToUInt8, to the preprocessing. ({ex.Message})"),
                modelName,
                ex);
        }
    }

    private static ArraySegment<byte> Segment(MemoryStream buffer) => new(buffer.GetBuffer(), 0, (int)buffer.Length);

    public static Raster Decode(ReadOnlyMemory<byte> body, string modelName, Raster sent)
    {
        // A mask is about the size of the sent image; far larger declared dimensions are refused before allocating.
        long maxPixels = Math.Max(sent.PixelCount * 16, 4096L * 4096);
        var options = new RasterReadOptions { MaxPixels = maxPixels, MaxBytes = Math.Max(maxPixels * 64, 1L << 28) };
        try
        {
            using var stream = new ReadOnlyMemoryStream(body);
            return RasterFile.Read(stream, "reply", options);
        }
        catch (RasterFormatException ex)
        {
            throw new ReplyFormatException("a readable GeoTIFF or PNG mask", "the reply image cannot be read: " + ex.Problem, modelName, ex);
        }
        catch (RasterLimitExceededException ex)
        {
            throw new ReplyFormatException(
                string.Create(CultureInfo.InvariantCulture, $"a mask about the size of the sent {sent.Width} × {sent.Height} image"),
                string.Create(CultureInfo.InvariantCulture, $"the reply image declares {ex.Declared} {ex.Quantity} (limit {ex.Limit})"),
                modelName,
                ex);
        }
    }
}
