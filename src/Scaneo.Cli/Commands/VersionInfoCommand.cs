using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;
using Scaneo.Cli.Hosting;

namespace Scaneo.Cli.Commands;

/// <summary><c>scaneo about</c>: versions of the tool, its packages and the runtime, for bug reports.</summary>
internal static class VersionInfoCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("about", "Print the versions of scaneo, its packages and the .NET runtime.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var assemblies = new[] { typeof(Campaign).Assembly, typeof(CommandCatalog).Assembly }
                .Select(a => (Name: a.GetName().Name ?? "?", Version: a.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?"))
                .ToArray();
            if (context.Json)
            {
                await context.WriteJsonAsync(
                    w =>
                    {
                        w.WriteStartObject();
                        w.WriteStartArray("packages");
                        foreach (var (name, version) in assemblies)
                        {
                            w.WriteStartObject();
                            w.WriteString("name", name);
                            w.WriteString("version", version);
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                        w.WriteString("runtime", RuntimeInformation.FrameworkDescription);
                        w.WriteString("rid", RuntimeInformation.RuntimeIdentifier);
                        w.WriteEndObject();
                    },
                    cancellationToken).ConfigureAwait(false);
                return ScaneoCli.Success;
            }

            foreach (var (name, version) in assemblies)
            {
                await context.Out.WriteLineAsync($"{name} {version}".AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync($".NET {RuntimeInformation.FrameworkDescription} on {RuntimeInformation.RuntimeIdentifier}".AsMemory(), cancellationToken).ConfigureAwait(false);
            return ScaneoCli.Success;
        });
        return command;
    }
}
