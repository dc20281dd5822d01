using Scaneo.Rasters;

namespace Scaneo.Abstractions.Tests.Rasters;

public class SafetyTests
{
    private static byte[] Sample(string file) => File.ReadAllBytes(SampleValues.Path(file));

    private static Raster ReadBytes(byte[] bytes, RasterReadOptions? options = null) =>
        RasterFile.Read(new MemoryStream(bytes), "bad.tif", options);

    [Fact]
    public void Read_DeclaresHundredThousandSquared_RefusedBeforeAllocating()
    {
        // A valid 1 × 1 TIFF whose ImageWidth/ImageLength say 100000 × 100000.
        byte[] bytes = HugeHeader();
        long before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<RasterLimitExceededException>(() => ReadBytes(bytes));

        Assert.Equal(10_000_000_000L, ex.Declared);
        Assert.Equal("pixels", ex.Quantity);
        Assert.Contains("bad.tif", ex.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 50_000_000, "allocated before refusing");
    }

    [Fact]
    public void Read_MoreThanTwoGibibytesWithinTheLimits_RefusedAsTooLargeNotCorrupt()
    {
        // 33000² uint16 = 2.18 GB: within raised pixel and byte limits and below Array.MaxLength samples, but beyond
        // what one byte-addressed pixel buffer can span. It used to be allocated and then reported as corrupt.
        byte[] bytes = HugeHeader(new RasterBuffer<ushort>(1, 1), 33000);
        var options = new RasterReadOptions { MaxPixels = 2_000_000_000, MaxBytes = 8L << 30 };
        long before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<RasterLimitExceededException>(() => ReadBytes(bytes, options));

        Assert.Equal("bytes", ex.Quantity);
        Assert.Equal(33000L * 33000 * 2, ex.Declared);
        Assert.Equal(int.MaxValue, ex.Limit);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 50_000_000, "allocated before refusing");
    }

    [Fact]
    public void Read_BytesLimit_RefusesBeforeAllocating()
    {
        var options = new RasterReadOptions { MaxBytes = 1000 };

        var ex = Assert.Throws<RasterLimitExceededException>(() => RasterFile.Read(SampleValues.Path("tiles_contig_deflate_pred2_u16_13band.tif"), options));

        Assert.Equal(37L * 29 * 13 * 2, ex.Declared);
    }

    [Fact]
    public void Read_Zstd_ThrowsFormatExceptionNamingCompression()
    {
        var ex = Assert.Throws<RasterFormatException>(() => RasterFile.Read(SampleValues.Path("zstd_u8.tif")));

        Assert.Contains("ZSTD", ex.Message, StringComparison.Ordinal);
        Assert.Equal("zstd_u8.tif", ex.FileName);
    }

    [Fact]
    public void Read_NotARaster_ThrowsFormatException()
    {
        var ex = Assert.Throws<RasterFormatException>(() => ReadBytes("hello, world"u8.ToArray()));

        Assert.Contains("not a GeoTIFF, PNG or JPEG", ex.Message, StringComparison.Ordinal);
        Assert.Throws<RasterFormatException>(() => ReadBytes([]));
    }

    [Theory]
    [InlineData("strips_contig_deflate_u8.tif")]
    [InlineData("tiles_separate_lzw_pred2_u16.tif")]
    [InlineData("strips_packbits_i16.tif")]
    [InlineData("strips_jpeg_rgb_u8.tif")]
    [InlineData("bigtiff_deflate_u16.tif")]
    [InlineData("strips_none_u8_nodata.tif")]
    public void Read_TruncatedFiles_ThrowOnlyTypedExceptions(string file)
    {
        byte[] bytes = Sample(file);
        foreach (int length in new[] { 0, 4, 8, 16, 100, bytes.Length / 3, bytes.Length / 2, bytes.Length - 200, bytes.Length - 1 })
        {
            byte[] cut = bytes[..Math.Max(0, length)];
            var ex = Record.Exception(() => ReadBytes(cut));
            Assert.True(ex is null or ScaneoException, $"{file} cut at {length}: {ex}");
        }
    }

    [Theory]
    [InlineData("strips_contig_deflate_u8.tif")]
    [InlineData("tiles_contig_deflate_pred2_u16_13band.tif")]
    [InlineData("tiles_separate_lzw_pred2_u16.tif")]
    [InlineData("strips_jpeg_rgb_u8.tif")]
    [InlineData("userdefined_tm_u8.tif")]
    public void Read_BitFlippedFiles_ThrowOnlyTypedExceptions(string file)
    {
        byte[] original = Sample(file);
        var random = new Random(file.Length);
        for (int trial = 0; trial < 150; trial++)
        {
            byte[] bytes = (byte[])original.Clone();
            int flips = 1 + random.Next(4);
            for (int f = 0; f < flips; f++)
            {
                // Half the flips hit the header and directory, where corruption is most dangerous.
                int at = random.Next(2) == 0 ? random.Next(Math.Min(bytes.Length, 400)) : random.Next(bytes.Length);
                bytes[at] ^= (byte)(1 << random.Next(8));
            }

            var ex = Record.Exception(() =>
            {
                RasterFile.ReadInfo(new MemoryStream(bytes), "flipped.tif");
                ReadBytes(bytes, new RasterReadOptions { MaxBytes = 64 << 20 });
            });
            Assert.True(ex is null or ScaneoException, $"{file} trial {trial}: {ex}");
        }
    }

    private static byte[] HugeHeader() => HugeHeader(new RasterBuffer<byte>(1, 1), 100000);

    private static byte[] HugeHeader(Raster raster, int side)
    {
        using var stream = new MemoryStream();
        RasterFile.WriteGeoTiff(raster, stream, new GeoTiffWriteOptions { Compression = GeoTiffCompression.None });
        byte[] bytes = stream.ToArray();

        // Patch the LONG/SHORT values of tags 256 and 257 in the first IFD.
        int ifd = BitConverter.ToInt32(bytes, 4);
        int count = BitConverter.ToUInt16(bytes, ifd);
        for (int i = 0; i < count; i++)
        {
            int entry = ifd + 2 + (i * 12);
            ushort tag = BitConverter.ToUInt16(bytes, entry);
            ushort type = BitConverter.ToUInt16(bytes, entry + 2);
            if (tag is 256 or 257)
            {
                if (type == 3)
                {
                    // SHORT cannot hold 100000: rewrite as LONG.
                    BitConverter.GetBytes((ushort)4).CopyTo(bytes, entry + 2);
                }

                BitConverter.GetBytes(side).CopyTo(bytes, entry + 8);
            }
        }

        return bytes;
    }
}
