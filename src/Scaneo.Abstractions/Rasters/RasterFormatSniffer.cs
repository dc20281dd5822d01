namespace Scaneo.Rasters;

/// <summary>Detects the raster format from magic bytes (never from the file name).</summary>
internal static class RasterFormatSniffer
{
    public static RasterFormat Detect(Stream stream, string name)
    {
        Span<byte> head = stackalloc byte[8];
        long start = stream.Position;
        int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = start;
        head = head[..n];
        if (head.Length >= 4 && ((head[0] == 'I' && head[1] == 'I' && head[2] is 42 or 43 && head[3] == 0) ||
                                 (head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] is 42 or 43)))
        {
            return RasterFormat.GeoTiff;
        }

        if (head.SequenceEqual((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return RasterFormat.Png;
        }

        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return RasterFormat.Jpeg;
        }

        string found = n == 0 ? "an empty file" : "bytes " + Convert.ToHexString(head);
        throw new RasterFormatException(name, $"not a GeoTIFF, PNG or JPEG file: found {found} where a TIFF (II*/MM*), PNG or JPEG signature was expected.");
    }
}
