using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scaneo.Rasters;

namespace Scaneo.Integration.Tests.Faults;

/// <summary>
/// A real Kestrel server on 127.0.0.1 that answers every POST to <c>/{fault}</c> with that <see cref="ModelFault"/>,
/// counting the requests per fault so tests can see retries.
/// </summary>
internal sealed class FaultyModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<ModelFault, int> _requests = new();

    private FaultyModelServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Gets how long <see cref="ModelFault.Slow"/> waits (the client's timeout must be shorter).</summary>
    public static TimeSpan SlowDelay { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets how long <see cref="ModelFault.Delayed"/> waits (shorter than the tests' global attempt timeout).</summary>
    public static TimeSpan ShortDelay { get; } = TimeSpan.FromSeconds(1);

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FaultyModelServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var server = new FaultyModelServer(app);
        app.UseRouting();
        app.MapPost("/{fault}", server.AnswerAsync);
        await app.StartAsync(cancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public Uri UriFor(ModelFault fault) => new(BaseAddress, fault.ToString());

    public int RequestCount(ModelFault fault) => _requests.TryGetValue(fault, out int n) ? n : 0;

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        CancellationToken ct = context.RequestAborted;
        if (!Enum.TryParse((string?)context.GetRouteValue("fault"), out ModelFault fault))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        int count = _requests.AddOrUpdate(fault, 1, (_, n) => n + 1);

        // Read the whole request like a real server before misbehaving, so faults are about replies only.
        Raster? sent = await ReadImageAsync(context, ct);
        HttpResponse response = context.Response;
        switch (fault)
        {
            case ModelFault.InternalError:
                response.StatusCode = 500;
                await WriteTextAsync(response, "application/json", """{"detail":"CUDA out of memory. Tried to allocate 2.00 GiB"}""", ct);
                break;
            case ModelFault.Unavailable:
            case ModelFault.UnavailableOnce when count == 1:
                response.StatusCode = 503;
                response.Headers.RetryAfter = "1";
                await WriteTextAsync(response, "text/plain", "model is loading", ct);
                break;
            case ModelFault.UnavailableEveryOther when count % 2 == 1:
                response.StatusCode = 503;
                response.Headers.RetryAfter = "1";
                await WriteTextAsync(response, "text/plain", "model is loading", ct);
                break;
            case ModelFault.UnavailableOnce:
            case ModelFault.UnavailableEveryOther:
                await WriteTextAsync(response, "application/json", "[0.2, 0.5, 0.3]", ct);
                break;
            case ModelFault.Slow:
                await Task.Delay(SlowDelay, ct);
                await WriteTextAsync(response, "application/json", "[0.2, 0.5, 0.3]", ct);
                break;
            case ModelFault.Delayed:
                await Task.Delay(ShortDelay, ct);
                await WriteTextAsync(response, "application/json", "[0.2, 0.5, 0.3]", ct);
                break;
            case ModelFault.ConnectionReset:
                context.Abort();
                break;
            case ModelFault.HtmlErrorPage:
                await WriteTextAsync(response, "text/html", "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>", ct);
                break;
            case ModelFault.GarbageJson:
                await WriteTextAsync(response, "application/json", """[{"bbox": [1, 2, 3""", ct);
                break;
            case ModelFault.TruncatedTiff:
                byte[] full = Tiff(MaskLike(sent, 1, 1.0));
                await WriteBytesAsync(response, full.AsMemory(0, full.Length / 2), ct);
                break;
            case ModelFault.TwoBandMask:
                await WriteBytesAsync(response, Tiff(ScoresLike(sent, 2)), ct);
                break;
            case ModelFault.WrongSizeMask:
                await WriteBytesAsync(response, Tiff(MaskLike(sent, 1, 0.5)), ct);
                break;
            case ModelFault.HugeDimensions:
                await WriteBytesAsync(response, HugeTiff.Create(), ct);
                break;
        }
    }

    private static async Task<Raster?> ReadImageAsync(HttpContext context, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }

        IFormCollection form = await context.Request.ReadFormAsync(ct);
        IFormFile? file = form.Files.GetFile("image");
        if (file is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        return RasterFile.Read(buffer, file.FileName);
    }

    private static RasterBuffer<byte> MaskLike(Raster? sent, int bands, double scale)
    {
        int width = Math.Max(1, (int)((sent?.Width ?? 64) * scale));
        int height = Math.Max(1, (int)((sent?.Height ?? 64) * scale));
        var mask = new RasterBuffer<byte>(width, height, bands, sent?.GeoTransform?.Scale(1 / scale, 1 / scale), sent?.Crs);
        Span<byte> data = mask.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = (byte)(i % 3);
        }

        return mask;
    }

    private static RasterBuffer<float> ScoresLike(Raster? sent, int bands)
    {
        var scores = new RasterBuffer<float>(sent?.Width ?? 64, sent?.Height ?? 64, bands, sent?.GeoTransform, sent?.Crs);
        scores.Data.Fill(0.5f);
        return scores;
    }

    private static byte[] Tiff(Raster raster)
    {
        using var stream = new MemoryStream();
        RasterFile.WriteGeoTiff(raster, stream);
        return stream.ToArray();
    }

    private static Task WriteTextAsync(HttpResponse response, string contentType, string body, CancellationToken ct)
    {
        response.ContentType = contentType;
        return response.WriteAsync(body, Encoding.UTF8, ct);
    }

    private static async Task WriteBytesAsync(HttpResponse response, ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        response.ContentType = "image/tiff";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ct);
    }
}
