using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Scaneo.Inference.Tests.Clients;

public class ResilienceTests
{
    private static ModelDefinition Model(Uri url, string name = "test-model") => new(name, url, ModelTask.Classification);

    private static Task<Scaneo.Predictions.ClassificationPrediction> Classify(ServiceProvider services, ModelDefinition model, CancellationToken cancellationToken = default) =>
        services.GetRequiredService<IClassificationClient>().ClassifyAsync(ClientTests.Image(4, 4, 1), model, cancellationToken);

    [Fact]
    public async Task ClassifyAsync_500Then200_IsRetried()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, n) =>
        {
            if (n == 1)
            {
                ctx.Response.StatusCode = 500;
                return Task.CompletedTask;
            }

            return ctx.Response.WriteAsync("[0.25, 0.75]");
        });
        using var services = TestServices.Create();
        var prediction = await Classify(services, Model(server.Url));
        Assert.Equal([0.25, 0.75], prediction.Scores);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task ClassifyAsync_503WithRetryAfter_WaitsAsAsked()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, n) =>
        {
            if (n == 1)
            {
                ctx.Response.StatusCode = 503;
                ctx.Response.Headers.RetryAfter = "1";
                return Task.CompletedTask;
            }

            return ctx.Response.WriteAsync("[1]");
        });
        using var services = TestServices.Create();
        var watch = Stopwatch.StartNew();
        await Classify(services, Model(server.Url));
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {watch.Elapsed}; Retry-After asked for 1 s");
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task ClassifyAsync_SlowReply_ThrowsModelTimeout()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
            await ctx.Response.WriteAsync("[1]");
        });
        using var services = TestServices.Create(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.TotalTimeout = TimeSpan.FromMilliseconds(1500);
            o.MaxRetryAttempts = 1;
        });
        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<ModelTimeoutException>(() => Classify(services, Model(server.Url)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal("test-model", ex.ModelName);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task ClassifyAsync_ConnectionRefused_ThrowsModelUnreachable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var services = TestServices.Create(o => o.MaxRetryAttempts = 1);
        var ex = await Assert.ThrowsAsync<ModelUnreachableException>(() => Classify(services, Model(new Uri($"http://127.0.0.1:{port}/predict"))));
        Assert.Equal("connection refused", ex.Reason);
        Assert.Contains($"http://127.0.0.1:{port}/predict is unreachable: connection refused", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassifyAsync_HtmlErrorPage_ThrowsEndpointExceptionWithExcerpt()
    {
        string page = "<html><body><h1>Internal error</h1>" + new string('x', 5000) + "</body></html>";
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            ctx.Response.StatusCode = 500;
            ctx.Response.ContentType = "text/html";
            return ctx.Response.WriteAsync(page);
        });
        using var services = TestServices.Create(o => o.MaxRetryAttempts = 1);
        var ex = await Assert.ThrowsAsync<ModelEndpointException>(() => Classify(services, Model(server.Url)));
        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.StartsWith("<html><body><h1>Internal error</h1>", ex.BodyExcerpt, StringComparison.Ordinal);
        Assert.True(ex.BodyExcerpt!.Length <= ModelEndpointException.MaxExcerptLength + 1);
        Assert.Contains("answered HTTP 500 Internal Server Error", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task ClassifyAsync_GarbageJson_ThrowsReplyFormat()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => ctx.Response.WriteAsync("{\"probabilities\": [0.1, 0.9"));
        using var services = TestServices.Create();
        var ex = await Assert.ThrowsAsync<ReplyFormatException>(() => Classify(services, Model(server.Url)));
        Assert.Contains("invalid JSON", ex.Found, StringComparison.Ordinal);
        Assert.Equal("test-model", ex.ModelName);
    }

    [Fact]
    public async Task ClassifyAsync_HtmlWith200_ThrowsReplyFormatNamingHtml()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) => ctx.Response.WriteAsync("<html>login</html>"));
        using var services = TestServices.Create();
        var ex = await Assert.ThrowsAsync<ReplyFormatException>(() => Classify(services, Model(server.Url)));
        Assert.Contains("HTML/XML text", ex.Found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassifyAsync_HugeDeclaredReply_ThrowsReplyTooLarge()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            ctx.Response.ContentLength = 50_000;
            return ctx.Response.WriteAsync("[" + string.Join(",", Enumerable.Repeat("0.1", 12_499)) + ",0.11]");
        });
        using var services = TestServices.Create(o => o.MaxReplyBytes = 10_000);
        var ex = await Assert.ThrowsAsync<ReplyTooLargeException>(() => Classify(services, Model(server.Url)));
        Assert.Equal(50_000, ex.Size);
        Assert.Equal(10_000, ex.Limit);
    }

    [Fact]
    public async Task ClassifyAsync_HugeChunkedReply_IsCutWhileReading()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            await ctx.Response.WriteAsync("[");
            for (int i = 0; i < 2000; i++)
            {
                await ctx.Response.WriteAsync("0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,0.1,");
            }

            await ctx.Response.WriteAsync("0.1]");
        });
        using var services = TestServices.Create(o => o.MaxReplyBytes = 10_000);
        var ex = await Assert.ThrowsAsync<ReplyTooLargeException>(() => Classify(services, Model(server.Url)));
        Assert.True(ex.Size > 10_000);
        Assert.Contains("more than", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClassifyAsync_Credentials_AreSentButNeverShown()
    {
        const string key = "sk-very-secret-key";
        const string token = "bearer-very-secret";
        string? seenKey = null, seenAuth = null;
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            seenKey = ctx.Request.Headers["X-Api-Key"];
            seenAuth = ctx.Request.Headers.Authorization;
            ctx.Response.StatusCode = 401;
            return ctx.Response.WriteAsync("unauthorised");
        });
        var logs = new CapturingLoggerProvider();
        using var services = TestServices.Create(o => o.Authentication["secured"] = new ModelAuthentication { ApiKey = key, BearerToken = token }, logs);
        var url = new UriBuilder(server.Url) { UserName = "user", Password = "pa55word", Query = "api_key=query-secret" }.Uri;
        var ex = await Assert.ThrowsAsync<ModelEndpointException>(() => Classify(services, Model(url, "secured")));
        Assert.Equal(key, seenKey);
        Assert.Equal("Bearer " + token, seenAuth);
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        foreach (string secret in new[] { key, token, "pa55word", "query-secret", "user@" })
        {
            Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, ex.Endpoint, StringComparison.Ordinal);
            Assert.False(logs.Messages.Any(m => m.Contains(secret, StringComparison.Ordinal)), secret + " logged: " + logs.Messages.FirstOrDefault(m => m.Contains(secret, StringComparison.Ordinal)));
        }

        Assert.NotEmpty(logs.Messages);

        Assert.Equal(server.Url.ToString(), ex.Endpoint);
    }

    [Fact]
    public async Task ClassifyAsync_CallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ctx.RequestAborted);
        });
        using var services = TestServices.Create();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Classify(services, Model(server.Url), cts.Token));
        Assert.IsNotType<ModelTimeoutException>(ex);
    }

    [Fact]
    public async Task ClassifyAsync_ConnectionResetMidReply_ThrowsModelUnreachable()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            ctx.Response.ContentLength = 1000;
            await ctx.Response.WriteAsync("[0.1, 0.2");
            await ctx.Response.Body.FlushAsync();
            ctx.Abort();
        });
        using var services = TestServices.Create(o => o.MaxRetryAttempts = 1);
        await Assert.ThrowsAsync<ModelUnreachableException>(() => Classify(services, Model(server.Url)));
    }
}
