using FsCheck;
using FsCheck.Fluent;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Abstractions.Tests.Rasters;

public class GeoTiffReadTests
{
    private static readonly GeoTransform SampleTransform = new(500000, 10, 0, 4600000, 0, -10);

    [Theory]
    [InlineData("strips_contig_deflate_u8.tif", RasterDataType.UInt8, 3)]
    [InlineData("strips_none_u8_nodata.tif", RasterDataType.UInt8, 1)]
    [InlineData("tiles_separate_lzw_pred2_u16.tif", RasterDataType.UInt16, 2)]
    [InlineData("tiles_contig_deflate_pred2_u16_13band.tif", RasterDataType.UInt16, 13)]
    [InlineData("strips_packbits_i16.tif", RasterDataType.Int16, 2)]
    [InlineData("strips_deflate_pred3_f32_nodata.tif", RasterDataType.Float32, 2)]
    [InlineData("tiles_deflate_pred3_f64.tif", RasterDataType.Float64, 1)]
    [InlineData("strips_lzw_pred2_u32.tif", RasterDataType.UInt32, 1)]
    [InlineData("strips_deflate_i32.tif", RasterDataType.Int32, 2)]
    [InlineData("strips_none_i8.tif", RasterDataType.Int8, 1)]
    [InlineData("bigtiff_deflate_u16.tif", RasterDataType.UInt16, 2)]
    public void Read_GdalWrittenLayouts_ReturnsGdalValuesTransformAndCrs(string file, RasterDataType type, int bands)
    {
        var raster = RasterFile.Read(SampleValues.Path(file));

        Assert.Equal(SampleValues.Width, raster.Width);
        Assert.Equal(SampleValues.Height, raster.Height);
        Assert.Equal(bands, raster.BandCount);
        Assert.Equal(SampleTransform, raster.GeoTransform);
        Assert.Equal(CrsReference.FromEpsg(32631), raster.Crs);
        SampleValues.AssertAll(raster, type);
    }

    [Theory]
    [InlineData("tiles_contig_deflate_pred2_u16_13band.tif", RasterDataType.UInt16)]
    [InlineData("tiles_separate_lzw_pred2_u16.tif", RasterDataType.UInt16)]
    [InlineData("strips_contig_deflate_u8.tif", RasterDataType.UInt8)]
    [InlineData("strips_deflate_pred3_f32_nodata.tif", RasterDataType.Float32)]
    public void Read_WindowAndBands_ReturnsThatPartOnly(string file, RasterDataType type)
    {
        var info = RasterFile.ReadInfo(SampleValues.Path(file));
        int[] bands = info.BandCount > 1 ? [info.BandCount - 1, 0] : [0];
        var window = new RasterWindow(5, 3, 20, 17);

        var raster = RasterFile.Read(SampleValues.Path(file), new RasterReadOptions { Window = window, Bands = bands });

        Assert.Equal(20, raster.Width);
        Assert.Equal(17, raster.Height);
        Assert.Equal(bands.Length, raster.BandCount);
        Assert.Equal(SampleTransform.ForWindow(5, 3), raster.GeoTransform);
        SampleValues.AssertAll(raster, type, bands, 5, 3);
    }

    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property Read_ArbitraryWindowAndBands_ReturnThatPartOfTheWrittenRaster()
    {
        // The horizontal predictor is undone while copying the window out of each block: windows that start
        // inside a tile or strip must still sum from the block's first column.
        var gen =
            from type in Gen.Elements(Enum.GetValues<RasterDataType>())
            from width in Gen.Choose(1, 90)
            from height in Gen.Choose(1, 60)
            from bands in Gen.Choose(1, 5)
            from tiled in Gen.Elements(true, false)
            from separate in Gen.Elements(false, true)
            from predictor in Gen.Elements(true, true, false)
            from compression in Gen.Elements(GeoTiffCompression.Deflate, GeoTiffCompression.Deflate, GeoTiffCompression.None)
            from rowsPerStrip in Gen.Choose(1, 9)
            from seed in Gen.Choose(0, 100000)
            select (type, width, height, bands, tiled, separate, predictor, compression, rowsPerStrip, seed);
        return Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var random = new Random(c.seed);
            var raster = GeoTiffWriteTests.CreateRaster(c.type, c.width, c.height, c.bands, null, null, null, c.seed);
            using var stream = new MemoryStream();
            RasterFile.WriteGeoTiff(raster, stream, new GeoTiffWriteOptions
            {
                Compression = c.compression,
                Tiled = c.tiled,
                TileSize = 16,
                RowsPerStrip = c.rowsPerStrip,
                BandInterleaved = c.separate,
                UsePredictor = c.predictor,
            });
            int column = random.Next(c.width);
            int row = random.Next(c.height);
            var window = new RasterWindow(column, row, 1 + random.Next(c.width - column), 1 + random.Next(c.height - row));
            int[] bands = Enumerable.Range(0, c.bands).OrderBy(_ => random.Next()).Take(1 + random.Next(c.bands)).ToArray();

            stream.Position = 0;
            var part = RasterFile.Read(stream, "window.tif", new RasterReadOptions { Window = window, Bands = bands });

            Assert.Equal((window.Width, window.Height, bands.Length), (part.Width, part.Height, part.BandCount));
            for (int k = 0; k < bands.Length; k++)
            {
                for (int r = 0; r < window.Height; r++)
                {
                    for (int x = 0; x < window.Width; x++)
                    {
                        double expected = raster.GetValue(bands[k], window.Row + r, window.Column + x);
                        double actual = part.GetValue(k, r, x);
                        Assert.True(
                            BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual) || (double.IsNaN(expected) && double.IsNaN(actual)),
                            $"band {bands[k]} row {window.Row + r} column {window.Column + x}: wrote {expected}, read {actual}");
                    }
                }
            }
        });
    }

    [Fact]
    public void Read_Nodata_ReturnsGdalNodata()
    {
        Assert.Equal(7, RasterFile.ReadInfo(SampleValues.Path("strips_none_u8_nodata.tif")).NoData);
        Assert.Equal(-9999.5, RasterFile.Read(SampleValues.Path("strips_deflate_pred3_f32_nodata.tif")).NoData);
        Assert.Null(RasterFile.ReadInfo(SampleValues.Path("strips_contig_deflate_u8.tif")).NoData);
    }

    [Fact]
    public void ReadInfo_PixelIsPoint_AppliesGdalHalfPixelShift()
    {
        // GDAL wrote the file from GT (500000, 10, 0, 4600000, 0, -10) with AREA_OR_POINT=Point and reports that GT back.
        var info = RasterFile.ReadInfo(SampleValues.Path("pixelispoint_u8.tif"));

        Assert.Equal(SampleTransform, info.GeoTransform);
    }

    [Fact]
    public void ReadInfo_ModelTransformation_ReturnsRotatedTransform()
    {
        var info = RasterFile.ReadInfo(SampleValues.Path("rotated_modeltransformation_u8.tif"));

        Assert.Equal(new GeoTransform(500000.0, 8.660254037844387, 5.0, 4600000.0, 5.0, -8.660254037844387), info.GeoTransform);
    }

    [Fact]
    public void ReadInfo_Geographic_ReturnsEpsg4326()
    {
        var info = RasterFile.ReadInfo(SampleValues.Path("geographic_4326_u8.tif"));

        Assert.Equal(CrsReference.Wgs84, info.Crs);
        Assert.Equal(new GeoTransform(10, 0.001, 0, 45, 0, -0.001), info.GeoTransform);
    }

    [Fact]
    public void ReadInfo_UserDefinedTransverseMercator_ReturnsWktWithoutEpsg()
    {
        var info = RasterFile.ReadInfo(SampleValues.Path("userdefined_tm_u8.tif"));

        Assert.NotNull(info.Crs);
        Assert.Null(info.Crs!.Epsg);
        Assert.Contains("Transverse_Mercator", info.Crs.Wkt, StringComparison.Ordinal);
        Assert.Contains("PARAMETER[\"central_meridian\",10.5]", info.Crs.Wkt, StringComparison.Ordinal);
        Assert.Contains("298.257222101", info.Crs.Wkt, StringComparison.Ordinal);

        // The WKT is usable: UTM-like coordinates at the central meridian map to lon 10.5.
        var (lon, lat) = Reprojection.ToWgs84(info.Crs).Transform(500000, 5000000);
        Assert.Equal(10.5, lon, 9);
        Assert.InRange(lat, 45, 45.3);
    }

    [Fact]
    public void ReadInfo_NoGeoreference_ReturnsNulls()
    {
        var info = RasterFile.ReadInfo(SampleValues.Path("no_georeference_u8.tif"));

        Assert.Null(info.GeoTransform);
        Assert.Null(info.Crs);
        Assert.Equal(RasterFormat.GeoTiff, info.Format);
    }

    [Fact]
    public void Read_Jpeg_MatchesGdalDecodingWithinOneLevel()
    {
        var raster = (RasterBuffer<byte>)RasterFile.Read(SampleValues.Path("strips_jpeg_rgb_u8.tif"));
        byte[] gdal = File.ReadAllBytes(SampleValues.Path("strips_jpeg_rgb_u8.gdal.bin"));

        Assert.Equal(3, raster.BandCount);
        Assert.Equal(gdal.Length, raster.GetArray().Length);
        int maxDifference = gdal.Zip(raster.GetArray(), (a, b) => Math.Abs(a - b)).Max();
        Assert.InRange(maxDifference, 0, 2);
    }

    [Fact]
    public void Read_LandsatSample_MatchesGdalInfo()
    {
        var raster = RasterFile.Read(SampleValues.Path("L7_ETMs.tif"));

        Assert.Equal(349, raster.Width);
        Assert.Equal(352, raster.Height);
        Assert.Equal(6, raster.BandCount);
        Assert.Equal(RasterDataType.UInt8, raster.DataType);
        // Exactly what GDAL 3.6 returns (ds.GetGeoTransform()); the README rounds it to (288776.25, 28.5, …).
        Assert.Equal(new GeoTransform(288776.25000080315, 28.49999999927454, 0, 9120760.750028737, 0, -28.49999999927454), raster.GeoTransform);
        Assert.Equal(31985, raster.Crs!.Epsg);

        // Checksums GDAL reports (gdalinfo -checksum) for bands 1 and 6.
        Assert.Equal(GdalChecksums.Landsat[0], GdalChecksums.Compute(raster, 0));
        Assert.Equal(GdalChecksums.Landsat[5], GdalChecksums.Compute(raster, 5));
    }
}
