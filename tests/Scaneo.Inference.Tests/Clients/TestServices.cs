using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Scaneo.Inference.Tests.Clients;

/// <summary>A service provider with the inference clients and short timeouts for tests.</summary>
internal static class TestServices
{
    public static ServiceProvider Create(Action<InferenceOptions>? configure = null, ILoggerProvider? logs = null, Action<IScaneoInferenceBuilder>? builder = null)
    {
        var services = new ServiceCollection();
        if (logs is not null)
        {
            services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        }

        var inference = services.AddScaneoInference(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
            o.TotalTimeout = TimeSpan.FromSeconds(6);
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            o.MaxRetryAttempts = 2;
            configure?.Invoke(o);
        });
        builder?.Invoke(inference);
        return services.BuildServiceProvider();
    }
}
