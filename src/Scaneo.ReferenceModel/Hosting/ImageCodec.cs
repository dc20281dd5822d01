using Microsoft.AspNetCore.Http;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.ReferenceModel.Hosting;

/// <summary>The server's use of Scaneo.Rasters and Scaneo.Geo: decode uploads, encode replies, map errors to statuses.</summary>
internal static class ImageCodec
{
    /// <summary>Decodes a GeoTIFF, PNG or JPEG by its magic bytes, refusing images over the pixel limit from their header.</summary>
    public static Raster Decode(Stream image, string name, long maxPixels) =>
        RasterFile.Read(image, name, new RasterReadOptions { MaxPixels = maxPixels });

    /// <summary>Encodes a GeoTIFF; the bytes are the stream's own buffer (no trailing copy), from 0 to its length.</summary>
    public static ArraySegment<byte> EncodeGeoTiff(Raster raster)
    {
        var buffer = new MemoryStream();
        RasterFile.WriteGeoTiff(raster, buffer);
        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static IMapTransform ToWgs84(CrsReference crs) => Reprojection.ToWgs84(crs);

    /// <summary>The HTTP status of a Scaneo error raised while handling a request.</summary>
    public static (int Status, string Title) Classify(ScaneoException exception) => exception switch
    {
        RasterLimitExceededException => (StatusCodes.Status413PayloadTooLarge, "Image too large"),
        RasterFormatException => (StatusCodes.Status415UnsupportedMediaType, "Unreadable image"),
        CrsNotSupportedException => (StatusCodes.Status422UnprocessableEntity, "Unsupported CRS"),
        _ => (StatusCodes.Status422UnprocessableEntity, "Image unusable by the model"),
    };
}
