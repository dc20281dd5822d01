using FsCheck;
using FsCheck.Fluent;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Abstractions.Tests.Rasters;

public class GeoTiffWriteTests
{
    private static readonly int[] Epsgs = [4326, 3857, 32631, 32723, 31985, 25832, 26915];

    public static Raster CreateRaster(RasterDataType type, int width, int height, int bands, GeoTransform? gt, CrsReference? crs, double? noData, int seed)
    {
        var random = new Random(seed);
        long n = (long)width * height * bands;
        double Next() => random.NextDouble();
        return type switch
        {
            RasterDataType.UInt8 => new RasterBuffer<byte>(Fill(n, _ => (byte)random.Next(256)), width, height, bands, gt, crs, noData),
            RasterDataType.Int8 => new RasterBuffer<sbyte>(Fill(n, _ => (sbyte)random.Next(-128, 128)), width, height, bands, gt, crs, noData),
            RasterDataType.UInt16 => new RasterBuffer<ushort>(Fill(n, _ => (ushort)random.Next(65536)), width, height, bands, gt, crs, noData),
            RasterDataType.Int16 => new RasterBuffer<short>(Fill(n, _ => (short)random.Next(-32768, 32768)), width, height, bands, gt, crs, noData),
            RasterDataType.UInt32 => new RasterBuffer<uint>(Fill(n, _ => (uint)random.NextInt64(uint.MaxValue)), width, height, bands, gt, crs, noData),
            RasterDataType.Int32 => new RasterBuffer<int>(Fill(n, _ => random.Next(int.MinValue, int.MaxValue)), width, height, bands, gt, crs, noData),
            RasterDataType.Float32 => new RasterBuffer<float>(Fill(n, i => i % 17 == 0 ? float.NaN : (float)((Next() - 0.5) * 1e6)), width, height, bands, gt, crs, noData),
            _ => new RasterBuffer<double>(Fill(n, i => i % 13 == 0 ? -0.0 : (Next() - 0.5) * 1e12), width, height, bands, gt, crs, noData),
        };
    }

    private static T[] Fill<T>(long n, Func<long, T> value)
    {
        var data = new T[n];
        for (long i = 0; i < n; i++)
        {
            data[i] = value(i);
        }

        return data;
    }

    private static void AssertSame(Raster expected, Raster actual)
    {
        Assert.Equal(expected.DataType, actual.DataType);
        Assert.Equal(expected.Width, actual.Width);
        Assert.Equal(expected.Height, actual.Height);
        Assert.Equal(expected.BandCount, actual.BandCount);
        Assert.Equal(expected.GeoTransform, actual.GeoTransform);
        Assert.Equal(expected.Crs, actual.Crs);
        Assert.Equal(expected.NoData, actual.NoData);
        for (int b = 0; b < expected.BandCount; b++)
        {
            for (int r = 0; r < expected.Height; r++)
            {
                for (int c = 0; c < expected.Width; c++)
                {
                    double e = expected.GetValue(b, r, c);
                    double a = actual.GetValue(b, r, c);
                    if (BitConverter.DoubleToInt64Bits(e) != BitConverter.DoubleToInt64Bits(a) && !(double.IsNaN(e) && double.IsNaN(a)))
                    {
                        Assert.Fail($"band {b} row {r} column {c}: wrote {e}, read {a}");
                    }
                }
            }
        }
    }

    private static Raster RoundTrip(Raster raster, GeoTiffWriteOptions options)
    {
        using var stream = new MemoryStream();
        RasterFile.WriteGeoTiff(raster, stream, options);
        stream.Position = 0;
        return RasterFile.Read(stream, "roundtrip.tif");
    }

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property WriteThenRead_ArbitraryRaster_GivesIdenticalValuesTransformAndCrs()
    {
        var gen =
            from type in Gen.Elements(Enum.GetValues<RasterDataType>())
            from width in Gen.Choose(1, 70)
            from height in Gen.Choose(1, 70)
            from bands in Gen.Elements(1, 2, 3, 4, 13)
            from rotated in Gen.Elements(false, false, true)
            from x0 in Gen.Choose(-500000, 900000)
            from size in Gen.Choose(1, 1000)
            from epsg in Gen.Elements(Epsgs.Select(e => (int?)e).Append(null).ToArray())
            from noData in Gen.Elements<double?>(null, 0, 255, -9999, double.NaN)
            from compression in Gen.Elements(Enum.GetValues<GeoTiffCompression>())
            from tiled in Gen.Elements<bool?>(null, true, false)
            from separate in Gen.Elements(false, true)
            from seed in Gen.Choose(0, 100000)
            select (type, width, height, bands, rotated, x0, size, epsg, noData, compression, tiled, separate, seed);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            double pixel = c.size / 8.0;
            GeoTransform? gt = c.epsg is null && c.seed % 5 == 0
                ? null
                : c.rotated
                    ? new GeoTransform(c.x0, pixel * 0.8, pixel * 0.6, 4000000.5, pixel * 0.6, -pixel * 0.8)
                    : new GeoTransform(c.x0 + 0.25, pixel, 0, 4000000.5, 0, -pixel);
            double? noData = c.noData is double nd && !double.IsNaN(nd) && !c.type.IsFloatingPoint() && (nd < 0 && c.type is RasterDataType.UInt8 or RasterDataType.UInt16 or RasterDataType.UInt32) ? null : c.noData;
            var raster = CreateRaster(c.type, c.width, c.height, c.bands, gt, c.epsg is int e ? CrsReference.FromEpsg(e) : null, noData, c.seed);
            var options = new GeoTiffWriteOptions { Compression = c.compression, Tiled = c.tiled, TileSize = 16, BandInterleaved = c.separate, RowsPerStrip = (c.seed % 3) switch { 0 => 1, 1 => int.MaxValue, _ => null } };

            AssertSame(raster, RoundTrip(raster, options));
        });
    }

    [Fact]
    public void WriteGeoTiff_LargeRasterByDefault_IsTiledDeflateAndRoundTrips()
    {
        var raster = CreateRaster(RasterDataType.UInt16, 600, 530, 3, new GeoTransform(300000, 10, 0, 5000000, 0, -10), CrsReference.FromEpsg(32632), 0, 1);
        string path = Path.Combine(Path.GetTempPath(), "scaneo-write-" + Guid.NewGuid().ToString("N") + ".tif");
        try
        {
            RasterFile.WriteGeoTiff(raster, path);

            AssertSame(raster, RasterFile.Read(path));
            Assert.Empty(Directory.GetFiles(Path.GetTempPath(), "." + Path.GetFileName(path) + ".*.tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WriteGeoTiff_WktOnlyCrs_IsReadBackAsTheSameWkt()
    {
        var info = RasterFile.ReadInfo(SampleValues.Path("userdefined_tm_u8.tif"));
        var raster = CreateRaster(RasterDataType.UInt8, 10, 8, 1, info.GeoTransform, info.Crs, null, 3);

        var back = RoundTrip(raster, GeoTiffWriteOptions.Default);

        Assert.Equal(info.Crs, back.Crs);
    }

    [Fact]
    public void WriteGeoTiff_BigTiffOption_RoundTrips()
    {
        var raster = CreateRaster(RasterDataType.Float32, 40, 30, 2, new GeoTransform(0, 1, 0, 0, 0, -1), CrsReference.FromEpsg(3857), double.NaN, 5);
        using var stream = new MemoryStream();
        RasterFile.WriteGeoTiff(raster, stream, new GeoTiffWriteOptions { BigTiff = true });

        Assert.Equal(43, stream.ToArray()[2]);
        stream.Position = 0;
        AssertSame(raster, RasterFile.Read(stream, "big.tif"));
    }

    private static readonly GeoTiffWriteOptions WholeBandStrips = new() { Compression = GeoTiffCompression.None, Tiled = false, BandInterleaved = true, RowsPerStrip = int.MaxValue };

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property WriteThenRead_WholeBandStrips_GivesIdenticalValuesTransformCrsAndNodata()
    {
        var gen =
            from type in Gen.Elements(Enum.GetValues<RasterDataType>())
            from width in Gen.Choose(1, 90)
            from height in Gen.Choose(1, 90)
            from bands in Gen.Elements(1, 2, 3, 4, 13)
            from rotated in Gen.Elements(false, false, true)
            from epsg in Gen.Elements(Epsgs.Select(e => (int?)e).Append(null).ToArray())
            from noData in Gen.Elements<double?>(null, 0, 7, double.NaN)
            from seed in Gen.Choose(0, 100000)
            select (type, width, height, bands, rotated, epsg, noData, seed);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            GeoTransform gt = c.rotated ? new GeoTransform(500000, 8, 6, 4000000, 6, -8) : new GeoTransform(500000.5, 10, 0, 4000000.25, 0, -10);
            double? noData = c.noData is double nd && double.IsNaN(nd) && !c.type.IsFloatingPoint() ? null : c.noData;
            var raster = CreateRaster(c.type, c.width, c.height, c.bands, gt, c.epsg is int e ? CrsReference.FromEpsg(e) : null, noData, c.seed);

            AssertSame(raster, RoundTrip(raster, WholeBandStrips));
        });
    }

    [Fact]
    public void WriteGeoTiff_WholeBandStripsToNonSeekableStream_WritesTheSameBytesDirectly()
    {
        var raster = CreateRaster(RasterDataType.UInt16, 64, 48, 13, new GeoTransform(600000, 10, 0, 5000000, 0, -10), CrsReference.FromEpsg(32631), 0, 9);
        using var seekable = new MemoryStream();
        RasterFile.WriteGeoTiff(raster, seekable, WholeBandStrips);
        using var target = new MemoryStream();
        using var forwardOnly = new ForwardOnlyStream(target);

        RasterFile.WriteGeoTiff(raster, forwardOnly, WholeBandStrips);

        Assert.Equal(seekable.ToArray(), target.ToArray());
        // Header, then the raster's memory as-is: no copy through an encoder or a buffer of the whole file.
        Assert.InRange(forwardOnly.Writes, 2, 1 + 13);
        Assert.Equal(64 * 48 * 13 * 2, target.Length - forwardOnly.FirstWriteLength);
        target.Position = 0;
        AssertSame(raster, RasterFile.Read(target, "planar.tif"));
    }

    [Fact]
    public void WriteGeoTiff_WholeBandStripsWithWktCrsAndRgb_RoundTrip()
    {
        var info = RasterFile.ReadInfo(SampleValues.Path("userdefined_tm_u8.tif"));
        var rgb = CreateRaster(RasterDataType.UInt8, 10, 8, 3, info.GeoTransform, info.Crs, null, 3);

        var back = RoundTrip(rgb, WholeBandStrips);

        Assert.Equal(info.Crs, back.Crs);
        AssertSame(rgb, back);
    }

    /// <summary>A write-only, non-seekable stream that counts the writes it receives.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public int Writes { get; private set; }

        public long FirstWriteLength { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Writes++ == 0)
            {
                FirstWriteLength = buffer.Length;
            }

            inner.Write(buffer);
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
