using System.Globalization;
using System.Net.Http.Headers;
using Scaneo.Rasters;

namespace Scaneo.Inference.Codecs;

/// <summary>Encodes request images and decodes raster replies with <see cref="RasterFile"/>, turning its errors into inference errors.</summary>
internal static class RasterWire
{
    // Requests go uncompressed — model servers are usually near, and Deflate would cost more than the transfer saves —
    // with each band as one strip: Abstractions then writes the raster's memory as-is, without an encoder.
    private static readonly GeoTiffWriteOptions RequestTiff = new()
    {
        Compression = GeoTiffCompression.None,
        Tiled = false,
        BandInterleaved = true,
        RowsPerStrip = int.MaxValue,
    };

    /// <summary>Encodes the image into pooled request content (dispose it to return the buffer).</summary>
    public static (HttpContent Content, string FileName) Encode(Raster image, ImageFormat format, string modelName)
    {
        // Room for the pixels and a header: one buffer, no regrowth for GeoTIFF (PNG/JPEG are smaller).
        long pixelBytes = image.PixelCount * image.BandCount * image.DataType.SizeInBytes();
        var buffer = new PooledBufferStream((int)Math.Min(pixelBytes + (64 * 1024), Array.MaxLength));
        try
        {
            (string mediaType, string fileName) = format switch
            {
                ImageFormat.Png => ("image/png", "image.png"),
                ImageFormat.Jpeg => ("image/jpeg", "image.jpg"),
                _ => ("image/tiff", "image.tif"),
            };
            switch (format)
            {
                case ImageFormat.Png:
                    RasterFile.WritePng(image, buffer);
                    break;
                case ImageFormat.Jpeg:
                    RasterFile.WriteJpeg(image, buffer);
                    break;
                default:
                    RasterFile.WriteGeoTiff(image, buffer, RequestTiff);
                    break;
            }

            var content = new PooledContent(buffer);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return (content, fileName);
        }
        catch (ScaneoValidationException ex) when (format != ImageFormat.GeoTiff)
        {
            throw new InferenceException(
                string.Create(CultureInfo.InvariantCulture, $"Model '{modelName}' takes {format} input; expected an 8-bit image with 1 or 3 bands (PNG also 4 bands or 16-bit gray), found {image.BandCount} bands of {image.DataType.ToName()} — add S2RGB, or BandSelect and ToUInt8, to the preprocessing. ({ex.Message})"),
                modelName,
                ex);
        }
        finally
        {
            // Returns the buffer unless PooledContent took it.
            buffer.Dispose();
        }
    }

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
