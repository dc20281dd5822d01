using Microsoft.Extensions.Http.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The builder returned by <c>AddScaneoInference</c>.</summary>
internal sealed class ScaneoInferenceBuilder(IServiceCollection services, IHttpClientBuilder httpClientBuilder, IHttpStandardResiliencePipelineBuilder? resilience) : IScaneoInferenceBuilder
{
    public IServiceCollection Services { get; } = services;

    public IHttpClientBuilder HttpClientBuilder { get; } = httpClientBuilder;

    public IHttpStandardResiliencePipelineBuilder? Resilience { get; } = resilience;
}
