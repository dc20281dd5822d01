using System.Net;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.ReferenceModel.Tests.Hosting;

public class ReferenceModelServerTests(ReferenceModelFixture fixture) : IClassFixture<ReferenceModelFixture>
{
    // The sample's corners in WGS 84 (gdalinfo): lon −34.9166…−34.8259, lat −8.0410…−7.9497.
    private static readonly Envelope SampleWgs84 = new(-34.9170, -34.8255, -8.0415, -7.9490);

    private static byte[] Sample => File.ReadAllBytes(ReferenceModelFixture.SamplePath);

    [Fact]
    public void StartAsync_PortZero_BindsLoopbackOnly()
    {
        Assert.Equal("127.0.0.1", fixture.Server.BaseAddress.Host);
        Assert.True(fixture.Server.BaseAddress.Port > 0);
        Assert.Equal(new Uri(fixture.Server.BaseAddress, "segmentation/scores"), fixture.Server.SegmentationScoresUri);
        Assert.Equal(5, fixture.Server.Endpoints.Count);
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_ThrowsBeforeBinding()
    {
        var options = new ReferenceModelOptions { Temperature = -1 };

        await Assert.ThrowsAsync<ScaneoValidationException>(() => ReferenceModelServer.StartAsync(options));
    }

    [Fact]
    public async Task Info_Get_DescribesClassesAndRoutes()
    {
        using JsonDocument info = JsonDocument.Parse(await fixture.Http.GetStringAsync(fixture.Server.BaseAddress));

        Assert.Equal(["water", "vegetation", "built-up"], info.RootElement.GetProperty("classes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, info.RootElement.GetProperty("bands").GetProperty("nir").GetInt32());
        Assert.Equal("/segmentation/scores", info.RootElement.GetProperty("routes").GetProperty("segmentationScores").GetString());
    }

    [Fact]
    public async Task Classification_Sample_ReturnsProbabilitiesOfThreeClasses()
    {
        using var response = await fixture.Http.PostAsync(fixture.Server.ClassificationUri, ReferenceModelFixture.Form(Sample));

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        double[] p = JsonSerializer.Deserialize<double[]>(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(3, p.Length);
        Assert.Equal(1.0, p.Sum(), 5);
        Assert.InRange(p[ReferenceClasses.Water], 0.15, 0.6);
    }

    [Fact]
    public async Task Segmentation_Sample_MaskKeepsGridAndFindsOceanInTheEast()
    {
        Raster image = RasterFile.Read(new MemoryStream(Sample), "L7_ETMs.tif");

        using var response = await fixture.Http.PostAsync(fixture.Server.SegmentationUri, ReferenceModelFixture.Form(Sample));

        response.EnsureSuccessStatusCode();
        Assert.Equal("image/tiff", response.Content.Headers.ContentType?.MediaType);
        var mask = Assert.IsType<RasterBuffer<byte>>(RasterFile.Read(await response.Content.ReadAsStreamAsync(), "mask.tif"));
        Assert.Equal((1, image.Width, image.Height), (mask.BandCount, mask.Width, mask.Height));
        Assert.Equal(image.GeoTransform, mask.GeoTransform);
        Assert.Equal(31985, mask.Crs?.Epsg);

        // Computed once from the data, then bounded: the ocean covers the east and south-east of the scene.
        byte[] classes = mask.GetArray();
        double water = classes.Count(c => c == ReferenceClasses.Water) / (double)classes.Length;
        double vegetation = classes.Count(c => c == ReferenceClasses.Vegetation) / (double)classes.Length;
        Assert.InRange(water, 0.15, 0.6);
        Assert.InRange(vegetation, 0.1, 0.5);
        int half = mask.Width / 2;
        int eastWater = 0, westWater = 0;
        for (int row = 0; row < mask.Height; row++)
        {
            Span<byte> line = mask.GetRow(0, row);
            eastWater += line[half..].Count((byte)ReferenceClasses.Water);
            westWater += line[..half].Count((byte)ReferenceClasses.Water);
        }

        Assert.True(eastWater > 3 * westWater, $"east {eastWater} vs west {westWater} water pixels");
    }

    [Fact]
    public async Task SegmentationScores_Sample_ArgmaxOfScoresIsTheMask()
    {
        Assert.Equal(0, await MaskVersusScoresArgmaxAsync(Sample));
    }

    [Theory]
    [InlineData(1, 8)]
    [InlineData(2, 30)]
    [InlineData(3, 256)]
    public async Task Segmentation_RandomRaster_EqualsArgmaxOfSegmentationScores(int seed, int maxValue)
    {
        // 6-band uint8 with nodata 0; small ranges make exact threshold ties and zero denominators common.
        var random = new Random(seed);
        var image = new RasterBuffer<byte>(97, 61, 6, new GeoTransform(288776.25, 28.5, 0, 9120760.75, 0, -28.5), CrsReference.FromEpsg(31985), noData: 0);
        Span<byte> data = image.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (byte)random.Next(maxValue);
        }

        using var tiff = new MemoryStream();
        RasterFile.WriteGeoTiff(image, tiff);

        Assert.Equal(0, await MaskVersusScoresArgmaxAsync(tiff.ToArray()));
    }

    /// <summary>Posts the image to both segmentation routes and counts the pixels where the mask is not the scores' first-maximum argmax.</summary>
    private async Task<int> MaskVersusScoresArgmaxAsync(byte[] image)
    {
        using var maskResponse = await fixture.Http.PostAsync(fixture.Server.SegmentationUri, ReferenceModelFixture.Form(image));
        using var scoresResponse = await fixture.Http.PostAsync(fixture.Server.SegmentationScoresUri, ReferenceModelFixture.Form(image));
        Assert.Equal(HttpStatusCode.OK, maskResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scoresResponse.StatusCode);

        var mask = (RasterBuffer<byte>)RasterFile.Read(await maskResponse.Content.ReadAsStreamAsync(), "mask.tif");
        var scores = Assert.IsType<RasterBuffer<float>>(RasterFile.Read(await scoresResponse.Content.ReadAsStreamAsync(), "scores.tif"));
        Assert.Equal(ReferenceClasses.Count, scores.BandCount);
        Assert.Equal(mask.GeoTransform, scores.GeoTransform);
        int n = mask.Width * mask.Height;
        int disagreements = 0;
        for (int i = 0; i < n; i++)
        {
            byte expected = mask.GetArray()[i];
            float w = scores.GetBand(0)[i], v = scores.GetBand(1)[i], b = scores.GetBand(2)[i];
            if (float.IsNaN(w))
            {
                // Nodata in the scores must be nodata in the mask.
                disagreements += expected == ReferenceClasses.NoDataValue ? 0 : 1;
                continue;
            }

            Assert.Equal(1f, w + v + b, 4);
            int argmax = w >= v && w >= b ? 0 : v >= b ? 1 : 2;
            disagreements += argmax == expected ? 0 : 1;
        }

        // First-maximum argmax (numpy's) agrees with the mask, exact threshold ties included.
        return disagreements;
    }

    [Fact]
    public async Task Detection_Sample_ReturnsPerClassScoreBoxesInsideTheImage()
    {
        using var response = await fixture.Http.PostAsync(fixture.Server.DetectionUri, ReferenceModelFixture.Form(Sample));

        response.EnsureSuccessStatusCode();
        using JsonDocument reply = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var boxes = reply.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(boxes);
        foreach (JsonElement box in boxes)
        {
            double[] bbox = box.GetProperty("bbox").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            double[] scores = box.GetProperty("scores").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Equal(4, bbox.Length);
            Assert.True(bbox[0] >= 0 && bbox[1] >= 0 && bbox[2] <= 349 && bbox[3] <= 352 && bbox[0] < bbox[2] && bbox[1] < bbox[3]);
            Assert.Equal(3, scores.Length);
            Assert.NotEqual(ReferenceClasses.BuiltUp, Array.IndexOf(scores, scores.Max()));
        }

        // The largest patch is the ocean: water, reaching the east edge.
        double[] first = boxes[0].GetProperty("scores").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(ReferenceClasses.Water, Array.IndexOf(first, first.Max()));
        Assert.Equal(349, boxes[0].GetProperty("bbox")[2].GetDouble());
    }

    [Fact]
    public async Task Sam_PointInOcean_ReturnsFeatureInWgs84InsideTheScene()
    {
        using var form = ReferenceModelFixture.Form(
            Sample,
            "image.tif",
            ("points", "[[330, 200]]"),
            ("label", "water"),
            ("crs", "EPSG:31985"),
            ("transform", "[288776.25, 28.5, 0, 9120760.75, 0, -28.5]"));

        using var response = await fixture.Http.PostAsync(fixture.Server.SamUri, form);

        response.EnsureSuccessStatusCode();
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument feature = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Feature", feature.RootElement.GetProperty("type").GetString());
        Assert.Equal("water", feature.RootElement.GetProperty("properties").GetProperty("label").GetString());
        int pixels = feature.RootElement.GetProperty("properties").GetProperty("pixels").GetInt32();
        Assert.True(pixels > 1000, $"the ocean region has only {pixels} pixels");
        Geometry geometry = GeoJsonGeometry.Parse(feature.RootElement.GetProperty("geometry").GetRawText());
        Assert.True(geometry.IsValid);
        Assert.True(SampleWgs84.Contains(geometry.EnvelopeInternal), $"{geometry.EnvelopeInternal} outside {SampleWgs84}");

        // The clicked point lies in the region.
        var (x, y) = new GeoTransform(288776.25, 28.5, 0, 9120760.75, 0, -28.5).PixelToMap(330.5, 200.5);
        var (lon, lat) = Reprojection.ToWgs84(CrsReference.FromEpsg(31985)).Transform(x, y);
        Assert.True(geometry.Contains(geometry.Factory.CreatePoint(new Coordinate(lon, lat))));
    }

    [Fact]
    public async Task Sam_NoPoints_Returns400ProblemNamingTheField()
    {
        using var response = await fixture.Http.PostAsync(fixture.Server.SamUri, ReferenceModelFixture.Form(Sample));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'points'", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classification_NotMultipart_Returns400()
    {
        using var response = await fixture.Http.PostAsync(fixture.Server.ClassificationUri, new StringContent("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("multipart/form-data", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classification_WrongFieldName_Returns400NamingFoundField()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Sample), "file", "image.tif" } };

        using var response = await fixture.Http.PostAsync(fixture.Server.ClassificationUri, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'file'", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classification_NotAnImage_Returns415()
    {
        using var response = await fixture.Http.PostAsync(fixture.Server.ClassificationUri, ReferenceModelFixture.Form("hello, not a raster"u8.ToArray()));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Classification_RgbPng_Returns422AskingForAllBands()
    {
        var rgb = new RasterBuffer<byte>(8, 8, 3);
        rgb.Data.Fill(100);
        using var png = new MemoryStream();
        RasterFile.WritePng(rgb, png);

        using var response = await fixture.Http.PostAsync(fixture.Server.ClassificationUri, ReferenceModelFixture.Form(png.ToArray(), "image.png"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("at least 5 bands", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Segmentation_ImageOverPixelLimit_Returns413()
    {
        var options = ReferenceModelOptions.ForPreset(ReferenceModelPreset.Landsat);
        options.MaxImagePixels = 10_000;
        await using var server = await ReferenceModelServer.StartAsync(options);

        using var response = await fixture.Http.PostAsync(server.SegmentationUri, ReferenceModelFixture.Form(Sample));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Segmentation_ImageOverByteLimit_Returns413()
    {
        var options = ReferenceModelOptions.ForPreset(ReferenceModelPreset.Landsat);
        options.MaxImageBytes = 64 * 1024;
        await using var server = await ReferenceModelServer.StartAsync(options);

        using var response = await fixture.Http.PostAsync(server.SegmentationUri, ReferenceModelFixture.Form(Sample));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task StartAsync_PortInUse_ThrowsIOException()
    {
        int port = fixture.Server.BaseAddress.Port;

        await Assert.ThrowsAnyAsync<IOException>(() => ReferenceModelServer.StartAsync(new ReferenceModelOptions(), port));
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal((int)response.StatusCode, problem.RootElement.GetProperty("status").GetInt32());
        return problem.RootElement.GetProperty("detail").GetString()!;
    }
}
