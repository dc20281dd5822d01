using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using BitMiracle.LibTiff.Classic;
using Microsoft.Extensions.Logging;
using Scaneo.Geo;

namespace Scaneo.Rasters.GeoTiff;

/// <summary>
/// Reads GeoTIFF headers and pixels with LibTiff.NET. Deflate and uncompressed blocks are read raw and decoded
/// here with the native zlib of System.IO.Compression (about 4× faster than LibTiff.NET's managed inflate),
/// in parallel; LZW, PackBits and JPEG blocks are decoded by LibTiff.
/// </summary>
internal static partial class GeoTiffReader
{
    private const long RawBatchBytes = 64L << 20;

    public static RasterInfo ReadInfo(Stream stream, string name, ILogger? logger)
    {
        using var scope = LibTiffDiagnostics.Enter(name, logger);
        return Guard(name, scope, () =>
        {
            using var tiff = Open(stream, name, scope);
            var layout = TiffLayout.Read(tiff, name);
            var (transform, crs, noData) = ReadGeoreferencing(tiff, name, logger);
            return new RasterInfo(RasterFormat.GeoTiff, layout.Width, layout.Height, layout.SamplesPerPixel, layout.DataType, noData, crs, transform);
        });
    }

    public static Raster Read(Stream stream, string name, RasterReadOptions options)
    {
        using var scope = LibTiffDiagnostics.Enter(name, options.Logger);
        return Guard(name, scope, () =>
        {
            using var tiff = Open(stream, name, scope);
            var layout = TiffLayout.Read(tiff, name);
            var (transform, crs, noData) = ReadGeoreferencing(tiff, name, options.Logger);
            var window = options.Window ?? new RasterWindow(0, 0, layout.Width, layout.Height);
            window.Validate(layout.Width, layout.Height);
            int[] bands = RasterLimits.SelectBands(options.Bands, layout.SamplesPerPixel);
            RasterLimits.Check(name, window.Width, window.Height, bands.Length, layout.DataType, options);

            // Decoding buffers hold whole blocks: a corrupt header can declare a huge strip for a tiny window.
            long blockBytes = layout.BlockHeight * layout.BlockRowBytes;
            if (blockBytes > options.MaxBytes)
            {
                throw new RasterLimitExceededException(name, "bytes", blockBytes, options.MaxBytes, string.Create(CultureInfo.InvariantCulture, $"one {layout.BlockWidth} × {layout.BlockHeight} block"));
            }

            var windowTransform = transform?.ForWindow(window.Column, window.Row);
            return layout.DataType switch
            {
                RasterDataType.UInt8 => ReadPixels<byte>(tiff, layout, name, scope, window, bands, windowTransform, crs, noData),
                RasterDataType.Int8 => ReadPixels<sbyte>(tiff, layout, name, scope, window, bands, windowTransform, crs, noData),
                RasterDataType.UInt16 => ReadPixels<ushort>(tiff, layout, name, scope, window, bands, windowTransform, crs, noData),
                RasterDataType.Int16 => ReadPixels<short>(tiff, layout, name, scope, window, bands, windowTransform, crs, noData),
                RasterDataType.UInt32 => ReadPixels<uint>(tiff, layout, name, scope, window, bands, windowTransform, crs, noData),
                RasterDataType.Int32 => ReadPixels<int>(tiff, layout, name, scope, window, bands, windowTransform, crs, noData),
                RasterDataType.Float32 => ReadPixels<float>(tiff, layout, name, scope, window, bands, windowTransform, crs, noData),
                _ => (Raster)ReadPixels<double>(tiff, layout, name, scope, window, bands, windowTransform, crs, noData),
            };
        });
    }

    /// <summary>Runs a LibTiff-backed operation, turning every non-Scaneo failure into a <see cref="RasterFormatException"/>.</summary>
    private static T Guard<T>(string name, LibTiffDiagnostics.Scope scope, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0 && ex.InnerExceptions[0] is ScaneoException inner)
        {
            throw inner;
        }
        catch (Exception ex) when (ex is not ScaneoException and not OperationCanceledException)
        {
            // LibTiff.NET throws IndexOutOfRange, NullReference, OutOfMemory… on corrupt headers and data.
            throw new RasterFormatException(name, "the TIFF is corrupt or truncated: " + ex.GetType().Name + ": " + ex.Message + scope.Detail(), ex);
        }
    }

    private static BitMiracle.LibTiff.Classic.Tiff Open(Stream stream, string name, LibTiffDiagnostics.Scope scope)
    {
        TiffPreflight.Check(stream, name);
        GeoTiffTags.EnsureRegistered();
        return BitMiracle.LibTiff.Classic.Tiff.ClientOpen(name, "r", stream, new NonClosingTiffStream())
            ?? throw new RasterFormatException(name, "not a readable TIFF file" + scope.Detail() + ".");
    }

    private static (GeoTransform? Transform, CrsReference? Crs, double? NoData) ReadGeoreferencing(BitMiracle.LibTiff.Classic.Tiff tiff, string name, ILogger? logger)
    {
        ushort[]? directory = Shorts(tiff, GeoTiffTags.GeoKeyDirectory);
        GeoKeys? keys = directory is null
            ? null
            : GeoKeys.Parse(directory, Doubles(tiff, GeoTiffTags.GeoDoubleParams) ?? [], Ascii(tiff, GeoTiffTags.GeoAsciiParams));

        GeoTransform? transform = null;
        double[]? scale = Doubles(tiff, GeoTiffTags.ModelPixelScale);
        double[]? tiepoint = Doubles(tiff, GeoTiffTags.ModelTiepoint);
        double[]? matrix = Doubles(tiff, GeoTiffTags.ModelTransformation);
        try
        {
            // GDAL prefers scale + tie point when both forms exist.
            if (scale is { Length: >= 2 } && tiepoint is { Length: >= 6 })
            {
                transform = new GeoTransform(
                    tiepoint[3] - (tiepoint[0] * scale[0]), scale[0], 0, tiepoint[4] + (tiepoint[1] * scale[1]), 0, -scale[1]);
            }
            else if (matrix is { Length: >= 8 })
            {
                transform = new GeoTransform(matrix[3], matrix[0], matrix[1], matrix[7], matrix[4], matrix[5]);
            }
        }
        catch (ScaneoValidationException ex)
        {
            if (logger is not null)
            {
                LogDegenerateTransform(logger, name, ex.Message);
            }
        }

        if (transform is GeoTransform gt && keys is { IsPixelIsPoint: true })
        {
            transform = gt.ShiftPixelIsPointToCorner();
        }

        CrsReference? crs = null;
        try
        {
            crs = keys?.ToCrs();
        }
        catch (ScaneoValidationException ex)
        {
            if (logger is not null)
            {
                LogBadGeoKeys(logger, name, ex.Message);
            }
        }

        double? noData = null;
        if (Ascii(tiff, GeoTiffTags.GdalNoData) is { } text)
        {
            noData = ParseNoData(text);
            if (noData is null && logger is not null)
            {
                LogBadNoData(logger, name, text);
            }
        }

        return (transform, crs, noData);
    }

    internal static double? ParseNoData(string text)
    {
        string t = text.Trim('\0', ' ', '\t', '\r', '\n');
        if (t.Contains("nan", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : null;
    }

    private static double[]? Doubles(BitMiracle.LibTiff.Classic.Tiff tiff, TiffTag tag)
    {
        var value = tiff.GetField(tag);
        if (value is not { Length: > 0 })
        {
            return null;
        }

        // Variable-count tags come back as [count, array].
        var array = value[^1].ToDoubleArray();
        return array is { Length: > 0 } ? array : null;
    }

    private static ushort[]? Shorts(BitMiracle.LibTiff.Classic.Tiff tiff, TiffTag tag)
    {
        var value = tiff.GetField(tag);
        if (value is not { Length: > 0 })
        {
            return null;
        }

        var array = value[^1].ToUShortArray();
        return array is { Length: > 0 } ? array : null;
    }

    private static string? Ascii(BitMiracle.LibTiff.Classic.Tiff tiff, TiffTag tag)
    {
        var value = tiff.GetField(tag);
        if (value is not { Length: > 0 })
        {
            return null;
        }

        object? raw = value[^1].Value;
        string? text = raw switch
        {
            string s => s,
            byte[] bytes => Encoding.ASCII.GetString(bytes),
            _ => value[^1].ToString(),
        };
        return text?.TrimEnd('\0');
    }

    private static RasterBuffer<T> ReadPixels<T>(
        BitMiracle.LibTiff.Classic.Tiff tiff,
        TiffLayout layout,
        string name,
        LibTiffDiagnostics.Scope scope,
        RasterWindow window,
        int[] bands,
        GeoTransform? transform,
        CrsReference? crs,
        double? noData)
        where T : unmanaged
    {
        var data = RasterLimits.Allocate<T>(name, (long)window.Width * window.Height * bands.Length);
        var plan = BlockPlan.Create(layout, window, bands);
        if (layout.DecodesNatively)
        {
            ReadNative(tiff, layout, name, scope, plan, data);
        }
        else
        {
            ReadWithLibTiff(tiff, layout, name, scope, plan, data);
        }

        return new RasterBuffer<T>(data, window.Width, window.Height, bands.Length, transform, crs, noData);
    }

    private static void ReadNative<T>(BitMiracle.LibTiff.Classic.Tiff tiff, TiffLayout layout, string name, LibTiffDiagnostics.Scope scope, BlockPlan plan, T[] data)
        where T : unmanaged
    {
        var blocks = plan.Blocks;
        int next = 0;
        while (next < blocks.Count)
        {
            // Read a batch of raw blocks sequentially (LibTiff is not thread-safe), then decode them in parallel.
            int first = next;
            long total = 0;
            var offsets = new List<(int Offset, int Length)>();
            while (next < blocks.Count && (next == first || total < RawBatchBytes))
            {
                long size = layout.Tiled ? tiff.RawTileSize(blocks[next].Index) : tiff.RawStripSize(blocks[next].Index);
                if (size < 0 || size > int.MaxValue / 2 || total + size > Array.MaxLength)
                {
                    throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"block {blocks[next].Index} declares {size} compressed bytes; the file is corrupt."));
                }

                offsets.Add(((int)total, (int)size));
                total += size;
                next++;
            }

            byte[] raw = ArrayPool<byte>.Shared.Rent((int)Math.Max(total, 1));
            try
            {
                for (int i = first; i < next; i++)
                {
                    var (offset, length) = offsets[i - first];
                    if (length == 0)
                    {
                        continue; // A sparse block: GDAL reads it as zeros, and the output is zero-filled.
                    }

                    int index = blocks[i].Index;
                    scope.LastError = null;
                    int read = layout.Tiled ? tiff.ReadRawTile(index, raw, offset, length) : tiff.ReadRawStrip(index, raw, offset, length);
                    if (read != length)
                    {
                        throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"block {index} is truncated: read {read} of {length} bytes{scope.Detail()}."));
                    }
                }

                int count = next - first;
                if (count == 1 || Environment.ProcessorCount == 1)
                {
                    var scratch = new DecodeScratch(layout);
                    for (int i = first; i < next; i++)
                    {
                        DecodeNative(layout, name, blocks[i], raw, offsets[i - first], data, scratch);
                    }
                }
                else
                {
                    Parallel.For(
                        first,
                        next,
                        () => new DecodeScratch(layout),
                        (i, _, scratch) =>
                        {
                            DecodeNative(layout, name, blocks[i], raw, offsets[i - first], data, scratch);
                            return scratch;
                        },
                        _ => { });
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(raw);
            }
        }
    }

    private static void DecodeNative<T>(TiffLayout layout, string name, BlockPlan.Block block, byte[] raw, (int Offset, int Length) source, T[] data, DecodeScratch scratch)
        where T : unmanaged
    {
        if (source.Length == 0)
        {
            return;
        }

        int rows = layout.RowsInBlock(block.Row);
        int rowBytes = (int)layout.BlockRowBytes;
        int size = rows * rowBytes;
        Span<byte> decoded;
        if (layout.Compression == TiffLayout.CompressionNone)
        {
            if (source.Length < size)
            {
                throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"block {block.Index} holds {source.Length} bytes; expected {size}."));
            }

            decoded = raw.AsSpan(source.Offset, size);
        }
        else
        {
            decoded = scratch.Block.AsSpan(0, size);
            int produced;
            try
            {
                using var input = new MemoryStream(raw, source.Offset, source.Length, writable: false);
                using var inflater = new ZLibStream(input, CompressionMode.Decompress);
                produced = inflater.ReadAtLeast(decoded, size, throwOnEndOfStream: false);
            }
            catch (InvalidDataException ex)
            {
                throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"block {block.Index} holds corrupt Deflate data ({ex.Message})."), ex);
            }

            if (produced < size)
            {
                throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"block {block.Index} inflates to {produced} bytes; expected {size}. The file is truncated or corrupt."));
            }

            if (layout.Predictor == 2)
            {
                TiffPredictor.UndoHorizontal(decoded, rowBytes, layout.SamplesPerBlockPixel, layout.BytesPerSample);
            }
            else if (layout.Predictor == 3)
            {
                TiffPredictor.UndoFloatingPoint(decoded, rowBytes, layout.SamplesPerBlockPixel, layout.BytesPerSample, scratch.Row);
            }
        }

        block.CopyTo(layout, decoded, MemoryMarshal.AsBytes(data.AsSpan()));
    }

    private static void ReadWithLibTiff<T>(BitMiracle.LibTiff.Classic.Tiff tiff, TiffLayout layout, string name, LibTiffDiagnostics.Scope scope, BlockPlan plan, T[] data)
        where T : unmanaged
    {
        long blockSize = layout.Tiled ? tiff.TileSize() : tiff.StripSize();
        long needed = layout.BlockHeight * layout.BlockRowBytes;
        var buffer = new byte[Math.Max(blockSize, needed)];
        var output = MemoryMarshal.AsBytes(data.AsSpan());
        foreach (var block in plan.Blocks)
        {
            scope.LastError = null;
            int read = layout.Tiled
                ? tiff.ReadEncodedTile(block.Index, buffer, 0, -1)
                : tiff.ReadEncodedStrip(block.Index, buffer, 0, -1);
            int expected = (int)(layout.RowsInBlock(block.Row) * layout.BlockRowBytes);
            if (read < expected || scope.LastError is not null)
            {
                throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"block {block.Index} could not be decoded: got {read} of {expected} bytes{scope.Detail()}."));
            }

            block.CopyTo(layout, buffer.AsSpan(0, expected), output);
        }
    }

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "{FileName}: ignoring a degenerate geotransform: {Reason}")]
    private static partial void LogDegenerateTransform(ILogger logger, string fileName, string reason);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "{FileName}: ignoring GeoKeys that describe no usable CRS: {Reason}")]
    private static partial void LogBadGeoKeys(ILogger logger, string fileName, string reason);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "{FileName}: ignoring GDAL_NODATA \"{Text}\", which is not a finite number or NaN")]
    private static partial void LogBadNoData(ILogger logger, string fileName, string text);

    /// <summary>Per-thread buffers for decoding one block, sized only for what the layout needs.</summary>
    private sealed class DecodeScratch(TiffLayout layout)
    {
        /// <summary>Gets the inflate target (empty for uncompressed blocks, which are used in place).</summary>
        public byte[] Block { get; } = layout.Compression == TiffLayout.CompressionNone ? [] : new byte[layout.BlockHeight * layout.BlockRowBytes];

        /// <summary>Gets the row scratch of the floating-point predictor (empty for other predictors).</summary>
        public byte[] Row { get; } = layout.Predictor == 3 ? new byte[layout.BlockRowBytes] : [];
    }
}
