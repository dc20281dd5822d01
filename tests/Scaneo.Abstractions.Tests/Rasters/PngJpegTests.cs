using Scaneo.Rasters;

namespace Scaneo.Abstractions.Tests.Rasters;

public class PngJpegTests
{
    private static RasterBuffer<T> Pattern<T>(int bands, Func<int, int, int, T> value)
        where T : unmanaged
    {
        var raster = new RasterBuffer<T>(23, 17, bands);
        for (int b = 0; b < bands; b++)
        {
            for (int r = 0; r < 17; r++)
            {
                for (int c = 0; c < 23; c++)
                {
                    raster[b, r, c] = value(b, r, c);
                }
            }
        }

        return raster;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void WritePngThenRead_UInt8_IsLossless(int bands)
    {
        var raster = Pattern<byte>(bands, (b, r, c) => (byte)((b * 60) + (r * 11) + (c * 7)));
        using var stream = new MemoryStream();

        RasterFile.WritePng(raster, stream);
        stream.Position = 0;
        var back = (RasterBuffer<byte>)RasterFile.Read(stream, "mask.tif");

        Assert.Equal(bands, back.BandCount);
        Assert.Equal(raster.GetArray(), back.GetArray());
        Assert.Null(back.GeoTransform);
        stream.Position = 0;
        Assert.Equal(RasterFormat.Png, RasterFile.ReadInfo(stream, "mask.tif").Format);
    }

    [Fact]
    public void WritePngThenRead_UInt16Gray_IsLossless()
    {
        var raster = Pattern<ushort>(1, (_, r, c) => (ushort)((r * 3001) + (c * 17)));
        using var stream = new MemoryStream();

        RasterFile.WritePng(raster, stream);
        stream.Position = 0;
        var back = (RasterBuffer<ushort>)RasterFile.Read(stream, null);

        Assert.Equal(RasterDataType.UInt16, back.DataType);
        Assert.Equal(raster.GetArray(), back.GetArray());
    }

    [Fact]
    public void ReadPng_WindowAndBands_ReturnsThatPart()
    {
        var raster = Pattern<byte>(4, (b, r, c) => (byte)((b * 60) + (r * 11) + (c * 7)));
        using var stream = new MemoryStream();
        RasterFile.WritePng(raster, stream);
        stream.Position = 0;

        var back = RasterFile.Read(stream, "x.png", new RasterReadOptions { Window = new RasterWindow(3, 2, 10, 5), Bands = [3, 1] });

        Assert.Equal(10, back.Width);
        Assert.Equal(5, back.Height);
        Assert.Equal(raster[3, 2 + 4, 3 + 9], back.GetValue(0, 4, 9));
        Assert.Equal(raster[1, 2, 3], back.GetValue(1, 0, 0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void WriteJpegThenRead_UInt8_IsCloseToOriginal(int bands)
    {
        var raster = Pattern<byte>(bands, (b, r, c) => (byte)(40 + (b * 50) + (r * 4) + (c * 3)));
        using var stream = new MemoryStream();

        RasterFile.WriteJpeg(raster, stream, 95);
        stream.Position = 0;
        var back = (RasterBuffer<byte>)RasterFile.Read(stream, "photo.bin");

        Assert.Equal(bands, back.BandCount);
        double meanError = raster.GetArray().Zip(back.GetArray(), (a, b) => Math.Abs(a - b)).Average();
        Assert.InRange(meanError, 0, 3);
    }

    [Fact]
    public void WritePng_UnsupportedShape_ThrowsValidation()
    {
        Assert.Throws<ScaneoValidationException>(() => RasterFile.WritePng(new RasterBuffer<float>(2, 2), new MemoryStream()));
        Assert.Throws<ScaneoValidationException>(() => RasterFile.WriteJpeg(new RasterBuffer<byte>(2, 2, 4), new MemoryStream()));
        Assert.Throws<ScaneoValidationException>(() => RasterFile.WriteJpeg(new RasterBuffer<byte>(2, 2), new MemoryStream(), 0));
    }

    [Fact]
    public void ReadPng_DeclaringHugeSize_RefusedBeforeDecoding()
    {
        var raster = new RasterBuffer<byte>(1, 1);
        using var stream = new MemoryStream();
        RasterFile.WritePng(raster, stream);
        byte[] bytes = stream.ToArray();

        // IHDR width and height (big-endian) at offsets 16 and 20 = 100000; then fix the chunk CRC (offset 29).
        byte[] huge = [0x00, 0x01, 0x86, 0xA0];
        huge.CopyTo(bytes, 16);
        huge.CopyTo(bytes, 20);
        uint crc = Crc32(bytes.AsSpan(12, 17));
        bytes[29] = (byte)(crc >> 24);
        bytes[30] = (byte)(crc >> 16);
        bytes[31] = (byte)(crc >> 8);
        bytes[32] = (byte)crc;

        var ex = Assert.Throws<RasterLimitExceededException>(() => RasterFile.Read(new MemoryStream(bytes), "huge.png"));

        Assert.Equal(10_000_000_000L, ex.Declared);
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }

    [Fact]
    public void ReadPng_Truncated_ThrowsFormatException()
    {
        var raster = Pattern<byte>(3, (b, r, c) => (byte)(b + r + c));
        using var stream = new MemoryStream();
        RasterFile.WritePng(raster, stream);
        byte[] bytes = stream.ToArray()[..(int)(stream.Length / 2)];

        Assert.ThrowsAny<ScaneoException>(() => RasterFile.Read(new MemoryStream(bytes), "cut.png"));
    }
}
