using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Scaneo.Inference;
using Scaneo.Inference.Batch;
using Scaneo.Inference.Codecs;
using Scaneo.Inference.Processing;
using Scaneo.Rasters;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Scaneo inference clients, processing steps, options and resilience.</summary>
public static class ScaneoInferenceServiceCollectionExtensions
{
    /// <summary>The name of the HTTP client shared by the typed inference clients.</summary>
    public const string HttpClientName = "Scaneo.Inference";

    /// <summary>
    /// Adds <see cref="IClassificationClient"/>, <see cref="IDetectionClient"/>, <see cref="ISegmentationClient"/>,
    /// <see cref="ISamClient"/> (typed clients of one named <see cref="HttpClient"/>), <see cref="IInferenceClient"/>,
    /// <see cref="InferenceBatchRunner"/>, the <see cref="ProcessingStepRegistry"/> and <see cref="InferenceOptions"/>
    /// (validated on start).
    /// </summary>
    /// <remarks>
    /// Unless <paramref name="useStandardResilience"/> is false, the standard resilience handler is added: retries with
    /// exponential, jittered backoff that honour <c>Retry-After</c> for 408, 429, 5xx and transport errors — POST
    /// requests included, since model inference has no side effects (set <c>Retry.DisableForUnsafeHttpMethods()</c>
    /// through <see cref="IScaneoInferenceBuilder.Resilience"/> for servers where that is not true) — attempt and total
    /// timeouts, and a circuit breaker per model server. Their settings come from <see cref="InferenceOptions"/>.
    /// <see cref="HttpClient.Timeout"/> is not changed.
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options.</param>
    /// <param name="useStandardResilience">Whether to add the standard resilience handler.</param>
    /// <returns>A builder to configure the HTTP client and steps further.</returns>
    public static IScaneoInferenceBuilder AddScaneoInference(this IServiceCollection services, Action<InferenceOptions>? configure = null, bool useStandardResilience = true)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<InferenceOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>());
        services.TryAddSingleton(sp => new ProcessingStepRegistry(sp.GetServices<IProcessingStepFactory>()));
        services.TryAddSingleton<InferenceServices>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IMapTransformProvider, ReprojectionTransformProvider>();
        var http = services.AddHttpClient<IClassificationClient, ClassificationClient>(HttpClientName);
        services.AddHttpClient<IDetectionClient, DetectionClient>(HttpClientName);
        services.AddHttpClient<ISegmentationClient, SegmentationClient>(HttpClientName);
        services.AddHttpClient<ISamClient, SamClient>(HttpClientName);
        services.TryAddTransient<IInferenceClient, InferenceClient>();
        services.TryAddTransient<InferenceBatchRunner>();

        IHttpStandardResiliencePipelineBuilder? resilience = null;
        if (useStandardResilience)
        {
            resilience = http.AddStandardResilienceHandler();
            resilience.Configure((HttpStandardResilienceOptions o, IServiceProvider sp) => Apply(sp.GetRequiredService<IOptions<InferenceOptions>>().Value, o));
            resilience.SelectPipelineByAuthority();
        }

        return new ScaneoInferenceBuilder(services, http, resilience);
    }

    /// <summary>Registers a custom processing step (a factory with a built-in's name replaces the built-in).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="factory">The factory.</param>
    /// <returns>The builder.</returns>
    public static IScaneoInferenceBuilder AddStep(this IScaneoInferenceBuilder builder, IProcessingStepFactory factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddSingleton(factory);
        return builder;
    }

    /// <summary>Registers a custom preprocessing step from a delegate.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The step name (an identifier).</param>
    /// <param name="create">Creates the transform from the parsed spec (validate parameters here; throw <see cref="StepSpecException"/>).</param>
    /// <returns>The builder.</returns>
    public static IScaneoInferenceBuilder AddPreprocessingStep(this IScaneoInferenceBuilder builder, string name, Func<StepSpec, Func<Raster, Raster>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return builder.AddStep(new DelegateStepFactory(name, ProcessingStage.Preprocessing, spec => new PreprocessingStep(spec, create(spec))));
    }

    /// <summary>Registers a custom postprocessing step from a delegate.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The step name (an identifier).</param>
    /// <param name="create">Creates the transform from the parsed spec (validate parameters here; throw <see cref="StepSpecException"/>).</param>
    /// <returns>The builder.</returns>
    public static IScaneoInferenceBuilder AddPostprocessingStep(this IScaneoInferenceBuilder builder, string name, Func<StepSpec, Func<ModelReply, PostprocessingContext, ModelReply>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return builder.AddStep(new DelegateStepFactory(name, ProcessingStage.Postprocessing, spec => new PostprocessingStep(spec, create(spec))));
    }

    private static void Apply(InferenceOptions source, HttpStandardResilienceOptions target)
    {
        target.AttemptTimeout.Timeout = source.AttemptTimeout;
        target.TotalRequestTimeout.Timeout = source.TotalTimeout;
        target.Retry.Delay = source.RetryBaseDelay;
        if (source.MaxRetryAttempts == 0)
        {
            target.Retry.MaxRetryAttempts = 1;
            target.Retry.ShouldHandle = static _ => ValueTask.FromResult(false);
        }
        else
        {
            target.Retry.MaxRetryAttempts = source.MaxRetryAttempts;
        }

        // The breaker's window must be at least twice the attempt timeout (the options validator requires it).
        var window = source.AttemptTimeout * 2 + TimeSpan.FromSeconds(1);
        if (target.CircuitBreaker.SamplingDuration < window)
        {
            target.CircuitBreaker.SamplingDuration = window;
        }
    }
}
