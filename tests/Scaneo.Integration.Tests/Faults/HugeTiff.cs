using System.Buffers.Binary;

namespace Scaneo.Integration.Tests.Faults;

/// <summary>
/// A hand-made little-endian TIFF whose IFD declares 100000 × 100000 uint8 pixels in ten strips of 1 GB,
/// while the file is a few hundred bytes: a reader must refuse it from the header, before allocating.
/// </summary>
internal static class HugeTiff
{
    public const int Side = 100_000;

    public static byte[] Create()
    {
        // Strips of 10000 rows × 100000 bytes = 1 GB: below LibTiff's 32-bit strip size and the reader's per-strip cap,
        // so what the reader refuses is the image's declared size, not a strip.
        const int RowsPerStrip = 10_000;
        const int Strips = 10;
        var entries = new List<(ushort Tag, ushort Type, uint Count, uint Value)>
        {
            (256, 4, 1, Side),          // ImageWidth (LONG)
            (257, 4, 1, Side),          // ImageLength
            (258, 3, 1, 8),             // BitsPerSample
            (259, 3, 1, 1),             // Compression: none
            (262, 3, 1, 1),             // Photometric: min-is-black
            (273, 4, Strips, 0),        // StripOffsets → array, patched below
            (277, 3, 1, 1),             // SamplesPerPixel
            (278, 4, 1, RowsPerStrip),  // RowsPerStrip
            (279, 4, Strips, 0),        // StripByteCounts → array, patched below
            (284, 3, 1, 1),             // PlanarConfiguration: contiguous
        };

        int ifdOffset = 8;
        int ifdSize = 2 + (entries.Count * 12) + 4;
        int offsetsArray = ifdOffset + ifdSize;
        int countsArray = offsetsArray + (Strips * 4);
        int dataOffset = countsArray + (Strips * 4);
        var bytes = new byte[dataOffset + 16];
        bytes[0] = (byte)'I';
        bytes[1] = (byte)'I';
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)ifdOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(ifdOffset), (ushort)entries.Count);
        int p = ifdOffset + 2;
        foreach (var (tag, type, count, value) in entries)
        {
            uint v = tag switch
            {
                273 => (uint)offsetsArray,
                279 => (uint)countsArray,
                _ => value,
            };
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(p), tag);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(p + 2), type);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(p + 4), count);
            if (type == 3 && count == 1)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(p + 8), (ushort)v);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(p + 8), v);
            }

            p += 12;
        }

        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(p), 0); // no next IFD
        for (int s = 0; s < Strips; s++)
        {
            long rows = Math.Min(RowsPerStrip, Side - ((long)s * RowsPerStrip));
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offsetsArray + (s * 4)), (uint)dataOffset);
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(countsArray + (s * 4)), (uint)(rows * Side));
        }

        return bytes;
    }
}
