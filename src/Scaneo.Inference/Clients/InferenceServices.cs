using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Scaneo.Inference.Codecs;
using Scaneo.Inference.Processing;

namespace Scaneo.Inference;

/// <summary>The singletons every typed client needs, bundled so the typed clients take (HttpClient, this).</summary>
internal sealed class InferenceServices(IOptionsMonitor<InferenceOptions> options, ProcessingStepRegistry steps, IServiceProvider services)
{
    public IOptionsMonitor<InferenceOptions> Options { get; } = options;

    public IOptionsMonitor<ModelResilienceOptions> ModelResilience { get; } = services.GetRequiredService<IOptionsMonitor<ModelResilienceOptions>>();

    public ProcessingStepRegistry Steps { get; } = steps;

    public ILoggerFactory LoggerFactory { get; } = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;

    public IMapTransformProvider? Transforms { get; } = services.GetService<IMapTransformProvider>();
}
