using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Scaneo.Inference;
using Scaneo.Predictions;
using Scaneo.Rasters;
using Scaneo.ReferenceModel;

namespace Scaneo.Integration.Tests.Faults;

/// <summary>Each fault a model server can commit, over real sockets, and the typed exception the clients raise.</summary>
public class FaultInjectionTests(FaultServerFixture fixture) : IClassFixture<FaultServerFixture>
{
    private T Client<T>()
        where T : notnull => fixture.Services.GetRequiredService<T>();

    private ModelDefinition Model(ModelFault fault, ModelTask task) =>
        InferenceHost.Model("faulty-" + fault, fixture.Server.UriFor(fault), task);

    [Fact]
    public async Task ClassifyAsync_Status500_ThrowsEndpointExceptionWithStatusAndBodyExcerpt()
    {
        var ex = await Assert.ThrowsAsync<ModelEndpointException>(
            () => Client<IClassificationClient>().ClassifyAsync(InferenceHost.Small(), Model(ModelFault.InternalError, ModelTask.Classification)));

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Contains("CUDA out of memory", ex.BodyExcerpt, StringComparison.Ordinal);
        Assert.Equal("faulty-InternalError", ex.ModelName);
        Assert.Contains("500", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassifyAsync_Status503WithRetryAfter_RetriesHonouringItThenThrowsEndpointException()
    {
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<ModelEndpointException>(
            () => Client<IClassificationClient>().ClassifyAsync(InferenceHost.Small(), Model(ModelFault.Unavailable, ModelTask.Classification)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(3, fixture.Server.RequestCount(ModelFault.Unavailable)); // 1 attempt + MaxRetryAttempts = 2

        // Two retries that waited Retry-After: 1 s each, not the 50 ms base delay.
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.9), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task ClassifyAsync_Status503Once_SucceedsOnRetry()
    {
        ClassificationPrediction prediction = await Client<IClassificationClient>().ClassifyAsync(
            InferenceHost.Small(), Model(ModelFault.UnavailableOnce, ModelTask.Classification));

        Assert.Equal([0.2, 0.5, 0.3], prediction.Scores);
        Assert.Equal(2, fixture.Server.RequestCount(ModelFault.UnavailableOnce));
    }

    [Fact]
    public async Task SegmentAsync_SlowReply_ThrowsTimeoutException()
    {
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<ModelTimeoutException>(
            () => Client<ISegmentationClient>().SegmentAsync(InferenceHost.Small(), Model(ModelFault.Slow, ModelTask.Segmentation)));

        Assert.True(watch.Elapsed < FaultyModelServer.SlowDelay, $"took {watch.Elapsed}");
        Assert.Contains(fixture.Server.UriFor(ModelFault.Slow).Authority, ex.Endpoint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetectAsync_ConnectionReset_ThrowsUnreachableException()
    {
        var ex = await Assert.ThrowsAsync<ModelUnreachableException>(
            () => Client<IDetectionClient>().DetectAsync(InferenceHost.Small(), Model(ModelFault.ConnectionReset, ModelTask.Detection)));

        Assert.False(string.IsNullOrWhiteSpace(ex.Reason));
        Assert.True(fixture.Server.RequestCount(ModelFault.ConnectionReset) > 1, "a transport error is transient: the client should retry");
    }

    [Fact]
    public async Task ClassifyAsync_HtmlErrorPage_ThrowsReplyFormatExceptionSayingWhatWasFound()
    {
        var ex = await Assert.ThrowsAsync<ReplyFormatException>(
            () => Client<IClassificationClient>().ClassifyAsync(InferenceHost.Small(), Model(ModelFault.HtmlErrorPage, ModelTask.Classification)));

        Assert.Contains("html", ex.Found, StringComparison.OrdinalIgnoreCase);
        Assert.False(string.IsNullOrWhiteSpace(ex.Expected));
    }

    [Fact]
    public async Task DetectAsync_GarbageJson_ThrowsReplyFormatException()
    {
        var ex = await Assert.ThrowsAsync<ReplyFormatException>(
            () => Client<IDetectionClient>().DetectAsync(InferenceHost.Small(), Model(ModelFault.GarbageJson, ModelTask.Detection)));

        Assert.Equal("faulty-GarbageJson", ex.ModelName);
    }

    [Fact]
    public async Task SegmentAsync_TruncatedTiff_ThrowsReplyFormatExceptionFromRasterFormatError()
    {
        var ex = await Assert.ThrowsAsync<ReplyFormatException>(
            () => Client<ISegmentationClient>().SegmentAsync(InferenceHost.Small(), Model(ModelFault.TruncatedTiff, ModelTask.Segmentation)));

        Assert.IsType<RasterFormatException>(ex.InnerException);
    }

    [Fact]
    public async Task SegmentAsync_TwoBandMaskWithoutArgmax_ThrowsReplyFormatExceptionSuggestingArgmax()
    {
        var ex = await Assert.ThrowsAsync<ReplyFormatException>(
            () => Client<ISegmentationClient>().SegmentAsync(InferenceHost.Small(), Model(ModelFault.TwoBandMask, ModelTask.Segmentation)));

        Assert.Contains("2 bands", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Argmax", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentAsync_WrongSizeMaskWithRefuse_ThrowsReplyFormatExceptionNamingBothSizes()
    {
        await using ServiceProvider refusing = InferenceHost.Create(o => o.MaskSizeMismatch = MaskSizeMismatch.Refuse);

        var ex = await Assert.ThrowsAsync<ReplyFormatException>(
            () => refusing.GetRequiredService<ISegmentationClient>().SegmentAsync(InferenceHost.Small(32, 24), Model(ModelFault.WrongSizeMask, ModelTask.Segmentation)));

        Assert.Contains("32 × 24", ex.Message, StringComparison.Ordinal);
        Assert.Contains("16", ex.Found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentAsync_WrongSizeMaskWithResample_ReturnsMaskOnTheSentGrid()
    {
        RasterBuffer<byte> image = InferenceHost.Small(32, 24);

        SegmentationPrediction prediction = await Client<ISegmentationClient>().SegmentAsync(image, Model(ModelFault.WrongSizeMask, ModelTask.Segmentation));

        Assert.Equal((32, 24), (prediction.ClassMask.Width, prediction.ClassMask.Height));
        Assert.Equal(image.GeoTransform, prediction.ClassMask.GeoTransform);
    }

    [Fact]
    public async Task SegmentAsync_HugeDeclaredDimensions_RefusesFromTheHeader()
    {
        long before = GC.GetTotalAllocatedBytes(precise: false);

        var ex = await Assert.ThrowsAsync<ReplyFormatException>(
            () => Client<ISegmentationClient>().SegmentAsync(InferenceHost.Small(), Model(ModelFault.HugeDimensions, ModelTask.Segmentation)));

        var limit = ex.InnerException as RasterLimitExceededException;
        Assert.True(limit is not null, ex.InnerException?.Message);
        Assert.Equal((long)HugeTiff.Side * HugeTiff.Side, limit.Declared);

        // Refused before decoding: nowhere near the 10 GB the header declares was allocated (whole process, generous bound).
        Assert.True(GC.GetTotalAllocatedBytes(precise: false) - before < 1L << 30);
    }

    [Fact]
    public async Task ClassifyAsync_NothingListening_ThrowsUnreachableException()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var model = InferenceHost.Model("closed-port", new Uri($"http://127.0.0.1:{port}/classification"), ModelTask.Classification);

        var ex = await Assert.ThrowsAsync<ModelUnreachableException>(() => Client<IClassificationClient>().ClassifyAsync(InferenceHost.Small(), model));

        Assert.Contains("127.0.0.1", ex.Endpoint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SegmentAsync_ReplyOverSizeLimit_ThrowsReplyTooLargeException()
    {
        await using ServiceProvider strict = InferenceHost.Create(o => o.MaxReplyBytes = 1024);
        await using ReferenceModelHandle reference = await ReferenceModelServer.StartAsync(ReferenceModelOptions.ForPreset(ReferenceModelPreset.Landsat));
        var model = InferenceHost.Model("reference-scores", reference.SegmentationScoresUri, ModelTask.Segmentation, postprocessing: ["Argmax"]);

        var ex = await Assert.ThrowsAsync<ReplyTooLargeException>(
            () => strict.GetRequiredService<ISegmentationClient>().SegmentAsync(InferenceHost.Sample(), model));

        Assert.Equal(1024, ex.Limit);
    }
}
