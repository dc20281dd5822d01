using System.Globalization;
using System.IO.Compression;

namespace Scaneo.Rasters.GeoTiff;

/// <summary>
/// Inflates the zlib streams of Deflate (8 and 32946) TIFF blocks for one thread: with libdeflate when it is
/// enabled (<see cref="LibDeflate"/>), otherwise with System.IO.Compression's zlib. Whenever libdeflate does not
/// produce exactly the block (corrupt data, a bad Adler-32, a stream that inflates to more or fewer bytes), zlib
/// decodes the block again and decides: both decoders then accept, reject and return exactly the same blocks, and
/// a corrupt block fails with the same <see cref="RasterFormatException"/> whichever decoder is installed.
/// </summary>
internal sealed class BlockInflater : IDisposable
{
    /// <summary>
    /// The inflate ratio above which blocks go to zlib even when libdeflate is enabled. libdeflate inflates
    /// ordinary data 1.3–2.5× faster, but long runs of maximal matches (a one-row strip of a land-cover mask
    /// inflates 250×: 10980 bytes from 42) take it 2–5× longer than zlib-ng, whose run copy is faster.
    /// Measured on the project machine: libdeflate wins up to about 25×, ties near 80×, loses beyond.
    /// </summary>
    internal const int MaxLibDeflateRatio = 32;

    private readonly LibDeflateDecompressor? _native;

    /// <summary>Initializes a new instance of the <see cref="BlockInflater"/> class.</summary>
    /// <param name="useLibDeflate">Whether to try libdeflate (the caller read <see cref="LibDeflate.IsEnabled"/> once per raster).</param>
    public BlockInflater(bool useLibDeflate) => _native = useLibDeflate ? LibDeflate.TryCreateDecompressor() : null;

    /// <summary>Gets a value indicating whether this inflater decodes with libdeflate.</summary>
    public bool UsesLibDeflate => _native is not null;

    /// <summary>Inflates a block's zlib stream into exactly <paramref name="destination"/>.</summary>
    /// <param name="name">The file name, for messages.</param>
    /// <param name="blockIndex">The strip or tile index, for messages.</param>
    /// <param name="raw">The buffer holding the compressed block.</param>
    /// <param name="offset">Where the block starts in <paramref name="raw"/>.</param>
    /// <param name="length">The compressed bytes.</param>
    /// <param name="destination">The decoded block, whose size the layout fixes.</param>
    /// <exception cref="RasterFormatException">The block is corrupt or inflates to fewer bytes than the block holds.</exception>
    public void Inflate(string name, int blockIndex, byte[] raw, int offset, int length, Span<byte> destination)
    {
        if (_native is not null &&
            (long)length * MaxLibDeflateRatio >= destination.Length &&
            LibDeflate.ZlibDecompress(_native, raw.AsSpan(offset, length), destination, out int actual) == LibDeflate.Success &&
            actual == destination.Length)
        {
            return;
        }

        InflateWithZlib(name, blockIndex, raw, offset, length, destination);
    }

    public void Dispose() => _native?.Dispose();

    private static void InflateWithZlib(string name, int blockIndex, byte[] raw, int offset, int length, Span<byte> destination)
    {
        int produced;
        try
        {
            using var input = new MemoryStream(raw, offset, length, writable: false);
            using var inflater = new ZLibStream(input, CompressionMode.Decompress);
            produced = inflater.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException ex)
        {
            throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"block {blockIndex} holds corrupt Deflate data ({ex.Message})."), ex);
        }

        if (produced < destination.Length)
        {
            throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"block {blockIndex} inflates to {produced} bytes; expected {destination.Length}. The file is truncated or corrupt."));
        }
    }
}
