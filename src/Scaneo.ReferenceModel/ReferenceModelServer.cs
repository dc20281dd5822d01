using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scaneo.ReferenceModel.Hosting;

namespace Scaneo.ReferenceModel;

/// <summary>
/// Starts the reference model: a Kestrel server on the loopback interface (127.0.0.1 only) that speaks the SCANEO
/// model protocol on the routes of <see cref="ReferenceModelRoutes"/>, with the spectral-index baseline of
/// <see cref="ReferenceModelOptions"/> as its model. Used by <c>scaneo serve-model</c> and by integration tests.
/// </summary>
public static class ReferenceModelServer
{
    /// <summary>Starts a server and returns once it accepts connections.</summary>
    /// <param name="options">The model and server settings; validated and copied (later changes have no effect).</param>
    /// <param name="port">The TCP port on 127.0.0.1, or 0 (default) for a free port chosen by the OS.</param>
    /// <param name="cancellationToken">Cancels the start-up.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    /// <exception cref="ScaneoValidationException">Invalid options or port.</exception>
    /// <exception cref="IOException">The port is in use.</exception>
    public static async Task<ReferenceModelHandle> StartAsync(ReferenceModelOptions options, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (port is < 0 or > 65535)
        {
            throw new ScaneoValidationException("port", port.ToString(CultureInfo.InvariantCulture), "must be a TCP port in [0, 65535] (0 = any free port).");
        }

        ReferenceModelOptions settings = options.ValidatedCopy();

        // The empty builder reads no appsettings.json, environment URLs or command line: a test or the CLI gets
        // exactly the server configured here, whatever the current directory holds.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(ReferenceModelServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // The form (image + SAM fields) may exceed the image limit by its boundaries and small fields.
            kestrel.Limits.MaxRequestBodySize = settings.MaxImageBytes + (1024 * 1024);
            kestrel.Listen(IPAddress.Loopback, port);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);

        WebApplication app = builder.Build();
        app.UseRouting();
        ReferenceModelEndpoints.Map(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var baseAddress = new Uri(address.TrimEnd('/') + "/", UriKind.Absolute);
        return new ReferenceModelHandle(app, baseAddress);
    }
}
