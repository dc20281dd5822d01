using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Scaneo;
using Scaneo.Geo;
using Scaneo.Inference;
using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Benchmarks.Inference;

/// <summary>
/// Client overhead of one segmentation request, without a network or a model: encode a 512 × 512 × 13-band uint16
/// GeoTIFF, build the multipart body, let an in-memory handler consume it and answer a 512² uint8 GeoTIFF mask,
/// decode and validate the mask. Target: ≤ 5 ms.
/// </summary>
[MemoryDiagnoser]
public class ClientOverheadBenchmarks
{
    private ServiceProvider _services = null!;
    private ISegmentationClient _client = null!;
    private RasterBuffer<ushort> _image = null!;
    private ModelDefinition _model = null!;
    private byte[] _reply = null!;

    [GlobalSetup]
    public void Setup()
    {
        var gt = new GeoTransform(600000, 10, 0, 5000000, 0, -10);
        _image = new RasterBuffer<ushort>(512, 512, 13, gt, CrsReference.FromEpsg(32631));
        var data = _image.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (ushort)((i * 7919) % 10000);
        }

        var mask = new RasterBuffer<byte>(512, 512);
        var m = mask.Data;
        for (int i = 0; i < m.Length; i++)
        {
            m[i] = (byte)((i / 512 / 64) + (i % 512 / 128));
        }

        using var buffer = new MemoryStream();
        RasterFile.WriteGeoTiff(mask, buffer);
        byte[] reply = buffer.ToArray();
        _reply = reply;
        var services = new ServiceCollection();
        services.AddScaneoInference().HttpClientBuilder.ConfigurePrimaryHttpMessageHandler(() => new MaskHandler(reply));
        _services = services.BuildServiceProvider();
        _client = _services.GetRequiredService<ISegmentationClient>();
        _model = new ModelDefinition("bench", new Uri("http://model.invalid/predict"), ModelTask.Segmentation);
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public Task<SegmentationPrediction> SegmentRequest() => _client.SegmentAsync(_image, _model);

    [Benchmark]
    public long EncodeImageOnly()
    {
        // Disposing returns the pooled buffer, as a request does once it is sent.
        using var content = Scaneo.Inference.Codecs.RasterWire.Encode(_image, ImageFormat.GeoTiff, "bench").Content;
        return content.Headers.ContentLength ?? -1;
    }

    [Benchmark]
    public Raster DecodeMaskOnly() => RasterFile.Read(new MemoryStream(_reply), "mask.tif");

    private sealed class MaskHandler(byte[] reply) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // The "server" reads the whole multipart body, as a real one would.
            await request.Content!.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent(reply) };
        }
    }
}
