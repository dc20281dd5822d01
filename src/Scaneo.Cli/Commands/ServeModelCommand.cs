using System.CommandLine;
using System.Globalization;
using Scaneo.Cli.Hosting;
using Scaneo.ReferenceModel;

namespace Scaneo.Cli.Commands;

/// <summary>
/// <c>scaneo serve-model [--port N] [--preset landsat|sentinel2] [--delay-ms N]</c>: runs the reference model server
/// (spectral-index baseline speaking the SCANEO protocol) on 127.0.0.1 until Ctrl+C, printing one URL per task.
/// </summary>
internal static class ServeModelCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port", "-p")
        {
            Description = "TCP port on 127.0.0.1 (0 = any free port).",
            DefaultValueFactory = _ => 0,
        };
        var preset = new Option<string>("--preset")
        {
            Description = "Band layout of the images: landsat (bands B,G,R,NIR,SWIR1,SWIR2, like the bundled sample) or sentinel2 (13 bands B1..B12).",
            DefaultValueFactory = _ => "landsat",
        };
        preset.AcceptOnlyFromAmong("landsat", "sentinel2");
        var delay = new Option<int>("--delay-ms")
        {
            Description = "Simulated model latency added to every task reply, in milliseconds (load tests).",
            DefaultValueFactory = _ => 0,
        };

        var command = new Command("serve-model", "Serve the reference model (NDWI/NDVI baseline: water, vegetation, built-up) over the SCANEO protocol on 127.0.0.1 until Ctrl+C.")
        {
            port,
            preset,
            delay,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            int portValue = parse.GetValue(port);
            if (portValue is < 0 or > 65535)
            {
                throw new CliUsageException($"--port must be in [0, 65535] (0 = any free port); found {portValue.ToString(CultureInfo.InvariantCulture)}.");
            }

            int delayValue = parse.GetValue(delay);
            if (delayValue is < 0 or > 600_000)
            {
                throw new CliUsageException($"--delay-ms must be in [0, 600000]; found {delayValue.ToString(CultureInfo.InvariantCulture)}.");
            }

            var options = ReferenceModelOptions.ForPreset(
                string.Equals(parse.GetValue(preset), "sentinel2", StringComparison.OrdinalIgnoreCase) ? ReferenceModelPreset.Sentinel2 : ReferenceModelPreset.Landsat);
            options.ResponseDelay = TimeSpan.FromMilliseconds(delayValue);

            await using ReferenceModelHandle server = await ReferenceModelServer.StartAsync(options, portValue, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"listening on {server.BaseAddress}").ConfigureAwait(false);
            foreach (var (task, uri) in server.Endpoints)
            {
                await context.Out.WriteLineAsync($"{task,-20} {uri}").ConfigureAwait(false);
            }

            await context.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await context.Error.WriteLineAsync("press Ctrl+C to stop").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C is how this command ends: a normal stop, not a failure.
            }

            return ScaneoCli.Success;
        });
        return command;
    }
}
