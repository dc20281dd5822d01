using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Abstractions.Tests.Rasters;

public class RasterBufferTests
{
    private static readonly GeoTransform Gt = new(288776.25, 28.5, 0, 9120760.75, 0, -28.5);

    [Theory]
    [InlineData(0, 1, 1, "Raster.Width")]
    [InlineData(1, -1, 1, "Raster.Height")]
    [InlineData(1, 1, 0, "Raster.BandCount")]
    public void Constructor_NonPositiveShape_ThrowsNamingField(int width, int height, int bands, string field)
    {
        Assert.Equal(field, Assert.Throws<ScaneoValidationException>(() => new RasterBuffer<byte>(width, height, bands)).Field);
    }

    [Fact]
    public void Constructor_MoreSamplesThanAnArrayHolds_Throws()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new RasterBuffer<byte>(100_000, 100_000, 1));
        Assert.Equal("Raster", ex.Field);
        Assert.Contains("by window", ex.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DefaultGeoTransform_Throws()
    {
        Assert.Equal("Raster.GeoTransform", Assert.Throws<ScaneoValidationException>(() => new RasterBuffer<byte>(2, 2, 1, default(GeoTransform))).Field);
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Constructor_InfiniteNoData_Throws(double noData)
    {
        Assert.Equal("Raster.NoData", Assert.Throws<ScaneoValidationException>(() => new RasterBuffer<float>(2, 2, noData: noData)).Field);
    }

    [Fact]
    public void Constructor_NaNNoData_IsAccepted()
    {
        Assert.True(double.IsNaN(new RasterBuffer<float>(2, 2, noData: double.NaN).NoData!.Value));
    }

    [Fact]
    public void Constructor_DataOfWrongLength_Throws()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new RasterBuffer<short>(new short[11], 3, 2, 2));
        Assert.Equal("RasterBuffer.Data", ex.Field);
        Assert.Contains("12", ex.Rule, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new RasterBuffer<short>(null!, 3, 2, 2));
    }

    [Fact]
    public void Constructor_UnsupportedSampleType_ThrowsNotSupported()
    {
        Assert.Throws<NotSupportedException>(() => new RasterBuffer<long>(2, 2));
    }

    [Fact]
    public void Indexer_IsBandSequential()
    {
        var data = Enumerable.Range(0, 24).Select(i => (ushort)i).ToArray();
        var raster = new RasterBuffer<ushort>(data, 4, 3, 2, Gt, CrsReference.FromEpsg(31985), 0);
        Assert.Equal(RasterDataType.UInt16, raster.DataType);
        Assert.Equal((ushort)((1 * 12) + (2 * 4) + 3), raster[1, 2, 3]);
        Assert.Equal(raster[1, 2, 3], raster.GetValue(1, 2, 3));
        Assert.Equal([(ushort)20, (ushort)21, (ushort)22, (ushort)23], raster.GetRow(1, 2).ToArray());
        Assert.Equal(12, raster.GetBand(1).Length);
        Assert.Equal(12, raster.GetBandMemory(0).Length);
        Assert.Equal(12, raster.PixelCount);
        raster[0, 0, 0] = 99;
        Assert.Equal(99, data[0]);
        Assert.Same(data, raster.GetArray());
    }

    [Theory]
    [InlineData(2, 0, 0)]
    [InlineData(-1, 0, 0)]
    [InlineData(0, 3, 0)]
    [InlineData(0, 0, 4)]
    [InlineData(0, -1, 0)]
    public void Indexer_OutsideRaster_ThrowsArgumentOutOfRange(int band, int row, int column)
    {
        var raster = new RasterBuffer<byte>(4, 3, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => raster[band, row, column]);
        Assert.Throws<ArgumentOutOfRangeException>(() => raster.GetValue(band, row, column));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void GetBand_OutsideRaster_ThrowsArgumentOutOfRange(int band)
    {
        var raster = new RasterBuffer<byte>(4, 3, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => raster.GetBand(band));
        Assert.Throws<ArgumentOutOfRangeException>(() => raster.GetBandMemory(band));
        Assert.Throws<ArgumentOutOfRangeException>(() => raster.GetRow(band, 0));
    }

    [Fact]
    public void WithGeoreferenceAndNoData_SharePixels()
    {
        var raster = new RasterBuffer<double>(2, 2);
        var geo = (RasterBuffer<double>)raster.WithGeoreference(Gt, CrsReference.FromEpsg(31985));
        var nd = geo.WithNoData(-9999);
        nd[0, 1, 1] = 5;
        Assert.Equal(5, raster[0, 1, 1]);
        Assert.Equal(Gt, nd.GeoTransform);
        Assert.Equal(-9999, nd.NoData);
        Assert.Null(raster.GeoTransform);
    }

    [Theory]
    [InlineData(RasterDataType.UInt8, 1, "uint8", false)]
    [InlineData(RasterDataType.Int8, 1, "int8", false)]
    [InlineData(RasterDataType.UInt16, 2, "uint16", false)]
    [InlineData(RasterDataType.Int16, 2, "int16", false)]
    [InlineData(RasterDataType.UInt32, 4, "uint32", false)]
    [InlineData(RasterDataType.Int32, 4, "int32", false)]
    [InlineData(RasterDataType.Float32, 4, "float32", true)]
    [InlineData(RasterDataType.Float64, 8, "float64", true)]
    public void RasterDataTypes_Facts_MatchGdal(RasterDataType type, int size, string name, bool floating)
    {
        Assert.Equal(size, type.SizeInBytes());
        Assert.Equal(name, type.ToName());
        Assert.Equal(floating, type.IsFloatingPoint());
    }

    [Fact]
    public void RasterDataTypes_UndefinedType_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((RasterDataType)99).SizeInBytes());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((RasterDataType)99).ToName());
    }
}
