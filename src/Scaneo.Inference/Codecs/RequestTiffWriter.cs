using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Inference.Codecs;

/// <summary>
/// Writes request images as uncompressed, band-planar GeoTIFF in one pass: the raster is already band-sequential,
/// so each band is one strip copied as-is. This keeps per-request overhead at memory-copy speed (a general writer
/// interleaves pixels through LibTiff, tens of ms for 13 × 512²). Only CRSs known by EPSG code are written here;
/// anything else goes through <see cref="RasterFile"/>.
/// </summary>
internal static class RequestTiffWriter
{
    private const ushort Short = 3;
    private const ushort Long = 4;
    private const ushort Ascii = 2;
    private const ushort Double = 12;

    public static bool CanWrite(Raster raster) =>
        BitConverter.IsLittleEndian
        && (raster.Crs is null || raster.Crs.Epsg is <= ushort.MaxValue)
        && raster.PixelCount * raster.BandCount * raster.DataType.SizeInBytes() < int.MaxValue - (1 << 20);

    public static ArraySegment<byte> Write(Raster raster)
    {
        int bands = raster.BandCount;
        int sampleBytes = raster.DataType.SizeInBytes();
        long bandBytes = raster.PixelCount * sampleBytes;
        var entries = new List<(ushort Tag, ushort Type, int Count, byte[] Value)>
        {
            (256, Long, 1, U32(raster.Width)),
            (257, Long, 1, U32(raster.Height)),
            (258, Short, bands, Repeat16((ushort)(sampleBytes * 8), bands)),
            (259, Short, 1, U16(1)),
            (262, Short, 1, U16(1)),
            (273, Long, bands, new byte[4 * bands]), // strip offsets, patched below
            (277, Short, 1, U16((ushort)bands)),
            (278, Long, 1, U32(raster.Height)),
            (279, Long, bands, RepeatU32((uint)bandBytes, bands)),
            (284, Short, 1, U16(2)),
        };
        if (bands > 1)
        {
            entries.Add((338, Short, bands - 1, new byte[2 * (bands - 1)]));
        }

        ushort format = raster.DataType switch
        {
            RasterDataType.Float32 or RasterDataType.Float64 => 3,
            RasterDataType.Int8 or RasterDataType.Int16 or RasterDataType.Int32 => 2,
            _ => 1,
        };
        entries.Add((339, Short, bands, Repeat16(format, bands)));
        if (raster.GeoTransform is GeoTransform gt)
        {
            if (!gt.IsRotated)
            {
                entries.Add((33550, Double, 3, Doubles(gt.A, -gt.E, 0)));
                entries.Add((33922, Double, 6, Doubles(0, 0, 0, gt.C, gt.F, 0)));
            }
            else
            {
                entries.Add((34264, Double, 16, Doubles(gt.A, gt.B, 0, gt.C, gt.D, gt.E, 0, gt.F, 0, 0, 0, 0, 0, 0, 0, 1)));
            }
        }

        if (raster.Crs?.Epsg is int epsg)
        {
            bool geographic = epsg is 7844 || (epsg is >= 4000 and <= 4999 && epsg is not (4087 or 4088 or 4936 or 4978));
            ushort[] keys =
            [
                1, 1, 0, 3,
                1024, 0, 1, (ushort)(geographic ? 2 : 1),
                1025, 0, 1, 1,
                (ushort)(geographic ? 2048 : 3072), 0, 1, (ushort)epsg,
            ];
            // CanWrite admits only codes that fit the key's ushort.
            var bytes = new byte[keys.Length * 2];
            for (int i = 0; i < keys.Length; i++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), keys[i]);
            }

            entries.Add((34735, Short, keys.Length, bytes));
        }

        if (raster.NoData is double nd)
        {
            byte[] text = Encoding.ASCII.GetBytes((double.IsNaN(nd) ? "nan" : nd.ToString("R", CultureInfo.InvariantCulture)) + "\0");
            entries.Add((42113, Ascii, text.Length, text));
        }

        // Layout: header, IFD, out-of-line values (8-byte padded), then the bands one after another.
        int ifdSize = 2 + (12 * entries.Count) + 4;
        int extra = entries.Where(e => e.Value.Length > 4).Sum(e => Pad(e.Value.Length));
        int dataStart = Pad(8 + ifdSize + extra);
        long total = dataStart + (bandBytes * bands);
        // Every pixel byte is overwritten, so only the header part needs zeroing.
        var buffer = GC.AllocateUninitializedArray<byte>((int)total);
        var span = buffer.AsSpan();
        span[..dataStart].Clear();
        span[0] = (byte)'I';
        span[1] = (byte)'I';
        BinaryPrimitives.WriteUInt16LittleEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], 8);
        var offsets = entries.Single(e => e.Tag == 273).Value;
        for (int b = 0; b < bands; b++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(offsets.AsSpan(b * 4), (uint)(dataStart + (b * bandBytes)));
        }

        int pos = 8;
        BinaryPrimitives.WriteUInt16LittleEndian(span[pos..], (ushort)entries.Count);
        pos += 2;
        int outOfLine = 8 + ifdSize;
        foreach (var (tag, type, count, value) in entries.OrderBy(e => e.Tag))
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span[pos..], tag);
            BinaryPrimitives.WriteUInt16LittleEndian(span[(pos + 2)..], type);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(pos + 4)..], (uint)count);
            if (value.Length <= 4)
            {
                value.CopyTo(span[(pos + 8)..]);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[(pos + 8)..], (uint)outOfLine);
                value.CopyTo(span[outOfLine..]);
                outOfLine += Pad(value.Length);
            }

            pos += 12;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(span[pos..], 0);
        CopyPixels(raster, span[dataStart..]);
        return new ArraySegment<byte>(buffer);
    }

    private static void CopyPixels(Raster raster, Span<byte> target)
    {
        ReadOnlySpan<byte> source = raster switch
        {
            RasterBuffer<byte> r => r.Data,
            RasterBuffer<sbyte> r => MemoryMarshal.AsBytes(r.Data),
            RasterBuffer<ushort> r => MemoryMarshal.AsBytes(r.Data),
            RasterBuffer<short> r => MemoryMarshal.AsBytes(r.Data),
            RasterBuffer<uint> r => MemoryMarshal.AsBytes(r.Data),
            RasterBuffer<int> r => MemoryMarshal.AsBytes(r.Data),
            RasterBuffer<float> r => MemoryMarshal.AsBytes(r.Data),
            RasterBuffer<double> r => MemoryMarshal.AsBytes(r.Data),
            _ => throw new ScaneoValidationException("Raster", raster.GetType().Name, "must be a RasterBuffer<T> to be sent as GeoTIFF."),
        };
        source.CopyTo(target);
    }

    private static int Pad(int n) => (n + 7) & ~7;

    private static byte[] U16(ushort v)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, v);
        return b;
    }

    private static byte[] U32(int v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)v);
        return b;
    }

    private static byte[] Repeat16(ushort v, int count)
    {
        var b = new byte[2 * count];
        for (int i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(i * 2), v);
        }

        return b;
    }

    private static byte[] RepeatU32(uint v, int count)
    {
        var b = new byte[4 * count];
        for (int i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(i * 4), v);
        }

        return b;
    }

    private static byte[] Doubles(params double[] values)
    {
        var b = new byte[8 * values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(i * 8), values[i]);
        }

        return b;
    }
}
