using System.Net.Http.Headers;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Scaneo.Inference.Batch;
using Scaneo.Rasters;
using Scaneo.ReferenceModel;

namespace Scaneo.Benchmarks.Inference;

/// <summary>
/// Issue 5's throughput target: 100 segmentation requests (the bundled 349 × 352 × 6 GeoTIFF) against a loopback
/// model that answers in ≥ 50 ms, at concurrency 8, versus upstream SCANEO's sequential loop
/// (<c>benchmarks/upstream/upstream_sequential.py</c>). The server is the reference model with
/// <c>ResponseDelay = 50 ms</c>, started in-process, or the one at <c>SCANEO_BENCH_URL</c> (e.g. a
/// <c>scaneo serve-model --delay-ms 50</c> shared with the Python script, so both sides hit the same server).
/// The sequential side of the comparison is the Python script itself.
/// </summary>
[MemoryDiagnoser]
public class BatchThroughputBenchmarks
{
    private const int Images = 100;

    private ReferenceModelHandle? _server;
    private HttpClient _http = null!;
    private Uri _endpoint = null!;
    private byte[] _image = null!;
    private Raster _raster = null!;
    private ServiceProvider _services = null!;
    private ModelDefinition _model = null!;

    [Params(8)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        string path = SampleData.Find("L7_ETMs.tif");
        _image = await File.ReadAllBytesAsync(path);
        _raster = RasterFile.Read(path);
        string? external = Environment.GetEnvironmentVariable("SCANEO_BENCH_URL");
        if (external is not null)
        {
            _endpoint = new Uri(new Uri(external.TrimEnd('/') + "/"), "segmentation");
        }
        else
        {
            var options = ReferenceModelOptions.ForPreset(ReferenceModelPreset.Landsat);
            options.ResponseDelay = TimeSpan.FromMilliseconds(50);
            _server = await ReferenceModelServer.StartAsync(options);
            _endpoint = _server.SegmentationUri;
        }

        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromMinutes(2) };
        await PostOneAsync(CancellationToken.None); // warm-up: JIT, connection

        var services = new ServiceCollection();
        services.AddScaneoInference();
        _services = services.BuildServiceProvider();
        _model = new ModelDefinition("reference-segmentation", _endpoint, ModelTask.Segmentation);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _http.Dispose();
        await _services.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>
    /// The product path: <see cref="InferenceBatchRunner"/> over the typed segmentation client with the standard
    /// resilience handler, GeoTIFF encoding of every image and decoding of every mask included.
    /// </summary>
    [Benchmark(Baseline = true, Description = "InferenceBatchRunner, 100 images")]
    public async Task<int> BatchRunnerAsync()
    {
        var runner = _services.GetRequiredService<InferenceBatchRunner>();
        var items = Enumerable.Range(0, Images).Select(i => new BatchItem("image-" + i, _raster));
        int succeeded = 0;
        await foreach (BatchOutcome outcome in runner.RunAsync(items, _model, new BatchOptions { MaxConcurrency = Concurrency }))
        {
            succeeded += outcome.Succeeded ? 1 : throw outcome.Error!;
        }

        return succeeded;
    }

    /// <summary>Plain HttpClient, bounded by a semaphore, posting pre-encoded bytes: the transport floor.</summary>
    [Benchmark(Description = "HttpClient loop, 100 images")]
    public async Task<long> HttpClientBatchAsync()
    {
        using var gate = new SemaphoreSlim(Concurrency);
        long bytes = 0;
        var tasks = new Task[Images];
        for (int i = 0; i < Images; i++)
        {
            await gate.WaitAsync();
            tasks[i] = Task.Run(async () =>
            {
                try
                {
                    Interlocked.Add(ref bytes, await PostOneAsync(CancellationToken.None));
                }
                finally
                {
                    gate.Release();
                }
            });
        }

        await Task.WhenAll(tasks);
        return bytes;
    }

    private async Task<long> PostOneAsync(CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(_image);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/tiff");
        form.Add(file, "image", "image.tif");
        using HttpResponseMessage response = await _http.PostAsync(_endpoint, form, cancellationToken);
        response.EnsureSuccessStatusCode();
        byte[] mask = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return mask.Length;
    }
}
