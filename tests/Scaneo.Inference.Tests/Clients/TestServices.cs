using Microsoft.Extensions.DependencyInjection;

namespace Scaneo.Inference.Tests.Clients;

/// <summary>A service provider with the inference clients and short timeouts for tests.</summary>
internal static class TestServices
{
    public static ServiceProvider Create(Action<InferenceOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddScaneoInference(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(2);
            o.TotalTimeout = TimeSpan.FromSeconds(6);
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            o.MaxRetryAttempts = 2;
            configure?.Invoke(o);
        });
        return services.BuildServiceProvider();
    }
}
