using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Scaneo.Geo;
using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Inference.Tests.Clients;

public class ClientTests
{
    private static readonly GeoTransform Gt = new(288776.25, 28.5, 0, 9120760.75, 0, -28.5);

    internal static RasterBuffer<ushort> Image(int width = 16, int height = 8, int bands = 4)
    {
        var r = new RasterBuffer<ushort>(width, height, bands, Gt, CrsReference.FromEpsg(31985));
        var data = r.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (ushort)(i * 37 % 6000);
        }

        return r;
    }

    internal static async Task<Raster> ReadImageAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var file = form.Files["image"] ?? throw new InvalidOperationException("no image field");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        buffer.Position = 0;
        return RasterFile.Read(buffer, file.FileName);
    }

    internal static async Task WriteRasterAsync(HttpContext context, Raster raster, bool png = false)
    {
        using var buffer = new MemoryStream();
        if (png)
        {
            RasterFile.WritePng(raster, buffer);
        }
        else
        {
            RasterFile.WriteGeoTiff(raster, buffer);
        }

        // A wrong Content-Type on purpose: replies are recognised by their bytes.
        context.Response.ContentType = "application/octet-stream";
        await context.Response.Body.WriteAsync(buffer.ToArray());
    }

    private static ModelDefinition Model(Uri url, ModelTask task, IEnumerable<string>? pre = null, IEnumerable<string>? post = null, ImageFormat format = ImageFormat.GeoTiff, int? outputs = null) =>
        new("test-model", url, task, inputFormat: format, preprocessing: pre, postprocessing: post, outputCount: outputs);

    [Fact]
    public async Task ClassifyAsync_ScaneoServer_SendsGeoTiffAndReadsScores()
    {
        Raster? received = null;
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            received = await ReadImageAsync(ctx);
            await ctx.Response.WriteAsync("[0.1, 0.7, 0.2]");
        });
        using var services = TestServices.Create();
        var prediction = await services.GetRequiredService<IClassificationClient>().ClassifyAsync(Image(), Model(server.Url, ModelTask.Classification, outputs: 3));
        Assert.Equal([0.1, 0.7, 0.2], prediction.Scores);
        Assert.Equal(ScoreKind.Probabilities, prediction.Kind);
        Assert.NotNull(received);
        Assert.Equal(4, received!.BandCount);
        Assert.Equal(RasterDataType.UInt16, received.DataType);
        Assert.Equal(Gt, received.GeoTransform);
        Assert.Equal(31985, received.Crs!.Epsg);
        Assert.Equal(Image().GetValue(3, 7, 15), received.GetValue(3, 7, 15));
    }

    [Fact]
    public async Task ClassifyAsync_WrongNumberOfOutputs_IsAReplyFormatError()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => ctx.Response.WriteAsync("{\"logits\": [1.5, -2]}"));
        using var services = TestServices.Create();
        var ex = await Assert.ThrowsAsync<ReplyFormatException>(() => services.GetRequiredService<IClassificationClient>().ClassifyAsync(Image(), Model(server.Url, ModelTask.Classification, outputs: 3)));
        Assert.Equal("Model 'test-model': classification reply has 2 scores; expected 3 scores (ModelDefinition.OutputCount).", ex.Message);
    }

    [Fact]
    public async Task ClassifyAsync_PngInputWithS2Rgb_SendsEightBitRgbPng()
    {
        Raster? received = null;
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            received = await ReadImageAsync(ctx);
            await ctx.Response.WriteAsync("{\"predictions\":[{\"class\":\"water\",\"confidence\":0.7}], \"top\":\"water\"}");
        });
        using var services = TestServices.Create();
        var prediction = await services.GetRequiredService<IClassificationClient>().ClassifyAsync(Image(), Model(server.Url, ModelTask.Classification, pre: ["S2RGB"], format: ImageFormat.Png));
        Assert.Equal("water", prediction.OutputNames![0]);
        Assert.Equal(3, received!.BandCount);
        Assert.Equal(RasterDataType.UInt8, received.DataType);
    }

    [Fact]
    public async Task ClassifyAsync_PngInputOfUInt16_SaysWhichStepToAdd()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => ctx.Response.WriteAsync("[1]"));
        using var services = TestServices.Create();
        var ex = await Assert.ThrowsAsync<InferenceException>(() => services.GetRequiredService<IClassificationClient>().ClassifyAsync(Image(), Model(server.Url, ModelTask.Classification, format: ImageFormat.Png)));
        Assert.Contains("add S2RGB", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task DetectAsync_RoboflowServer_ReturnsPixelBoxes()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => ctx.Response.WriteAsync(
            """{"image":{"width":16,"height":8},"predictions":[{"x":8,"y":4,"width":4,"height":2,"confidence":0.87,"class":"car","class_id":2}]}"""));
        using var services = TestServices.Create();
        var prediction = await services.GetRequiredService<IDetectionClient>().DetectAsync(Image(), Model(server.Url, ModelTask.Detection, post: ["ScoreThreshold(min=0.5)", "Nms(iou=0.5)"]));
        Assert.Equal(16, prediction.ImageWidth);
        var box = Assert.Single(prediction.Boxes);
        Assert.Equal(new PixelBox(6, 3, 10, 5), box.Box);
        Assert.Equal(2, box.OutputIndex);
    }

    [Fact]
    public async Task SegmentAsync_OneBandMask_IsAlignedToTheImageGrid()
    {
        var mask = new RasterBuffer<byte>(16, 8);
        mask[0, 2, 3] = 2;
        await using var server = await LoopbackServer.StartAsync((ctx, _) => WriteRasterAsync(ctx, mask));
        using var services = TestServices.Create();
        var prediction = await services.GetRequiredService<ISegmentationClient>().SegmentAsync(Image(), Model(server.Url, ModelTask.Segmentation));
        Assert.Equal(Gt, prediction.ClassMask.GeoTransform);
        Assert.Equal(31985, prediction.ClassMask.Crs!.Epsg);
        Assert.Equal(2, prediction.ClassMask.GetValue(0, 2, 3));
        Assert.Null(prediction.ClassScores);
    }

    [Fact]
    public async Task SegmentAsync_PngMask_IsAccepted()
    {
        var mask = new RasterBuffer<byte>(16, 8);
        mask[0, 7, 15] = 1;
        await using var server = await LoopbackServer.StartAsync((ctx, _) => WriteRasterAsync(ctx, mask, png: true));
        using var services = TestServices.Create();
        var prediction = await services.GetRequiredService<ISegmentationClient>().SegmentAsync(Image(), Model(server.Url, ModelTask.Segmentation));
        Assert.Equal(1, prediction.ClassMask.GetValue(0, 7, 15));
    }

    [Fact]
    public async Task SegmentAsync_TwoBandScoresWithoutArgmax_SaysAddArgmax()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => WriteRasterAsync(ctx, new RasterBuffer<float>(16, 8, 2)));
        using var services = TestServices.Create();
        var ex = await Assert.ThrowsAsync<ReplyFormatException>(() => services.GetRequiredService<ISegmentationClient>().SegmentAsync(Image(), Model(server.Url, ModelTask.Segmentation)));
        Assert.StartsWith("Model 'test-model': segmentation reply has 2 bands of float32; expected 1 band of class values — add Argmax", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentAsync_TwoBandScoresWithArgmax_KeepsTheScores()
    {
        var scores = new RasterBuffer<float>(16, 8, 2);
        scores[1, 4, 4] = 0.9f;
        scores[0, 4, 4] = 0.1f;
        await using var server = await LoopbackServer.StartAsync((ctx, _) => WriteRasterAsync(ctx, scores));
        using var services = TestServices.Create();
        var prediction = await services.GetRequiredService<ISegmentationClient>().SegmentAsync(Image(), Model(server.Url, ModelTask.Segmentation, post: ["Argmax"]));
        Assert.Equal(1, prediction.ClassMask.GetValue(0, 4, 4));
        Assert.Equal(0, prediction.ClassMask.GetValue(0, 4, 5));
        Assert.Equal(2, prediction.ClassScores!.BandCount);
        Assert.Equal(0.9f, prediction.ClassScores[1, 4, 4]);
        Assert.Equal(ScoreKind.Probabilities, prediction.ScoreKind);
    }

    [Fact]
    public async Task SegmentAsync_HalfSizeMask_IsResampledToTheImage()
    {
        var mask = new RasterBuffer<byte>(8, 4);
        mask[0, 1, 1] = 3;
        await using var server = await LoopbackServer.StartAsync((ctx, _) => WriteRasterAsync(ctx, mask));
        using var services = TestServices.Create();
        var prediction = await services.GetRequiredService<ISegmentationClient>().SegmentAsync(Image(), Model(server.Url, ModelTask.Segmentation));
        Assert.Equal(16, prediction.ClassMask.Width);
        Assert.Equal(8, prediction.ClassMask.Height);
        Assert.Equal(3, prediction.ClassMask.GetValue(0, 2, 2));
        Assert.Equal(3, prediction.ClassMask.GetValue(0, 3, 3));
        Assert.Equal(0, prediction.ClassMask.GetValue(0, 4, 4));
        Assert.Equal(Gt, prediction.ClassMask.GeoTransform);
    }

    [Fact]
    public async Task SegmentAsync_WrongSizeMaskWithRefuse_Fails()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => WriteRasterAsync(ctx, new RasterBuffer<byte>(8, 4)));
        using var services = TestServices.Create(o => o.MaskSizeMismatch = MaskSizeMismatch.Refuse);
        var ex = await Assert.ThrowsAsync<ReplyFormatException>(() => services.GetRequiredService<ISegmentationClient>().SegmentAsync(Image(), Model(server.Url, ModelTask.Segmentation)));
        Assert.Contains("segmentation reply is 8 × 4", ex.Message, StringComparison.Ordinal);
        Assert.Contains("16 × 8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentAsync_TruncatedTiff_IsAReplyFormatError()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            using var buffer = new MemoryStream();
            RasterFile.WriteGeoTiff(new RasterBuffer<byte>(16, 8), buffer);
            await ctx.Response.Body.WriteAsync(buffer.ToArray().AsMemory(0, 40));
        });
        using var services = TestServices.Create();
        var ex = await Assert.ThrowsAsync<ReplyFormatException>(() => services.GetRequiredService<ISegmentationClient>().SegmentAsync(Image(), Model(server.Url, ModelTask.Segmentation)));
        Assert.Contains("cannot be read", ex.Found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentAsync_HugeDeclaredDimensions_AreRefusedBeforeAllocating()
    {
        using var written = new MemoryStream();
        RasterFile.WriteGeoTiff(new RasterBuffer<byte>(1, 1), written, new GeoTiffWriteOptions { Compression = GeoTiffCompression.None, Tiled = false, RowsPerStrip = int.MaxValue });
        var tiff = written.ToArray();
        // First two IFD entries are ImageWidth and ImageLength (LONG, value inline at entry + 8).
        BitConverter.TryWriteBytes(tiff.AsSpan(8 + 2 + 8), 200_000u);
        BitConverter.TryWriteBytes(tiff.AsSpan(8 + 2 + 12 + 8), 200_000u);
        await using var server = await LoopbackServer.StartAsync((ctx, _) => ctx.Response.Body.WriteAsync(tiff).AsTask());
        using var services = TestServices.Create();
        var ex = await Assert.ThrowsAsync<ReplyFormatException>(() => services.GetRequiredService<ISegmentationClient>().SegmentAsync(Image(), Model(server.Url, ModelTask.Segmentation)));
        Assert.Equal("test-model", ex.ModelName);
        Assert.Contains("reply image", ex.Found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentAsync_JsonReply_SaysAnImageWasExpected()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => ctx.Response.WriteAsync("[0.1, 0.9]"));
        using var services = TestServices.Create();
        var ex = await Assert.ThrowsAsync<ReplyFormatException>(() => services.GetRequiredService<ISegmentationClient>().SegmentAsync(Image(), Model(server.Url, ModelTask.Segmentation)));
        Assert.Contains("GeoTIFF or PNG", ex.Expected, StringComparison.Ordinal);
        Assert.Contains("the reply is JSON", ex.Found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SamAsync_MapPoints_AreSentAsPixelsWithCrsAndTransform()
    {
        IFormCollection? form = null;
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            form = await ctx.Request.ReadFormAsync();
            await ctx.Response.WriteAsync("""{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[-38,-8],[-37.9,-8],[-37.9,-7.9],[-38,-8]]]}}""");
        });
        using var services = TestServices.Create();
        var (x, y) = Gt.PixelToMap(5.5, 3.5);
        var prompt = new SamPrompt([(x, y), (Gt.PixelToMap(10.2, 0.1).X, Gt.PixelToMap(10.2, 0.1).Y)], "water", SamPointSpace.Map);
        var prediction = await services.GetRequiredService<ISamClient>().SegmentAsync(Image(), prompt, Model(server.Url, ModelTask.Sam, pre: ["BandSelect(bands=[3,2,1])", "ToUInt8(scale=0.05)"]));
        Assert.IsType<Polygon>(prediction.Geometry);
        Assert.Equal("[[5,3],[10,0]]", form!["points"].ToString());
        Assert.Equal("water", form["label"].ToString());
        Assert.Equal("EPSG:31985", form["crs"].ToString());
        Assert.Equal(Gt.ToGdal(), JsonSerializer.Deserialize(form["transform"].ToString(), TestJson.Default.DoubleArray));
        Assert.Equal("image.png", form.Files["image"]!.FileName);
    }

    [Fact]
    public async Task SamAsync_PointOutsideTheImage_IsRejectedBeforeSending()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => ctx.Response.WriteAsync("{}"));
        using var services = TestServices.Create();
        var ex = await Assert.ThrowsAsync<ScaneoValidationException>(() => services.GetRequiredService<ISamClient>().SegmentAsync(
            Image(), new SamPrompt([(100, 2)], "water"), Model(server.Url, ModelTask.Sam, pre: ["BandSelect(bands=[3,2,1])", "ToUInt8"])));
        Assert.Contains("must fall inside the 16 × 8 image", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task PredictAsync_DispatchesOnTheModelTask()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => ctx.Response.WriteAsync("""{"boxes":[[1,1,2,2]],"labels":[0],"scores":[0.5]}"""));
        using var services = TestServices.Create();
        var prediction = await services.GetRequiredService<IInferenceClient>().PredictAsync(Image(), Model(server.Url, ModelTask.Detection));
        Assert.Equal(ModelTask.Detection, prediction.Task);
        Assert.Single(prediction.Detection!.Boxes);
        Assert.Null(prediction.Classification);
    }

    [Fact]
    public async Task ClassifyAsync_DetectionModel_IsRefusedWithoutSending()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => ctx.Response.WriteAsync("[1]"));
        using var services = TestServices.Create();
        var ex = await Assert.ThrowsAsync<InferenceException>(() => services.GetRequiredService<IClassificationClient>().ClassifyAsync(Image(), Model(server.Url, ModelTask.Detection)));
        Assert.Contains("is a detection model; expected a classification model", ex.Message, StringComparison.Ordinal);
    }
}
