using Microsoft.Extensions.Http.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures the Scaneo inference services added by <c>AddScaneoInference</c>.</summary>
public interface IScaneoInferenceBuilder
{
    /// <summary>Gets the service collection.</summary>
    IServiceCollection Services { get; }

    /// <summary>
    /// Gets the builder of the named HTTP client shared by the typed inference clients
    /// (<see cref="ScaneoInferenceServiceCollectionExtensions.HttpClientName"/>): add handlers, a primary handler,
    /// certificates or a proxy here.
    /// </summary>
    IHttpClientBuilder HttpClientBuilder { get; }

    /// <summary>
    /// Gets the standard resilience pipeline added to that client, or <see langword="null"/> when it was left out.
    /// Its pipelines are selected per endpoint authority, so each model server has its own circuit breaker, and per model
    /// for models with <see cref="Scaneo.Inference.ModelResilienceOptions"/> of their own; what is configured here is the
    /// starting point of every pipeline, a model's own settings win over it.
    /// </summary>
    IHttpStandardResiliencePipelineBuilder? Resilience { get; }
}
