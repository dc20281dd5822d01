using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Scaneo.Rasters;
using Scaneo.Rasters.GeoTiff;

namespace Scaneo.Abstractions.Tests.Rasters;

/// <summary>
/// The two Deflate decoders of the GeoTIFF reader, libdeflate (optional, native) and System.IO.Compression's
/// zlib (selected with the <c>Scaneo.Rasters.DisableLibDeflate</c> switch), give the same rasters and the same
/// errors.
/// </summary>
[Collection(LibDeflateSwitchCollection.Name)]
public class DeflateDecoderTests
{
    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData"), "*.tif").Order(StringComparer.Ordinal))
        {
            string file = Path.GetFileName(path);
            if (file != "zstd_u8.tif")
            {
                data.Add(file);
            }
        }

        return data;
    }

    [LibDeflateTheory]
    [MemberData(nameof(Samples))]
    public void Read_EverySample_LibDeflateAndZlibGiveIdenticalRasters(string file)
    {
        string path = SampleValues.Path(file);
        var info = RasterFile.ReadInfo(path);
        var window = new RasterReadOptions
        {
            Window = new RasterWindow(info.Width / 5, info.Height / 4, info.Width / 2, info.Height / 2),
            Bands = info.BandCount > 1 ? [info.BandCount - 1, 0] : [0],
        };

        foreach (var options in new[] { RasterReadOptions.Default, window })
        {
            var zlib = WithLibDeflate(false, () => RasterFile.Read(path, options));
            var libDeflate = WithLibDeflate(true, () => RasterFile.Read(path, options));

            AssertIdentical(zlib, libDeflate);
        }
    }

    [LibDeflateFact]
    public void Read_GeneratedLayouts_LibDeflateAndZlibGiveTheWrittenValues()
    {
        // Random samples barely compress, so every block goes through libdeflate when it is enabled.
        int seed = 0;
        foreach (var type in Enum.GetValues<RasterDataType>())
        {
            foreach (bool tiled in new[] { true, false })
            {
                foreach (bool separate in new[] { false, true })
                {
                    foreach (bool predictor in new[] { true, false })
                    {
                        var raster = GeoTiffWriteTests.CreateRaster(type, 75, 41, 3, null, null, null, seed++);
                        byte[] file = Write(raster, new GeoTiffWriteOptions { Tiled = tiled, TileSize = 32, RowsPerStrip = 7, BandInterleaved = separate, UsePredictor = predictor });
                        var window = new RasterReadOptions { Window = new RasterWindow(9, 5, 50, 30), Bands = [2, 0] };

                        var zlib = WithLibDeflate(false, () => RasterFile.Read(new MemoryStream(file), "zlib.tif"));
                        var libDeflate = WithLibDeflate(true, () => RasterFile.Read(new MemoryStream(file), "libdeflate.tif"));
                        var zlibWindow = WithLibDeflate(false, () => RasterFile.Read(new MemoryStream(file), "zlib.tif", window));
                        var libDeflateWindow = WithLibDeflate(true, () => RasterFile.Read(new MemoryStream(file), "libdeflate.tif", window));

                        AssertIdentical(raster, zlib);
                        AssertIdentical(raster, libDeflate);
                        AssertIdentical(zlibWindow, libDeflateWindow);
                        Assert.Equal(raster.GetValue(2, 5, 9), libDeflateWindow.GetValue(0, 0, 0));
                    }
                }
            }
        }
    }

    [LibDeflateFact]
    public void Read_CorruptDeflateBlocks_BothDecodersThrowTheSameErrorOrReturnTheSameRaster()
    {
        var raster = GeoTiffWriteTests.CreateRaster(RasterDataType.UInt16, 160, 96, 4, null, null, null, 7);
        byte[] original = Write(raster, new GeoTiffWriteOptions { Tiled = true, TileSize = 32 });
        var random = new Random(11);
        int failures = 0;
        for (int trial = 0; trial < 60; trial++)
        {
            byte[] bytes = (byte[])original.Clone();
            // One flip per file: with several corrupt blocks, which one the parallel reader reports first varies.
            // The middle of the file is compressed pixel data; the directory and tag values sit at its ends.
            int at = random.Next(bytes.Length / 10, bytes.Length * 9 / 10);
            bytes[at] ^= (byte)(1 << random.Next(8));

            string zlib = WithLibDeflate(false, () => Outcome(bytes));
            string libDeflate = WithLibDeflate(true, () => Outcome(bytes));

            Assert.Equal(zlib, libDeflate);
            failures += zlib.StartsWith(nameof(RasterFormatException), StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.True(failures > 10, $"only {failures} of 60 corrupted files were rejected");
    }

    [LibDeflateFact]
    public void Read_TileShorterThanItsStream_BothDecodersThrowTheSameFormatError()
    {
        var raster = GeoTiffWriteTests.CreateRaster(RasterDataType.Float32, 64, 64, 2, null, null, null, 3);
        byte[] file = Write(raster, new GeoTiffWriteOptions { Tiled = true, TileSize = 32 });

        // TileByteCounts[2] halved: the tile's stream stops midway and inflates to too few bytes.
        int counts = TagValueOffset(file, 325);
        int at = counts + (2 * 4);
        BitConverter.GetBytes(BitConverter.ToInt32(file, at) / 2).CopyTo(file, at);

        string zlib = WithLibDeflate(false, () => Outcome(file));
        string libDeflate = WithLibDeflate(true, () => Outcome(file));

        Assert.StartsWith(nameof(RasterFormatException) + ": corrupt.tif: block 2 inflates to", zlib, StringComparison.Ordinal);
        Assert.Equal(zlib, libDeflate);
    }

    [Fact]
    public void Read_SparseTile_ReadsZerosWithBothDecoders()
    {
        var raster = GeoTiffWriteTests.CreateRaster(RasterDataType.Int16, 64, 40, 3, null, null, null, 5);
        byte[] file = Write(raster, new GeoTiffWriteOptions { Tiled = true, TileSize = 32 });

        // Tile 1 (top right) stored with no bytes, as GDAL writes empty tiles with SPARSE_OK.
        BitConverter.GetBytes(0).CopyTo(file, TagValueOffset(file, 324) + 4);
        BitConverter.GetBytes(0).CopyTo(file, TagValueOffset(file, 325) + 4);

        foreach (bool enabled in new[] { false, true })
        {
            var read = WithLibDeflate(enabled, () => RasterFile.Read(new MemoryStream(file), "sparse.tif"));
            for (int b = 0; b < 3; b++)
            {
                for (int r = 0; r < 40; r++)
                {
                    for (int c = 0; c < 64; c++)
                    {
                        double expected = r < 32 && c >= 32 ? 0 : raster.GetValue(b, r, c);
                        Assert.Equal(expected, read.GetValue(b, r, c));
                    }
                }
            }
        }
    }

    [LibDeflateFact]
    public void ZlibDecompress_NoiseBlock_LibDeflateDecodesItExactly()
    {
        byte[] block = Noise(40_000, 1);
        byte[] compressed = Compress(block);
        var output = new byte[block.Length];
        using var decompressor = LibDeflate.TryCreateDecompressor();

        Assert.NotNull(decompressor);
        Assert.Equal(LibDeflate.Success, LibDeflate.ZlibDecompress(decompressor, compressed, output, out int produced));
        Assert.Equal(block.Length, produced);
        Assert.Equal(block, output);
        using var inflater = new BlockInflater(useLibDeflate: true);
        Assert.True(inflater.UsesLibDeflate);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Inflate_ValidBlock_ReturnsTheBlock(bool useLibDeflate)
    {
        byte[] block = Noise(10_000, 2);
        byte[] compressed = Compress(block);
        byte[] raw = [.. new byte[5], .. compressed, .. new byte[3]];
        var output = new byte[block.Length];
        using var inflater = new BlockInflater(useLibDeflate);

        inflater.Inflate("a.tif", 4, raw, 5, compressed.Length, output);

        Assert.Equal(block, output);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Inflate_StreamLongerThanTheBlock_ReturnsTheBlocksBytesLikeZlib(bool useLibDeflate)
    {
        // Some writers store a full-height last strip; GDAL and libtiff read the rows the strip holds.
        byte[] block = Noise(10_000, 3);
        byte[] compressed = Compress(block);
        var output = new byte[6_000];
        using var inflater = new BlockInflater(useLibDeflate);

        inflater.Inflate("a.tif", 4, compressed, 0, compressed.Length, output);

        Assert.Equal(block[..6_000], output);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Inflate_TruncatedStream_ThrowsFormatExceptionNamingTheBlock(bool useLibDeflate)
    {
        byte[] block = Noise(10_000, 4);
        byte[] compressed = Compress(block);
        var output = new byte[block.Length];
        using var inflater = new BlockInflater(useLibDeflate);

        var ex = Assert.Throws<RasterFormatException>(() => inflater.Inflate("a.tif", 4, compressed, 0, compressed.Length / 2, output));

        Assert.Equal("a.tif", ex.FileName);
        Assert.Contains("block 4 inflates to", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Inflate_Garbage_ThrowsFormatExceptionNamingTheBlock(bool useLibDeflate)
    {
        byte[] garbage = Noise(3_000, 5);
        garbage[0] = 0x78;
        garbage[1] = 0x9C; // A valid zlib header, then noise.
        var output = new byte[10_000];
        using var inflater = new BlockInflater(useLibDeflate);

        var ex = Assert.Throws<RasterFormatException>(() => inflater.Inflate("a.tif", 9, garbage, 0, garbage.Length, output));

        Assert.Contains("block 9", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsEnabled_DisableSwitchSet_ReturnsFalse()
    {
        bool enabled = WithLibDeflate(false, () => LibDeflate.IsEnabled);

        Assert.False(enabled);
        Assert.Equal(LibDeflate.IsAvailable, WithLibDeflate(true, () => LibDeflate.IsEnabled));
    }

    private static T WithLibDeflate<T>(bool enabled, Func<T> action)
    {
        AppContext.SetSwitch(LibDeflate.DisableSwitch, !enabled);
        try
        {
            return action();
        }
        finally
        {
            AppContext.SetSwitch(LibDeflate.DisableSwitch, false);
        }
    }

    private static string Outcome(byte[] file)
    {
        try
        {
            var raster = RasterFile.Read(new MemoryStream(file), "corrupt.tif", new RasterReadOptions { MaxBytes = 16 << 20 });
            return "raster " + Convert.ToHexString(SHA256.HashData(Bytes(raster)));
        }
        catch (ScaneoException ex)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
    }

    /// <summary>Returns where the LONG values of a tag of the first directory of a little-endian classic TIFF are.</summary>
    private static int TagValueOffset(byte[] file, ushort tag)
    {
        Assert.Equal((byte)'I', file[0]);
        int ifd = BitConverter.ToInt32(file, 4);
        int entries = BitConverter.ToUInt16(file, ifd);
        for (int i = 0; i < entries; i++)
        {
            int entry = ifd + 2 + (i * 12);
            if (BitConverter.ToUInt16(file, entry) == tag)
            {
                Assert.Equal(4, BitConverter.ToUInt16(file, entry + 2));
                int count = BitConverter.ToInt32(file, entry + 4);
                return count == 1 ? entry + 8 : BitConverter.ToInt32(file, entry + 8);
            }
        }

        throw new InvalidOperationException($"tag {tag} not found");
    }

    private static byte[] Write(Raster raster, GeoTiffWriteOptions options)
    {
        using var stream = new MemoryStream();
        RasterFile.WriteGeoTiff(raster, stream, options);
        return stream.ToArray();
    }

    private static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Compress(byte[] data)
    {
        using var stream = new MemoryStream();
        using (var zlib = new ZLibStream(stream, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return stream.ToArray();
    }

    private static byte[] Bytes(Raster raster) => raster switch
    {
        RasterBuffer<byte> r => r.GetArray(),
        RasterBuffer<sbyte> r => MemoryMarshal.AsBytes(r.Data).ToArray(),
        RasterBuffer<ushort> r => MemoryMarshal.AsBytes(r.Data).ToArray(),
        RasterBuffer<short> r => MemoryMarshal.AsBytes(r.Data).ToArray(),
        RasterBuffer<uint> r => MemoryMarshal.AsBytes(r.Data).ToArray(),
        RasterBuffer<int> r => MemoryMarshal.AsBytes(r.Data).ToArray(),
        RasterBuffer<float> r => MemoryMarshal.AsBytes(r.Data).ToArray(),
        RasterBuffer<double> r => MemoryMarshal.AsBytes(r.Data).ToArray(),
        _ => throw new InvalidOperationException("unexpected raster type " + raster.GetType()),
    };

    private static void AssertIdentical(Raster expected, Raster actual)
    {
        Assert.Equal(expected.DataType, actual.DataType);
        Assert.Equal((expected.Width, expected.Height, expected.BandCount), (actual.Width, actual.Height, actual.BandCount));
        Assert.Equal(expected.GeoTransform, actual.GeoTransform);
        Assert.Equal(expected.Crs, actual.Crs);
        Assert.Equal(expected.NoData, actual.NoData);
        Assert.Equal(Bytes(expected), Bytes(actual));
    }
}
