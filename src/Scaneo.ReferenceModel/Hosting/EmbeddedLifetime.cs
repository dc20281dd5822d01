using Microsoft.Extensions.Hosting;

namespace Scaneo.ReferenceModel.Hosting;

/// <summary>
/// A host lifetime that leaves process signals alone. The default ConsoleLifetime swallows SIGINT/SIGTERM to stop
/// the host itself, but this server is embedded (CLI, tests): its owner handles Ctrl+C and disposes the handle.
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
