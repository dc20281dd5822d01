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
        command.SetAction(_ =>
        {
            foreach (var assembly in new[] { typeof(Campaign).Assembly, typeof(CommandCatalog).Assembly })
            {
                string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
                context.Out.WriteLine($"{assembly.GetName().Name} {version}");
            }

            context.Out.WriteLine($".NET {RuntimeInformation.FrameworkDescription} on {RuntimeInformation.RuntimeIdentifier}");
            return ScaneoCli.Success;
        });
        return command;
    }
}
