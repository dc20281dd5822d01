using System.Globalization;
using BitMiracle.LibTiff.Classic;

namespace Scaneo.Rasters.GeoTiff;

/// <summary>The pixel layout of a TIFF directory, validated: what the block readers need to know.</summary>
internal sealed class TiffLayout
{
    public const int CompressionNone = 1;
    public const int CompressionLzw = 5;
    public const int CompressionJpeg = 7;
    public const int CompressionAdobeDeflate = 8;
    public const int CompressionPackBits = 32773;
    public const int CompressionDeflate = 32946;

    private TiffLayout()
    {
    }

    public int Width { get; private init; }

    public int Height { get; private init; }

    public int SamplesPerPixel { get; private init; }

    public int BytesPerSample { get; private init; }

    public RasterDataType DataType { get; private init; }

    /// <summary>Gets a value indicating whether bands are stored in separate planes (PlanarConfiguration = 2).</summary>
    public bool Separate { get; private init; }

    public bool Tiled { get; private init; }

    /// <summary>Gets the block width: the tile width, or the image width for strips.</summary>
    public int BlockWidth { get; private init; }

    /// <summary>Gets the block height: the tile height, or rows per strip.</summary>
    public int BlockHeight { get; private init; }

    public int BlocksAcross { get; private init; }

    public int BlocksDown { get; private init; }

    public int Compression { get; private init; }

    public int Predictor { get; private init; }

    public bool ByteSwapped { get; private init; }

    /// <summary>Gets the samples per pixel inside one block: all of them when interleaved, one per plane otherwise.</summary>
    public int SamplesPerBlockPixel => Separate ? 1 : SamplesPerPixel;

    /// <summary>Gets the bytes of one decoded block row.</summary>
    public long BlockRowBytes => (long)BlockWidth * SamplesPerBlockPixel * BytesPerSample;

    /// <summary>Gets a value indicating whether Scaneo decodes blocks itself (native zlib) instead of LibTiff.</summary>
    public bool DecodesNatively =>
        Compression is CompressionNone or CompressionDeflate or CompressionAdobeDeflate &&
        (!ByteSwapped || BytesPerSample == 1) &&
        (Predictor is 1 or 2 || (Predictor == 3 && DataType.IsFloatingPoint()));

    /// <summary>Returns the rows actually stored in a block row (the last strip is shorter; tiles are padded).</summary>
    public int RowsInBlock(int blockRow) => Tiled ? BlockHeight : Math.Min(BlockHeight, Height - (blockRow * BlockHeight));

    /// <summary>Returns the TIFF strip or tile index of a block.</summary>
    public int BlockIndex(int plane, int blockRow, int blockColumn) =>
        (((plane * BlocksDown) + blockRow) * BlocksAcross) + blockColumn;

    /// <summary>Reads and validates the layout of the current directory.</summary>
    /// <param name="tiff">The open file.</param>
    /// <param name="name">File name for messages.</param>
    /// <returns>The layout.</returns>
    /// <exception cref="RasterFormatException">An unsupported sample format, bit depth, compression or layout.</exception>
    public static TiffLayout Read(Tiff tiff, string name)
    {
        int width = Int(tiff, TiffTag.IMAGEWIDTH) ?? throw new RasterFormatException(name, "the TIFF has no ImageWidth tag.");
        int height = Int(tiff, TiffTag.IMAGELENGTH) ?? throw new RasterFormatException(name, "the TIFF has no ImageLength tag.");
        if (width <= 0 || height <= 0)
        {
            throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"the TIFF declares {width} × {height} pixels; expected a positive size."));
        }

        int spp = Int(tiff, TiffTag.SAMPLESPERPIXEL) ?? 1;
        int bits = Int(tiff, TiffTag.BITSPERSAMPLE) ?? 1;
        int sampleFormat = Int(tiff, TiffTag.SAMPLEFORMAT) ?? 1;
        int compression = Int(tiff, TiffTag.COMPRESSION) ?? CompressionNone;
        int planar = Int(tiff, TiffTag.PLANARCONFIG) ?? 1;
        int predictor = Int(tiff, TiffTag.PREDICTOR) ?? 1;
        int photometric = Int(tiff, TiffTag.PHOTOMETRIC) ?? 1;
        if (spp is < 1 or > 65535)
        {
            throw new RasterFormatException(name, $"SamplesPerPixel is {spp}; expected 1 or more.");
        }

        var dataType = (sampleFormat, bits) switch
        {
            (1 or 4, 8) => RasterDataType.UInt8,
            (2, 8) => RasterDataType.Int8,
            (1 or 4, 16) => RasterDataType.UInt16,
            (2, 16) => RasterDataType.Int16,
            (1 or 4, 32) => RasterDataType.UInt32,
            (2, 32) => RasterDataType.Int32,
            (3, 32) => RasterDataType.Float32,
            (3, 64) => RasterDataType.Float64,
            _ => throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"SampleFormat {sampleFormat} with {bits} bits per sample ({DescribeSampleFormat(sampleFormat)}) is not supported; expected 8/16/32-bit integers or 32/64-bit floats.")),
        };

        if (compression is not (CompressionNone or CompressionLzw or CompressionJpeg or CompressionAdobeDeflate or CompressionDeflate or CompressionPackBits))
        {
            throw new RasterFormatException(name, $"compression {DescribeCompression(compression)} is not supported; expected none, LZW, Deflate, PackBits or JPEG (re-encode with gdal_translate -co COMPRESS=DEFLATE).");
        }

        if (predictor is not (1 or 2 or 3) || (predictor == 3 && !dataType.IsFloatingPoint()))
        {
            throw new RasterFormatException(name, $"predictor {predictor} is not supported for {dataType.ToName()} samples; expected 1, 2, or 3 for floats.");
        }

        if (photometric == 6 && compression == CompressionJpeg)
        {
            // YCbCr JPEG: let the codec convert to RGB so the bands are what GDAL reports.
            tiff.SetField(TiffTag.JPEGCOLORMODE, JpegColorMode.RGB);
        }
        else if (photometric == 6)
        {
            throw new RasterFormatException(name, "YCbCr photometric interpretation without JPEG compression is not supported.");
        }

        bool tiled = tiff.IsTiled();
        int blockWidth;
        int blockHeight;
        if (tiled)
        {
            blockWidth = Int(tiff, TiffTag.TILEWIDTH) ?? 0;
            blockHeight = Int(tiff, TiffTag.TILELENGTH) ?? 0;
            if (blockWidth <= 0 || blockHeight <= 0)
            {
                throw new RasterFormatException(name, $"the tile size {blockWidth} × {blockHeight} is not valid; expected positive tile dimensions.");
            }
        }
        else
        {
            blockWidth = width;
            long rowsPerStrip = tiff.GetFieldDefaulted(TiffTag.ROWSPERSTRIP) is { Length: > 0 } v ? v[0].ToUInt() : uint.MaxValue;
            blockHeight = (int)Math.Clamp(rowsPerStrip, 1, height);
        }

        int bytesPerSample = bits / 8;
        bool separate = planar == 2 && spp > 1;
        long blockBytes = (long)blockWidth * blockHeight * (separate ? 1 : spp) * bytesPerSample;
        if (blockBytes > int.MaxValue / 2)
        {
            throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"one {(tiled ? "tile" : "strip")} decodes to {blockBytes} bytes; expected at most {int.MaxValue / 2} (rewrite the file with smaller strips or tiles)."));
        }

        var layout = new TiffLayout
        {
            Width = width,
            Height = height,
            SamplesPerPixel = spp,
            BytesPerSample = bytesPerSample,
            DataType = dataType,
            Separate = separate,
            Tiled = tiled,
            BlockWidth = blockWidth,
            BlockHeight = blockHeight,
            BlocksAcross = (int)(((long)width + blockWidth - 1) / blockWidth),
            BlocksDown = (int)(((long)height + blockHeight - 1) / blockHeight),
            Compression = compression,
            Predictor = compression is CompressionLzw or CompressionDeflate or CompressionAdobeDeflate ? predictor : 1,
            ByteSwapped = tiff.IsByteSwapped(),
        };

        long blocks = (long)layout.BlocksAcross * layout.BlocksDown * (separate ? spp : 1);
        int declared = tiled ? tiff.NumberOfTiles() : tiff.NumberOfStrips();
        if (declared < blocks)
        {
            throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"the file lists {declared} {(tiled ? "tiles" : "strips")} but its size needs {blocks}; the file is corrupt."));
        }

        return layout;
    }

    internal static int? Int(Tiff tiff, TiffTag tag)
    {
        var value = tiff.GetField(tag);
        return value is { Length: > 0 } ? value[0].ToInt() : null;
    }

    private static string DescribeSampleFormat(int sampleFormat) => sampleFormat switch
    {
        1 => "unsigned integer",
        2 => "signed integer",
        3 => "IEEE float",
        5 or 6 => "complex",
        _ => "unknown",
    };

    private static string DescribeCompression(int compression) => compression switch
    {
        2 or 3 or 4 => compression.ToString(CultureInfo.InvariantCulture) + " (CCITT fax)",
        6 => "6 (old-style JPEG)",
        34887 => "34887 (LERC)",
        34925 => "34925 (LZMA)",
        50000 => "50000 (ZSTD)",
        50001 => "50001 (WebP)",
        50002 => "50002 (JPEG XL)",
        _ => compression.ToString(CultureInfo.InvariantCulture),
    };
}
