using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Scaneo.Inference;

/// <summary>
/// The resilience handler of the inference HTTP client: the standard pipeline (rate limiter → total timeout → retry →
/// circuit breaker → attempt timeout), one instance per model server, plus one per (server, model) for models with
/// <see cref="ModelResilienceOptions"/> of their own. The standard handler of Microsoft.Extensions.Http.Resilience
/// builds every instance from the same options; this one starts from those same options (so everything a host
/// configures through <c>IScaneoInferenceBuilder.Resilience</c> still applies) and lays the model's settings on top.
/// </summary>
internal static class ModelResiliencePipelines
{
    /// <summary>The handler's identifier; with the client name it gives the pipeline and options name, as the standard handler's does.</summary>
    public const string Identifier = "standard";

    /// <summary>Carries the model's name from the invoker to the pipeline selector.</summary>
    public static readonly HttpRequestOptionsKey<string> ModelName = new("Scaneo.Inference.Model");

    // Neither a scheme nor a host can contain a space, so the first one ends the authority.
    private const char KeySeparator = ' ';

    /// <summary>
    /// Creates the pipeline key selector: the endpoint's scheme, host and port (never userinfo, path or query: keys end
    /// up in metrics), followed by the model's name when that model has settings of its own.
    /// </summary>
    public static Func<HttpRequestMessage, string> CreateSelector(IServiceProvider services)
    {
        var models = services.GetRequiredService<IOptionsMonitor<ModelResilienceOptions>>();
        return request =>
        {
            string authority = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) : string.Empty;
            return request.Options.TryGetValue(ModelName, out string? model) && models.Get(model).HasOverrides
                ? authority + KeySeparator + model
                : authority;
        };
    }

    /// <summary>Gets the model name a pipeline key was made for, or null for a server's shared pipeline.</summary>
    public static string? ModelOf(string pipelineKey)
    {
        int separator = pipelineKey.IndexOf(KeySeparator, StringComparison.Ordinal);
        return separator < 0 ? null : pipelineKey[(separator + 1)..];
    }

    /// <summary>Builds the pipeline instance for <see cref="ResilienceHandlerContext.InstanceName"/>.</summary>
    public static void Build(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context, string optionsName)
    {
        var services = context.ServiceProvider;
        string? modelName = ModelOf(context.InstanceName);
        InferenceOptions global = services.GetRequiredService<IOptions<InferenceOptions>>().Value;

        // A fresh instance per pipeline: the monitor's cached one is shared, and a model's settings must not leak into it.
        var options = services.GetRequiredService<IOptionsFactory<HttpStandardResilienceOptions>>().Create(optionsName);
        ModelResilienceOptions? model = null;
        if (modelName is null)
        {
            context.EnableReloads<HttpStandardResilienceOptions>(optionsName);
        }
        else
        {
            model = services.GetRequiredService<IOptionsMonitor<ModelResilienceOptions>>().Get(modelName);
            context.EnableReloads<ModelResilienceOptions>(modelName);
            ApplyOverrides(model, options);
        }

        int retries = model?.MaxRetryAttempts ?? global.MaxRetryAttempts;
        builder.AddRateLimiter(options.RateLimiter).AddTimeout(options.TotalRequestTimeout);
        if (retries > 0)
        {
            builder.AddRetry(options.Retry);
        }

        builder.AddCircuitBreaker(options.CircuitBreaker).AddTimeout(options.AttemptTimeout);
    }

    /// <summary>Copies the global settings onto the options every pipeline starts from.</summary>
    public static void ApplyGlobal(InferenceOptions source, HttpStandardResilienceOptions target)
    {
        target.AttemptTimeout.Timeout = source.AttemptTimeout;
        target.TotalRequestTimeout.Timeout = source.TotalTimeout;
        target.Retry.Delay = source.RetryBaseDelay;

        // Zero retries leaves the retry strategy out of the pipeline (Polly requires at least one); the value is moot then.
        target.Retry.MaxRetryAttempts = Math.Max(1, source.MaxRetryAttempts);
        WidenBreakerWindow(target);
    }

    /// <summary>Lays a model's own settings over the options, leaving what it does not set as configured.</summary>
    public static void ApplyOverrides(ModelResilienceOptions source, HttpStandardResilienceOptions target)
    {
        if (source.AttemptTimeout is TimeSpan attempt)
        {
            target.AttemptTimeout.Timeout = attempt;
        }

        if (source.TotalTimeout is TimeSpan total)
        {
            target.TotalRequestTimeout.Timeout = total;
        }

        if (source.RetryBaseDelay is TimeSpan delay)
        {
            target.Retry.Delay = delay;
        }

        if (source.MaxRetryAttempts is int retries)
        {
            target.Retry.MaxRetryAttempts = Math.Max(1, retries);
        }

        WidenBreakerWindow(target);
    }

    private static void WidenBreakerWindow(HttpStandardResilienceOptions target)
    {
        // The breaker's window must be at least twice the attempt timeout (the standard options' validator requires it).
        var window = target.AttemptTimeout.Timeout * 2 + TimeSpan.FromSeconds(1);
        if (target.CircuitBreaker.SamplingDuration < window)
        {
            target.CircuitBreaker.SamplingDuration = window;
        }
    }
}
