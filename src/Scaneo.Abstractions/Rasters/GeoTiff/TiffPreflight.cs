using System.Buffers.Binary;
using System.Globalization;

namespace Scaneo.Rasters.GeoTiff;

/// <summary>
/// Checks the first image directory before LibTiff reads it: every tag whose values live outside the entry must
/// fit inside the file. LibTiff.NET trusts the declared counts and would allocate and read hundreds of megabytes
/// for a 1 KB file whose count field has one flipped bit.
/// </summary>
internal static class TiffPreflight
{
    public static void Check(Stream stream, string name)
    {
        long length = stream.Length;
        long start = stream.Position;
        try
        {
            Span<byte> header = stackalloc byte[16];
            if (stream.ReadAtLeast(header, 16, throwOnEndOfStream: false) < 8)
            {
                throw new RasterFormatException(name, "the TIFF header is truncated.");
            }

            bool little = header[0] == 'I';
            bool big = (little ? BinaryPrimitives.ReadUInt16LittleEndian(header[2..]) : BinaryPrimitives.ReadUInt16BigEndian(header[2..])) == 43;
            long ifd = big ? (long)Read64(header[8..], little) : Read32(header[4..], little);
            int countSize = big ? 8 : 2;
            int entrySize = big ? 20 : 12;
            int inline = big ? 8 : 4;
            if (ifd < 8 || ifd + countSize > length)
            {
                throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"the first image directory offset {ifd} lies outside the {length}-byte file."));
            }

            stream.Position = ifd;
            Span<byte> countBytes = stackalloc byte[8];
            stream.ReadExactly(countBytes[..countSize]);
            long entries = big ? (long)Read64(countBytes, little) : (little ? BinaryPrimitives.ReadUInt16LittleEndian(countBytes) : BinaryPrimitives.ReadUInt16BigEndian(countBytes));
            if (entries <= 0 || ifd + countSize + (entries * entrySize) > length)
            {
                throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"the image directory declares {entries} entries that do not fit in the {length}-byte file."));
            }

            var table = new byte[entries * entrySize];
            stream.ReadExactly(table);
            for (long i = 0; i < entries; i++)
            {
                var entry = table.AsSpan((int)(i * entrySize), entrySize);
                ushort tag = little ? BinaryPrimitives.ReadUInt16LittleEndian(entry) : BinaryPrimitives.ReadUInt16BigEndian(entry);
                ushort type = little ? BinaryPrimitives.ReadUInt16LittleEndian(entry[2..]) : BinaryPrimitives.ReadUInt16BigEndian(entry[2..]);
                ulong count = big ? Read64(entry[4..], little) : Read32(entry[4..], little);
                int size = type switch
                {
                    1 or 2 or 6 or 7 => 1,
                    3 or 8 => 2,
                    4 or 9 or 11 or 13 => 4,
                    5 or 10 or 12 or 16 or 17 or 18 => 8,
                    _ => 0, // Unknown types are skipped by LibTiff.
                };
                if (size == 0 || count <= (ulong)(inline / size))
                {
                    continue;
                }

                ulong offset = big ? Read64(entry[12..], little) : Read32(entry[8..], little);
                if (count > (ulong)length || offset + (count * (ulong)size) > (ulong)length)
                {
                    throw new RasterFormatException(name, string.Create(CultureInfo.InvariantCulture, $"tag {tag} declares {count} values at offset {offset}, beyond the end of the {length}-byte file; the file is corrupt or truncated."));
                }
            }
        }
        catch (EndOfStreamException ex)
        {
            throw new RasterFormatException(name, "the TIFF image directory is truncated.", ex);
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static uint Read32(ReadOnlySpan<byte> b, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b) : BinaryPrimitives.ReadUInt32BigEndian(b);

    private static ulong Read64(ReadOnlySpan<byte> b, bool little) =>
        little ? BinaryPrimitives.ReadUInt64LittleEndian(b) : BinaryPrimitives.ReadUInt64BigEndian(b);
}
