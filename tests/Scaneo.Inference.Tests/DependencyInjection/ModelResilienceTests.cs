using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Scaneo.Inference.Tests.Clients;

namespace Scaneo.Inference.Tests.DependencyInjection;

/// <summary>Per-model resilience settings (<see cref="ModelResilienceOptions"/>) over a loopback server.</summary>
public class ModelResilienceTests
{
    private static ModelDefinition Model(Uri url, string name) => new(name, url, ModelTask.Classification);

    private static Task<Scaneo.Predictions.ClassificationPrediction> Classify(ServiceProvider services, ModelDefinition model) =>
        services.GetRequiredService<IClassificationClient>().ClassifyAsync(ClientTests.Image(4, 4, 1), model);

    [Fact]
    public async Task ConfigureModelResilience_TwoModels_EachGetsItsOwnRetryCount()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            ctx.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        using var services = TestServices.Create(builder: b => b
            .ConfigureModelResilience("flaky", o => o.MaxRetryAttempts = 4)
            .ConfigureModelResilience("no-retries", o => o.MaxRetryAttempts = 0));

        await Assert.ThrowsAsync<ModelEndpointException>(() => Classify(services, Model(server.Url, "flaky")));
        Assert.Equal(5, server.Requests);
        await Assert.ThrowsAsync<ModelEndpointException>(() => Classify(services, Model(server.Url, "no-retries")));
        Assert.Equal(6, server.Requests);

        // A model without settings of its own keeps the global two retries.
        await Assert.ThrowsAsync<ModelEndpointException>(() => Classify(services, Model(server.Url, "plain")));
        Assert.Equal(9, server.Requests);
    }

    [Fact]
    public async Task ConfigureModelResilience_RetriesForOneModelWhenGloballyOff_RetriesOnlyThatModel()
    {
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            ctx.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        using var services = TestServices.Create(o => o.MaxRetryAttempts = 0, builder: b => b.ConfigureModelResilience("flaky", o => o.MaxRetryAttempts = 2));

        await Assert.ThrowsAsync<ModelEndpointException>(() => Classify(services, Model(server.Url, "plain")));
        Assert.Equal(1, server.Requests);
        await Assert.ThrowsAsync<ModelEndpointException>(() => Classify(services, Model(server.Url, "flaky")));
        Assert.Equal(4, server.Requests);
    }

    [Fact]
    public async Task ConfigureModelResilience_ShortAttemptTimeout_FiresOnlyForThatModel()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(800), ctx.RequestAborted);
            await ctx.Response.WriteAsync("[0.25, 0.75]");
        });
        using var services = TestServices.Create(builder: b => b.ConfigureModelResilience("impatient", o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(250);
            o.MaxRetryAttempts = 0;
        }));

        // Within the global 2 s attempt timeout (this also warms the connection, so the short timeout below only
        // measures the server's delay).
        var prediction = await Classify(services, Model(server.Url, "patient"));
        Assert.Equal([0.25, 0.75], prediction.Scores);

        var ex = await Assert.ThrowsAsync<ModelTimeoutException>(() => Classify(services, Model(server.Url, "impatient")));
        Assert.Equal(TimeSpan.FromMilliseconds(250), ex.Timeout);
        Assert.Equal("impatient", ex.ModelName);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task ConfigureModelResilience_LongAttemptTimeout_OutlastsTheGlobalOne()
    {
        await using var server = await LoopbackServer.StartAsync(async (ctx, _) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(600), ctx.RequestAborted);
            await ctx.Response.WriteAsync("[1]");
        });
        using var services = TestServices.Create(
            o =>
            {
                o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
                o.TotalTimeout = TimeSpan.FromMilliseconds(500);
                o.MaxRetryAttempts = 0;
            },
            builder: b => b.ConfigureModelResilience("sam-large", o =>
            {
                o.AttemptTimeout = TimeSpan.FromSeconds(5);
                o.TotalTimeout = TimeSpan.FromSeconds(5);
            }));

        await Assert.ThrowsAsync<ModelTimeoutException>(() => Classify(services, Model(server.Url, "other")));
        var prediction = await Classify(services, Model(server.Url, "sam-large"));
        Assert.Equal([1.0], prediction.Scores);
    }

    [Fact]
    public async Task ConfigureModelResilience_CredentialsOfAModelWithOwnPipeline_NeverLogged()
    {
        const string token = "bearer-very-secret";
        await using var server = await LoopbackServer.StartAsync((ctx, _) =>
        {
            ctx.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        var logs = new CapturingLoggerProvider();
        using var services = TestServices.Create(
            o => o.Authentication["secured"] = new ModelAuthentication { BearerToken = token },
            logs,
            b => b.ConfigureModelResilience("secured", o => o.MaxRetryAttempts = 1));
        var url = new UriBuilder(server.Url) { UserName = "user", Password = "pa55word" }.Uri;

        var ex = await Assert.ThrowsAsync<ModelEndpointException>(() => Classify(services, Model(url, "secured")));

        Assert.Equal(2, server.Requests);
        Assert.NotEmpty(logs.Messages);
        foreach (string secret in new[] { token, "pa55word", "user@" })
        {
            Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
            Assert.False(logs.Messages.Any(m => m.Contains(secret, StringComparison.Ordinal)), secret + " logged: " + logs.Messages.FirstOrDefault(m => m.Contains(secret, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void ConfigureModelResilience_InvalidAgainstGlobalFallback_FailsOnStartNamingTheModel()
    {
        var services = new ServiceCollection();
        services.AddScaneoInference(o => o.TotalTimeout = TimeSpan.FromSeconds(60))
            .ConfigureModelResilience("sam-large", o => o.AttemptTimeout = TimeSpan.FromSeconds(120));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ModelResilienceOptions[sam-large].TotalTimeout", ex.Message, StringComparison.Ordinal);
        Assert.Contains("at least AttemptTimeout (00:02:00)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureModelResilience_ValidSettings_PassStartValidation()
    {
        var services = new ServiceCollection();
        services.AddScaneoInference()
            .ConfigureModelResilience("sam-large", o =>
            {
                o.AttemptTimeout = TimeSpan.FromSeconds(120);
                o.TotalTimeout = TimeSpan.FromSeconds(150);
                o.MaxRetryAttempts = 0;
            });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        var options = provider.GetRequiredService<IOptionsMonitor<ModelResilienceOptions>>();
        Assert.Equal(TimeSpan.FromSeconds(120), options.Get("sam-large").AttemptTimeout);
        Assert.Null(options.Get("another-model").AttemptTimeout);
    }

    [Fact]
    public void Resilience_HostBreaksBreakerWindowRule_FailsOnStart()
    {
        var services = new ServiceCollection();
        services.AddScaneoInference(o => o.AttemptTimeout = TimeSpan.FromSeconds(30))
            .Resilience!.Configure(o => o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("CircuitBreaker.SamplingDuration", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigureModelResilience_BlankModelName_Throws()
    {
        var builder = new ServiceCollection().AddScaneoInference();
        Assert.Throws<ArgumentException>(() => builder.ConfigureModelResilience(" ", o => o.MaxRetryAttempts = 1));
    }

    [Fact]
    public void ResilienceSettingsFor_UnsetProperties_FallBackOneByOne()
    {
        var global = new InferenceOptions { AttemptTimeout = TimeSpan.FromSeconds(30), TotalTimeout = TimeSpan.FromSeconds(90), MaxRetryAttempts = 3, RetryBaseDelay = TimeSpan.FromSeconds(1) };
        var model = new ModelResilienceOptions { AttemptTimeout = TimeSpan.FromSeconds(60), MaxRetryAttempts = 0 };

        var settings = ResilienceSettings.For(global, model);

        Assert.Equal(new ResilienceSettings(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(90), 0, TimeSpan.FromSeconds(1)), settings);
        Assert.Equal(ResilienceSettings.Global(global), ResilienceSettings.For(global, new ModelResilienceOptions()));
    }

    [Fact]
    public void Selector_ModelWithOwnSettings_GetsItsOwnKeyWithoutUserInfo()
    {
        var services = new ServiceCollection();
        services.AddScaneoInference().ConfigureModelResilience("sam large", o => o.MaxRetryAttempts = 0);
        using var provider = services.BuildServiceProvider();
        var select = ModelResiliencePipelines.CreateSelector(provider);

        using var own = new HttpRequestMessage(HttpMethod.Post, "http://user:pw@models.example:8080/sam?k=secret");
        own.Options.Set(ModelResiliencePipelines.ModelName, "sam large");
        using var shared = new HttpRequestMessage(HttpMethod.Post, "http://models.example:8080/classify");
        shared.Options.Set(ModelResiliencePipelines.ModelName, "plain");

        string ownKey = select(own);
        Assert.Equal("http://models.example:8080 sam large", ownKey);
        Assert.Equal("sam large", ModelResiliencePipelines.ModelOf(ownKey));
        Assert.Equal("http://models.example:8080", select(shared));
        Assert.Null(ModelResiliencePipelines.ModelOf(select(shared)));
    }
}
