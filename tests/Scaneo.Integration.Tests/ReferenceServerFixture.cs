using Microsoft.Extensions.DependencyInjection;
using Scaneo.ReferenceModel;

namespace Scaneo.Integration.Tests;

/// <summary>A reference model server (Landsat preset) on loopback and the inference clients, shared per test class.</summary>
public sealed class ReferenceServerFixture : IAsyncLifetime
{
    public ReferenceModelHandle Server { get; private set; } = null!;

    public ServiceProvider Services { get; } = InferenceHost.Create();

    public async Task InitializeAsync() =>
        Server = await ReferenceModelServer.StartAsync(ReferenceModelOptions.ForPreset(ReferenceModelPreset.Landsat));

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
