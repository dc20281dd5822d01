using System.CommandLine;
using Scaneo.Cli.Hosting;

namespace Scaneo.Cli.Commands;

/// <summary>Every <c>scaneo</c> subcommand. Each is a thin adapter over package APIs, in its own file.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        yield return LabelCommand.Create(context);
        yield return InfoCommand.Create(context);
        yield return PolygonizeCommand.Create(context);
        yield return InferCommand.Create(context);
        yield return UncertaintyCommand.Create(context);
        yield return RankCommand.Create(context);
        yield return ExportCommand.Create(context);
        yield return ImportCommand.Create(context);
        yield return ServeModelCommand.Create(context);
        yield return VersionInfoCommand.Create(context);
    }
}
