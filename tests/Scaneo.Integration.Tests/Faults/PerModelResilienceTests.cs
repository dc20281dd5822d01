using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Scaneo.Inference;
using Scaneo.Predictions;

namespace Scaneo.Integration.Tests.Faults;

/// <summary>
/// Per-model resilience settings (<c>ConfigureModelResilience</c>) in the production pipeline, over real sockets: two
/// models on the same faulty endpoint, one service provider, different outcomes.
/// </summary>
public sealed class PerModelResilienceTests : IAsyncLifetime
{
    private FaultyModelServer _server = null!;

    public async Task InitializeAsync() => _server = await FaultyModelServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ClassifyAsync_SameFaultyEndpoint_ModelWithRetriesSucceedsModelWithoutFails()
    {
        // Global settings: 2 retries (InferenceHost); "strict" turns them off, "patient" raises them to 3.
        await using ServiceProvider services = InferenceHost.Create(builder: b => b
            .ConfigureModelResilience("strict", o => o.MaxRetryAttempts = 0)
            .ConfigureModelResilience("patient", o => o.MaxRetryAttempts = 3));
        var client = services.GetRequiredService<IClassificationClient>();
        Uri endpoint = _server.UriFor(ModelFault.UnavailableEveryOther);

        // Request 1 is a 503 with Retry-After: 1; the retry (request 2) is answered.
        ClassificationPrediction prediction = await client.ClassifyAsync(
            InferenceHost.Small(), InferenceHost.Model("patient", endpoint, ModelTask.Classification));
        Assert.Equal([0.2, 0.5, 0.3], prediction.Scores);
        Assert.Equal(2, _server.RequestCount(ModelFault.UnavailableEveryOther));

        // Request 3 is a 503 again, and "strict" does not retry it.
        var ex = await Assert.ThrowsAsync<ModelEndpointException>(
            () => client.ClassifyAsync(InferenceHost.Small(), InferenceHost.Model("strict", endpoint, ModelTask.Classification)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal("strict", ex.ModelName);
        Assert.Equal(3, _server.RequestCount(ModelFault.UnavailableEveryOther));
    }

    [Fact]
    public async Task ClassifyAsync_SlowReply_PerModelAttemptTimeoutFiresWhereTheGlobalOneWouldNot()
    {
        // Global attempt timeout 2 s (InferenceHost) > the server's 1 s delay > "hasty"'s 300 ms.
        await using ServiceProvider services = InferenceHost.Create(builder: b => b.ConfigureModelResilience("hasty", o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(300);
            o.MaxRetryAttempts = 0;
        }));
        var client = services.GetRequiredService<IClassificationClient>();
        Uri endpoint = _server.UriFor(ModelFault.Delayed);

        ClassificationPrediction prediction = await client.ClassifyAsync(
            InferenceHost.Small(), InferenceHost.Model("global-settings", endpoint, ModelTask.Classification));
        Assert.Equal([0.2, 0.5, 0.3], prediction.Scores);

        var ex = await Assert.ThrowsAsync<ModelTimeoutException>(
            () => client.ClassifyAsync(InferenceHost.Small(), InferenceHost.Model("hasty", endpoint, ModelTask.Classification)));
        Assert.Equal(TimeSpan.FromMilliseconds(300), ex.Timeout);
        Assert.Equal("hasty", ex.ModelName);
        Assert.Equal(2, _server.RequestCount(ModelFault.Delayed));
    }
}
