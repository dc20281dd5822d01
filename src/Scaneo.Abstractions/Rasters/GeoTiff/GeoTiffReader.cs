using System.Buffers;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Text;
using BitMiracle.LibTiff.Classic;
using Microsoft.Extensions.Logging;
using Scaneo.Geo;

namespace Scaneo.Rasters.GeoTiff;

/// <summary>
/// Reads GeoTIFF headers and pixels with LibTiff.NET. Deflate and uncompressed blocks are read raw and decoded
/// here, in parallel: inflated by the native libdeflate when the machine has it (<see cref="LibDeflate"/>, about
/// 2× faster than zlib), otherwise by the native zlib of System.IO.Compression (about 4× faster than LibTiff.NET's
/// managed inflate), with the horizontal predictor undone during the copy into the output; LZW, PackBits and
/// JPEG blocks are decoded by LibTiff.
/// </summary>
internal static partial class GeoTiffReader
{
    /// <summary>The decoded bytes one unit of parallel work aims at (see ReadNative).</summary>
    private const long ChunkBytes = 1L << 20;

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
                RasterDataType.UInt8 => ReadPixels<byte>(tiff, layout, name, scope, options.Logger, stream.Length, window, bands, windowTransform, crs, noData),
                RasterDataType.Int8 => ReadPixels<sbyte>(tiff, layout, name, scope, options.Logger, stream.Length, window, bands, windowTransform, crs, noData),
                RasterDataType.UInt16 => ReadPixels<ushort>(tiff, layout, name, scope, options.Logger, stream.Length, window, bands, windowTransform, crs, noData),
                RasterDataType.Int16 => ReadPixels<short>(tiff, layout, name, scope, options.Logger, stream.Length, window, bands, windowTransform, crs, noData),
                RasterDataType.UInt32 => ReadPixels<uint>(tiff, layout, name, scope, options.Logger, stream.Length, window, bands, windowTransform, crs, noData),
                RasterDataType.Int32 => ReadPixels<int>(tiff, layout, name, scope, options.Logger, stream.Length, window, bands, windowTransform, crs, noData),
                RasterDataType.Float32 => ReadPixels<float>(tiff, layout, name, scope, options.Logger, stream.Length, window, bands, windowTransform, crs, noData),
                _ => (Raster)ReadPixels<double>(tiff, layout, name, scope, options.Logger, stream.Length, window, bands, windowTransform, crs, noData),
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
            ExceptionDispatchInfo.Throw(inner);
            throw;
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0 && ex.InnerExceptions[0] is not OperationCanceledException)
        {
            // A parallel block reader hit a LibTiff failure (see below).
            var inner = ex.InnerExceptions[0];
            throw new RasterFormatException(name, "the TIFF is corrupt or truncated: " + inner.GetType().Name + ": " + inner.Message + scope.Detail(), inner);
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
        ILogger? logger,
        long fileLength,
        RasterWindow window,
        int[] bands,
        GeoTransform? transform,
        CrsReference? crs,
        double? noData)
        where T : unmanaged
    {
        long samples = (long)window.Width * window.Height * bands.Length;
        var plan = BlockPlan.Create(layout, window, bands);
        T[] data;
        if (layout.DecodesNatively)
        {
            // The blocks of the plan cover the window, and sparse blocks are cleared: every sample is written.
            data = RasterLimits.Allocate<T>(name, samples, uninitialized: true);
            ReadNative(tiff, layout, name, logger, fileLength, plan, data);
        }
        else
        {
            data = RasterLimits.Allocate<T>(name, samples);
            ReadWithLibTiff(tiff, layout, name, scope, plan, data);
        }

        return new RasterBuffer<T>(data, window.Width, window.Height, bands.Length, transform, crs, noData);
    }

    private static void ReadNative<T>(BitMiracle.LibTiff.Classic.Tiff tiff, TiffLayout layout, string name, ILogger? logger, long fileLength, BlockPlan plan, T[] data)
        where T : unmanaged
    {
        var blocks = plan.Blocks;

        // The stored sizes, read once: LibTiff's RawTileSize/RawStripSize report a sparse (zero-byte) block as an error.
        var counts = tiff.GetField(layout.Tiled ? TiffTag.TILEBYTECOUNTS : TiffTag.STRIPBYTECOUNTS) is { Length: > 0 } field ? field[0].Value as ulong[] : null;
        bool useLibDeflate = layout.Compression != TiffLayout.CompressionNone && LibDeflate.IsEnabled;

        // Work goes out in runs of consecutive blocks decoding to about ChunkBytes: one tile of a multi-band stack,
        // or a hundred one-row strips of a mask, whose raw bytes are read under one lock.
        long blockBytes = Math.Max(1, layout.BlockHeight * layout.BlockRowBytes);
        int perChunk = (int)Math.Clamp(ChunkBytes / blockBytes, 1, 4096);
        int chunks = (blocks.Count + perChunk - 1) / perChunk;
        if (chunks == 1 || Environment.ProcessorCount == 1)
        {
            using var worker = new BlockWorker(layout, useLibDeflate);
            for (int c = 0; c < chunks; c++)
            {
                ReadAndDecode(tiff, layout, name, logger, fileLength, counts, blocks, c * perChunk, Math.Min(blocks.Count, (c + 1) * perChunk), worker, data);
            }

            return;
        }

        // Each worker reads its next chunk's raw bytes under the lock (LibTiff is not thread-safe), then inflates
        // and copies them outside it, so reading overlaps decoding and no whole-file buffer is needed.
        Parallel.For(
            0,
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new BlockWorker(layout, useLibDeflate),
            (c, _, worker) =>
            {
                ReadAndDecode(tiff, layout, name, logger, fileLength, counts, blocks, c * perChunk, Math.Min(blocks.Count, (c + 1) * perChunk), worker, data);
                return worker;
            },
            worker => worker.Dispose());
    }

    private static void ReadAndDecode<T>(
        BitMiracle.LibTiff.Classic.Tiff tiff,
        TiffLayout layout,
        string name,
        ILogger? logger,
        long fileLength,
        ulong[]? counts,
        IReadOnlyList<BlockPlan.Block> blocks,
        int first,
        int end,
        BlockWorker worker,
        T[] data)
        where T : unmanaged
    {
        var lengths = worker.Lengths(end - first);
        lock (tiff)
        {
            // A scope per read: LibTiff reports errors to the handler of the thread that calls it.
            using var scope = LibTiffDiagnostics.Enter(name, logger);
            long total = 0;
            for (int i = first; i < end; i++)
            {
                int index = blocks[i].Index;
                if (counts is not null && index < counts.Length && counts[index] == 0)
                {
                    lengths[i - first] = 0; // A sparse block (GDAL's SPARSE_OK): GDAL reads it as zeros.
                    continue;
                }

                long stored = layout.Tiled ? tiff.RawTileSize(index) : tiff.RawStripSize(index);
                if (stored <= 0 || stored > fileLength || stored > int.MaxValue / 2)
                {
                    throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"block {index} declares {stored} compressed bytes in a file of {fileLength} bytes; the file is corrupt{scope.Detail()}."));
                }

                lengths[i - first] = (int)stored;
                total += stored;
            }

            // Blocks may share bytes (writers that deduplicate tiles), so only a run claiming more than the file
            // and more than any real run of blocks needs is corrupt; refusing it bounds what a bad header allocates.
            if (total > int.MaxValue / 2 || (total > fileLength && total > 64L << 20))
            {
                throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"blocks {blocks[first].Index}–{blocks[end - 1].Index} declare {total} compressed bytes; the file is corrupt."));
            }

            byte[] raw = worker.RawBuffer((int)total);
            int offset = 0;
            for (int i = first; i < end; i++)
            {
                int length = lengths[i - first];
                if (length == 0)
                {
                    continue;
                }

                int index = blocks[i].Index;
                int read = layout.Tiled ? tiff.ReadRawTile(index, raw, offset, length) : tiff.ReadRawStrip(index, raw, offset, length);
                if (read != length)
                {
                    throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"block {index} is truncated: read {read} of {length} bytes{scope.Detail()}."));
                }

                offset += length;
            }
        }

        var output = MemoryMarshal.AsBytes(data.AsSpan());
        int position = 0;
        for (int i = first; i < end; i++)
        {
            int length = lengths[i - first];
            if (length == 0)
            {
                blocks[i].Clear(layout, output);
            }
            else
            {
                Decode(layout, name, blocks[i], worker, position, length, output);
                position += length;
            }
        }
    }

    private static void Decode(TiffLayout layout, string name, BlockPlan.Block block, BlockWorker worker, int offset, int length, Span<byte> output)
    {
        int index = block.Index;
        int rowBytes = (int)layout.BlockRowBytes;
        int size = layout.RowsInBlock(block.Row) * rowBytes;
        if (layout.Compression == TiffLayout.CompressionNone)
        {
            if (length < size)
            {
                throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"block {index} holds {length} bytes; expected {size}."));
            }

            block.CopyTo(layout, worker.Raw.AsSpan(offset, size), output);
            return;
        }

        var decoded = worker.Block.AsSpan(0, size);
        worker.Inflater.Inflate(name, index, worker.Raw, offset, length, decoded);
        switch (layout.Predictor)
        {
            case 2:
                block.AccumulateTo(layout, decoded, output);
                break;
            case 3:
                TiffPredictor.UndoFloatingPoint(decoded, rowBytes, layout.SamplesPerBlockPixel, layout.BytesPerSample, worker.Row);
                block.CopyTo(layout, decoded, output);
                break;
            default:
                block.CopyTo(layout, decoded, output);
                break;
        }
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

    /// <summary>
    /// One thread's buffers and inflater for decoding blocks: rented from the shared pool so that repeated reads
    /// reuse them, and returned when the thread's share of the raster is done.
    /// </summary>
    private sealed class BlockWorker : IDisposable
    {
        private int[] _lengths = [];

        public BlockWorker(TiffLayout layout, bool useLibDeflate)
        {
            int blockBytes = (int)(layout.BlockHeight * layout.BlockRowBytes);
            Block = layout.Compression == TiffLayout.CompressionNone ? [] : ArrayPool<byte>.Shared.Rent(blockBytes);
            Row = layout.Predictor == 3 ? ArrayPool<byte>.Shared.Rent((int)layout.BlockRowBytes) : [];
            Inflater = new BlockInflater(useLibDeflate && layout.Compression != TiffLayout.CompressionNone);
        }

        /// <summary>Gets the raw (compressed, or uncompressed and used in place) bytes of the current block.</summary>
        public byte[] Raw { get; private set; } = [];

        /// <summary>Gets the inflate target (empty for uncompressed blocks).</summary>
        public byte[] Block { get; }

        /// <summary>Gets the row scratch of the floating-point predictor (empty for other predictors).</summary>
        public byte[] Row { get; }

        public BlockInflater Inflater { get; }

        /// <summary>Returns a scratch array for the stored lengths of a chunk's blocks.</summary>
        /// <param name="count">The blocks in the chunk.</param>
        /// <returns>At least <paramref name="count"/> entries.</returns>
        public int[] Lengths(int count)
        {
            if (_lengths.Length < count)
            {
                _lengths = new int[count];
            }

            return _lengths;
        }

        /// <summary>Returns the raw buffer, grown to at least <paramref name="length"/> bytes.</summary>
        /// <param name="length">The bytes the next block needs.</param>
        /// <returns>The buffer.</returns>
        public byte[] RawBuffer(int length)
        {
            if (Raw.Length < length)
            {
                Return(Raw);
                Raw = [];
                Raw = ArrayPool<byte>.Shared.Rent(length);
            }

            return Raw;
        }

        public void Dispose()
        {
            Inflater.Dispose();
            Return(Raw);
            Return(Block);
            Return(Row);
            Raw = [];
        }

        private static void Return(byte[] buffer)
        {
            if (buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
