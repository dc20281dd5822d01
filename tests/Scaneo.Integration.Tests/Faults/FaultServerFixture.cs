using Microsoft.Extensions.DependencyInjection;

namespace Scaneo.Integration.Tests.Faults;

/// <summary>The fault-injecting server and the inference clients, shared by the fault tests.</summary>
public sealed class FaultServerFixture : IAsyncLifetime
{
    internal FaultyModelServer Server { get; private set; } = null!;

    public ServiceProvider Services { get; } = InferenceHost.Create();

    public async Task InitializeAsync() => Server = await FaultyModelServer.StartAsync();

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
