using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Scaneo.Geo;

namespace Scaneo.Rasters.GeoTiff;

/// <summary>
/// Writes the one layout that needs no encoding at all — uncompressed, band-planar, one strip per band — without
/// LibTiff: the raster is already band-sequential, so the file is a small header followed by the raster's memory
/// as-is, written straight to the target stream (no seeking, no copy of the pixels). This is what model requests
/// send (13 × 512² uint16 in about a millisecond, where pixel interleaving through LibTiff takes tens).
/// The tags are the ones <see cref="GeoTiffWriter"/> writes for the same options, GeoKeys included.
/// </summary>
internal static class PlanarGeoTiffWriter
{
    private const ushort Ascii = 2;
    private const ushort Short = 3;
    private const ushort Long = 4;
    private const ushort Double = 12;

    // Classic TIFF offsets are 32-bit; leave room for the header.
    private const long MaxBytes = uint.MaxValue - (16L << 20);

    /// <summary>Gets a value indicating whether the options ask for exactly this layout and the raster fits it.</summary>
    public static bool Handles(Raster raster, GeoTiffWriteOptions options) =>
        options.Compression == GeoTiffCompression.None
        && options.Tiled == false
        && options.RowsPerStrip is int rows && rows >= raster.Height
        && (options.BandInterleaved || raster.BandCount == 1)
        && options.BigTiff != true
        && BitConverter.IsLittleEndian
        && raster.PixelCount * raster.BandCount * raster.DataType.SizeInBytes() <= MaxBytes;

    /// <summary>Writes the header, then each band's samples.</summary>
    public static void Write(Raster raster, Stream stream)
    {
        byte[] header = Header(raster);
        stream.Write(header);
        ReadOnlySpan<byte> pixels = Pixels(raster);
        // Large writes in bands keep each call's span modest for streams that copy per call.
        long bandBytes = pixels.Length / raster.BandCount;
        for (int b = 0; b < raster.BandCount; b++)
        {
            stream.Write(pixels.Slice((int)(b * bandBytes), (int)bandBytes));
        }
    }

    /// <summary>Gets the size of the file <see cref="Write"/> produces.</summary>
    public static long Length(Raster raster) =>
        Header(raster).Length + (raster.PixelCount * raster.BandCount * raster.DataType.SizeInBytes());

    private static ReadOnlySpan<byte> Pixels(Raster raster) => raster switch
    {
        RasterBuffer<byte> r => r.Data,
        RasterBuffer<sbyte> r => MemoryMarshal.AsBytes(r.Data),
        RasterBuffer<ushort> r => MemoryMarshal.AsBytes(r.Data),
        RasterBuffer<short> r => MemoryMarshal.AsBytes(r.Data),
        RasterBuffer<uint> r => MemoryMarshal.AsBytes(r.Data),
        RasterBuffer<int> r => MemoryMarshal.AsBytes(r.Data),
        RasterBuffer<float> r => MemoryMarshal.AsBytes(r.Data),
        RasterBuffer<double> r => MemoryMarshal.AsBytes(r.Data),
        _ => throw new ScaneoValidationException("Raster", raster.GetType().Name, "must be a RasterBuffer<T> of a raster sample type."),
    };

    /// <summary>Builds everything before the pixels: TIFF header, the one IFD, its out-of-line values, padding.</summary>
    private static byte[] Header(Raster raster)
    {
        int bands = raster.BandCount;
        int sampleBytes = raster.DataType.SizeInBytes();
        long bandBytes = raster.PixelCount * sampleBytes;
        bool rgb = bands == 3 && raster.DataType == RasterDataType.UInt8;
        var entries = new List<(ushort Tag, ushort Type, int Count, byte[] Value)>
        {
            (256, Long, 1, U32((uint)raster.Width)),
            (257, Long, 1, U32((uint)raster.Height)),
            (258, Short, bands, Repeat16((ushort)(sampleBytes * 8), bands)),
            (259, Short, 1, U16(1)),
            (262, Short, 1, U16(rgb ? (ushort)2 : (ushort)1)),
            (273, Long, bands, new byte[4 * bands]), // strip offsets, filled in once the layout is known
            (277, Short, 1, U16((ushort)bands)),
            (278, Long, 1, U32((uint)raster.Height)),
            (279, Long, bands, Repeat32((uint)bandBytes, bands)),
            (284, Short, 1, U16(bands > 1 ? (ushort)2 : (ushort)1)),
            (339, Short, bands, Repeat16(raster.DataType switch
            {
                RasterDataType.Float32 or RasterDataType.Float64 => 3,
                RasterDataType.Int8 or RasterDataType.Int16 or RasterDataType.Int32 => 2,
                _ => 1,
            }, bands)),
        };
        if (!rgb && bands > 1)
        {
            entries.Add((338, Short, bands - 1, new byte[2 * (bands - 1)]));
        }

        if (raster.GeoTransform is GeoTransform gt)
        {
            if (gt.IsNorthUp)
            {
                entries.Add(((ushort)GeoTiffTags.ModelPixelScale, Double, 3, Doubles(gt.A, -gt.E, 0)));
                entries.Add(((ushort)GeoTiffTags.ModelTiepoint, Double, 6, Doubles(0, 0, 0, gt.C, gt.F, 0)));
            }
            else
            {
                entries.Add(((ushort)GeoTiffTags.ModelTransformation, Double, 16, Doubles(gt.A, gt.B, 0, gt.C, gt.D, gt.E, 0, gt.F, 0, 0, 0, 0, 0, 0, 0, 1)));
            }
        }

        if (raster.Crs is CrsReference crs)
        {
            var (directory, doubles, ascii) = GeoKeys.Build(crs);
            var keys = new byte[directory.Length * 2];
            for (int i = 0; i < directory.Length; i++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(keys.AsSpan(i * 2), directory[i]);
            }

            entries.Add(((ushort)GeoTiffTags.GeoKeyDirectory, Short, directory.Length, keys));
            if (doubles.Length > 0)
            {
                entries.Add(((ushort)GeoTiffTags.GeoDoubleParams, Double, doubles.Length, Doubles(doubles)));
            }

            if (ascii.Length > 0)
            {
                byte[] text = AsciiZ(ascii);
                entries.Add(((ushort)GeoTiffTags.GeoAsciiParams, Ascii, text.Length, text));
            }
        }

        if (raster.NoData is double noData)
        {
            byte[] text = AsciiZ(GeoTiffWriter.FormatNoData(noData, raster.DataType));
            entries.Add(((ushort)GeoTiffTags.GdalNoData, Ascii, text.Length, text));
        }

        entries.Sort((x, y) => x.Tag.CompareTo(y.Tag));
        int ifdSize = 2 + (12 * entries.Count) + 4;
        int outOfLineSize = 0;
        foreach (var entry in entries)
        {
            outOfLineSize += entry.Value.Length > 4 ? Pad(entry.Value.Length) : 0;
        }

        int dataStart = Pad(8 + ifdSize + outOfLineSize);
        byte[] offsets = entries.Find(e => e.Tag == 273).Value;
        for (int b = 0; b < bands; b++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(offsets.AsSpan(b * 4), (uint)(dataStart + (b * bandBytes)));
        }

        var header = new byte[dataStart];
        Span<byte> span = header;
        span[0] = (byte)'I';
        span[1] = (byte)'I';
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], 8);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], (ushort)entries.Count);
        int position = 10;
        int outOfLine = 8 + ifdSize;
        foreach (var (tag, type, count, value) in entries)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span[position..], tag);
            BinaryPrimitives.WriteUInt16LittleEndian(span[(position + 2)..], type);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(position + 4)..], (uint)count);
            if (value.Length <= 4)
            {
                value.CopyTo(span[(position + 8)..]);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[(position + 8)..], (uint)outOfLine);
                value.CopyTo(span[outOfLine..]);
                outOfLine += Pad(value.Length);
            }

            position += 12;
        }

        // The next-IFD offset after the entries stays 0: one image.
        return header;
    }

    private static int Pad(int n) => (n + 7) & ~7;

    private static byte[] AsciiZ(string text)
    {
        var bytes = new byte[Encoding.ASCII.GetByteCount(text) + 1];
        Encoding.ASCII.GetBytes(text, bytes);
        return bytes;
    }

    private static byte[] U16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Repeat16(ushort value, int count)
    {
        var bytes = new byte[2 * count];
        for (int i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), value);
        }

        return bytes;
    }

    private static byte[] Repeat32(uint value, int count)
    {
        var bytes = new byte[4 * count];
        for (int i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), value);
        }

        return bytes;
    }

    private static byte[] Doubles(params double[] values)
    {
        var bytes = new byte[8 * values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(i * 8), values[i]);
        }

        return bytes;
    }
}
