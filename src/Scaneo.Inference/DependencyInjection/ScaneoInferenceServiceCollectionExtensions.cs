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
    /// timeouts, and a circuit breaker per model server. Their settings come from <see cref="InferenceOptions"/>, or for
    /// one model from its <see cref="ModelResilienceOptions"/> (<see cref="ConfigureModelResilience"/>).
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

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelResilienceOptions>, ModelResilienceOptionsValidator>());
        IHttpStandardResiliencePipelineBuilder? resilience = null;
        if (useStandardResilience)
        {
            // The standard handler's strategies and options, built per model server and per model with settings of its own.
            string optionsName = http.Name + "-" + ModelResiliencePipelines.Identifier;
            var pipeline = http.AddResilienceHandler(ModelResiliencePipelines.Identifier, (builder, context) => ModelResiliencePipelines.Build(builder, context, optionsName));
            pipeline.SelectPipelineBy(ModelResiliencePipelines.CreateSelector);
            resilience = new StandardPipelineBuilder(pipeline.PipelineName, services);
            resilience.Configure((HttpStandardResilienceOptions o, IServiceProvider sp) => ModelResiliencePipelines.ApplyGlobal(sp.GetRequiredService<IOptions<InferenceOptions>>().Value, o));
            services.AddSingleton<IValidateOptions<HttpStandardResilienceOptions>>(new StandardResilienceOptionsValidator(optionsName));
            services.AddOptions<HttpStandardResilienceOptions>(optionsName).ValidateOnStart();
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

    /// <summary>
    /// Gives one model resilience settings of its own (named <see cref="ModelResilienceOptions"/>, validated when the
    /// host starts); what <paramref name="configure"/> leaves null keeps the global <see cref="InferenceOptions"/> value.
    /// </summary>
    /// <remarks>
    /// Requests to that model then go through pipelines of their own (per model server): their own retries, timeouts
    /// and circuit breaker. Example — a slow SAM server with a long attempt timeout and no retries:
    /// <code>
    /// services.AddScaneoInference()
    ///     .ConfigureModelResilience("sam-large", o =&gt; { o.AttemptTimeout = TimeSpan.FromSeconds(120); o.TotalTimeout = TimeSpan.FromSeconds(150); o.MaxRetryAttempts = 0; })
    ///     .ConfigureModelResilience("landcover", o =&gt; o.MaxRetryAttempts = 5);
    /// </code>
    /// Settings apply when <c>AddScaneoInference</c> added the standard resilience handler; replacing its pipeline
    /// selector through <see cref="IScaneoInferenceBuilder.Resilience"/> turns them off.
    /// </remarks>
    /// <param name="builder">The builder.</param>
    /// <param name="modelName">The model's <see cref="Scaneo.ModelDefinition.Name"/> (compared ordinally).</param>
    /// <param name="configure">Sets the values that differ from the global ones.</param>
    /// <returns>The builder.</returns>
    public static IScaneoInferenceBuilder ConfigureModelResilience(this IScaneoInferenceBuilder builder, string modelName, Action<ModelResilienceOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelName);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<ModelResilienceOptions>(modelName).Configure(configure).ValidateOnStart();
        return builder;
    }

    /// <summary>The builder handed to hosts as <see cref="IScaneoInferenceBuilder.Resilience"/>: the standard options' name and the services.</summary>
    private sealed record StandardPipelineBuilder(string PipelineName, IServiceCollection Services) : IHttpStandardResiliencePipelineBuilder;
}
