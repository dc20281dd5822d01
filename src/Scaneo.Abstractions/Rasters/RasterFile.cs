using Scaneo.IO;
using Scaneo.Rasters.GeoTiff;
using Scaneo.Rasters.Imaging;

namespace Scaneo.Rasters;

/// <summary>
/// Reads and writes rasters: GeoTIFF (LibTiff.NET, with exact GDAL-compatible georeferencing), PNG and JPEG.
/// The format is detected from the first bytes of the data, never from the file name. Size limits are checked
/// against what the file declares before any pixel buffer is allocated.
/// </summary>
/// <remarks>
/// Deflate-compressed GeoTIFF blocks are inflated with the native libdeflate when it can be loaded from the
/// system (for example <c>libdeflate.so.0</c> from Debian's <c>libdeflate0</c>), otherwise with
/// System.IO.Compression; both give the same pixels and the same errors. Set the AppContext switch
/// <c>Scaneo.Rasters.DisableLibDeflate</c> to <see langword="true"/> (<c>AppContext.SetSwitch</c>, or a
/// <c>RuntimeHostConfigurationOption</c> item in the application's project file) to never load libdeflate.
/// </remarks>
public static class RasterFile
{
    /// <summary>Reads a raster (or a window / a subset of its bands) from a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">What to read and the limits; <see langword="null"/> for everything with default limits.</param>
    /// <returns>The raster, band-sequential, with its transform, CRS and nodata.</returns>
    /// <exception cref="RasterFormatException">The file is not a supported, intact raster.</exception>
    /// <exception cref="RasterLimitExceededException">The file declares more pixels or bytes than the limits allow.</exception>
    /// <exception cref="ScaneoValidationException">The window or band selection does not fit the raster.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static Raster Read(string path, RasterReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = OpenRead(path);
        return Read(stream, Path.GetFileName(path), options);
    }

    /// <summary>Reads a raster from a stream (read from its start; the stream is left open).</summary>
    /// <param name="stream">The data. Non-seekable streams are buffered in memory first.</param>
    /// <param name="name">A name for messages (file name or URL), or <see langword="null"/>.</param>
    /// <param name="options">What to read and the limits.</param>
    /// <returns>The raster.</returns>
    /// <exception cref="RasterFormatException">The data is not a supported, intact raster.</exception>
    /// <exception cref="RasterLimitExceededException">The raster declares more pixels or bytes than the limits allow.</exception>
    public static Raster Read(Stream stream, string? name, RasterReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= RasterReadOptions.Default;
        string label = string.IsNullOrWhiteSpace(name) ? "stream" : name;
        using var seekable = Seekable(stream, label, options.MaxBytes);
        return RasterFormatSniffer.Detect(seekable.Stream, label) switch
        {
            RasterFormat.GeoTiff => GeoTiffReader.Read(seekable.Stream, label, options),
            var format => ImageCodec.Read(seekable.Stream, label, format, options),
        };
    }

    /// <summary>Reads what a raster file declares (size, bands, type, nodata, CRS, transform) without decoding pixels.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The header information.</returns>
    /// <exception cref="RasterFormatException">The file is not a supported raster.</exception>
    public static RasterInfo ReadInfo(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = OpenRead(path);
        return ReadInfo(stream, Path.GetFileName(path));
    }

    /// <summary>Reads what a raster stream declares without decoding pixels (the stream is left open).</summary>
    /// <param name="stream">The data.</param>
    /// <param name="name">A name for messages, or <see langword="null"/>.</param>
    /// <returns>The header information.</returns>
    /// <exception cref="RasterFormatException">The data is not a supported raster.</exception>
    public static RasterInfo ReadInfo(Stream stream, string? name)
    {
        ArgumentNullException.ThrowIfNull(stream);
        string label = string.IsNullOrWhiteSpace(name) ? "stream" : name;
        using var seekable = Seekable(stream, label, RasterReadOptions.DefaultMaxBytes);
        return RasterFormatSniffer.Detect(seekable.Stream, label) switch
        {
            RasterFormat.GeoTiff => GeoTiffReader.ReadInfo(seekable.Stream, label, null),
            var format => ImageCodec.ReadInfo(seekable.Stream, label, format),
        };
    }

    /// <summary>Writes a raster as GeoTIFF, atomically (a temporary file in the same folder, then a rename).</summary>
    /// <param name="raster">The raster.</param>
    /// <param name="path">The target file; replaced if it exists.</param>
    /// <param name="options">Compression and layout; <see langword="null"/> for Deflate with predictor.</param>
    /// <exception cref="RasterFormatException">LibTiff failed to encode the raster.</exception>
    public static void WriteGeoTiff(Raster raster, string path, GeoTiffWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(raster);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, stream => WriteGeoTiff(raster, stream, Path.GetFileName(path), options ?? GeoTiffWriteOptions.Default));
    }

    /// <summary>Writes a raster as GeoTIFF to a stream (left open).</summary>
    /// <param name="raster">The raster.</param>
    /// <param name="stream">
    /// The target. A TIFF needs random access: other streams (or a seekable stream not at position 0) receive a copy
    /// built in memory — except for the uncompressed whole-band-strip layout (see <see cref="GeoTiffWriteOptions.RowsPerStrip"/>),
    /// which is written straight to any stream.
    /// </param>
    /// <param name="options">Compression and layout.</param>
    /// <exception cref="RasterFormatException">LibTiff failed to encode the raster.</exception>
    public static void WriteGeoTiff(Raster raster, Stream stream, GeoTiffWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(raster);
        ArgumentNullException.ThrowIfNull(stream);
        WriteGeoTiff(raster, stream, "stream", options ?? GeoTiffWriteOptions.Default);
    }

    private static void WriteGeoTiff(Raster raster, Stream stream, string name, GeoTiffWriteOptions options)
    {
        if (PlanarGeoTiffWriter.Handles(raster, options))
        {
            PlanarGeoTiffWriter.Write(raster, stream);
            return;
        }

        if (stream.CanSeek && stream.CanRead && stream.Position == 0)
        {
            GeoTiffWriter.Write(raster, stream, name, options);
            return;
        }

        using var buffer = new MemoryStream();
        GeoTiffWriter.Write(raster, buffer, name, options);
        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    /// <summary>Writes a 1-, 3- or 4-band uint8 raster (gray, RGB, RGBA) or a 1-band uint16 raster (16-bit gray) as PNG.</summary>
    /// <param name="raster">The raster. Georeferencing is not stored (PNG has no place for it).</param>
    /// <param name="stream">The target (left open).</param>
    /// <exception cref="ScaneoValidationException">The band count or pixel type cannot be stored as PNG.</exception>
    public static void WritePng(Raster raster, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(raster);
        ArgumentNullException.ThrowIfNull(stream);
        ImageCodec.WritePng(raster, stream);
    }

    /// <summary>Writes a 1- or 3-band uint8 raster (gray, RGB) as JPEG.</summary>
    /// <param name="raster">The raster.</param>
    /// <param name="stream">The target (left open).</param>
    /// <param name="quality">JPEG quality, 1–100.</param>
    /// <exception cref="ScaneoValidationException">The band count, pixel type or quality is not valid for JPEG.</exception>
    public static void WriteJpeg(Raster raster, Stream stream, int quality = 90)
    {
        ArgumentNullException.ThrowIfNull(raster);
        ArgumentNullException.ThrowIfNull(stream);
        ImageCodec.WriteJpeg(raster, stream, quality);
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.RandomAccess);

    private static SeekableStream Seekable(Stream stream, string name, long maxBytes)
    {
        if (stream.CanSeek)
        {
            stream.Position = 0;
            return new SeekableStream(stream, owned: false);
        }

        var copy = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > maxBytes)
            {
                throw new RasterLimitExceededException(name, "bytes", copy.Length + read, maxBytes, "the stream");
            }

            copy.Write(buffer, 0, read);
        }

        copy.Position = 0;
        return new SeekableStream(copy, owned: true);
    }

    private readonly struct SeekableStream(Stream stream, bool owned) : IDisposable
    {
        public Stream Stream { get; } = stream;

        public void Dispose()
        {
            if (owned)
            {
                Stream.Dispose();
            }
        }
    }
}
