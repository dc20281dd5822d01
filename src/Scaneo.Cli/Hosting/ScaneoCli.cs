using System.CommandLine;
using Scaneo.Cli.Commands;

namespace Scaneo.Cli.Hosting;

/// <summary>
/// The <c>scaneo</c> command line: builds the command tree and turns every outcome into the exit-code contract
/// (0 success, 1 failure, 2 usage error) with exactly one <c>error: …</c> line on stderr.
/// </summary>
internal static class ScaneoCli
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Success = 0;

    /// <summary>Exit code of a run that failed (bad input file, unreachable model, …).</summary>
    public const int Failure = 1;

    /// <summary>Exit code of a command line that could not be parsed.</summary>
    public const int UsageError = 2;

    /// <summary>Gets the global <c>--verbose</c> option: stack traces and debug logs on stderr.</summary>
    public static Option<bool> VerboseOption { get; } = new("--verbose", "-v")
    {
        Description = "Print debug logs and, on failure, the stack trace on stderr.",
        Recursive = true,
    };

    /// <summary>Builds the command tree with the commands of <see cref="CommandCatalog"/>.</summary>
    /// <param name="context">The context commands write through.</param>
    /// <returns>The root command.</returns>
    public static RootCommand BuildRoot(CliContext context) => BuildRoot(context, CommandCatalog.Create);

    /// <summary>Builds the command tree with the given commands (tests plug in commands that fail on purpose).</summary>
    /// <param name="context">The context commands write through.</param>
    /// <param name="commands">Creates the subcommands.</param>
    /// <returns>The root command.</returns>
    public static RootCommand BuildRoot(CliContext context, Func<CliContext, IEnumerable<Command>> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var root = new RootCommand("scaneo — AI-assisted labelling of satellite imagery (Scaneo for .NET).");
        root.Options.Add(VerboseOption);
        root.Options.Add(JsonOutput.Option);
        foreach (var command in commands(context))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Runs <c>scaneo</c> with the given arguments.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where logs and the error line go.</param>
    /// <param name="cancellationToken">Cancels the command (Ctrl+C).</param>
    /// <returns>The exit code: <see cref="Success"/>, <see cref="Failure"/> or <see cref="UsageError"/>.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, stdout, stderr, CommandCatalog.Create, cancellationToken);

    /// <summary>Runs a command line against the given commands with the host's exit-code and error contract.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where logs and the error line go.</param>
    /// <param name="commands">Creates the subcommands.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<CliContext, IEnumerable<Command>> commands, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var context = new CliContext(stdout, stderr);
        var root = BuildRoot(context, commands);
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // "Unrecognized command or argument 'x'" says more than "Required command was not provided".
            var error = parse.Errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? parse.Errors[0];
            await stderr.WriteLineAsync("error: " + OneLine(error.Message)).ConfigureAwait(false);
            return UsageError;
        }

        bool verbose = parse.GetValue(VerboseOption);
        context.Verbose = verbose;
        context.Json = parse.GetValue(JsonOutput.Option);
        try
        {
            var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = stdout, Error = stderr };
            return await parse.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (CliUsageException ex)
        {
            await stderr.WriteLineAsync("error: " + OneLine(ex.Message)).ConfigureAwait(false);
            return UsageError;
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("error: cancelled").ConfigureAwait(false);
            return Failure;
        }
        catch (Exception ex)
        {
            await stderr.WriteLineAsync("error: " + OneLine(ex.Message)).ConfigureAwait(false);
            if (verbose)
            {
                await stderr.WriteLineAsync(ex.ToString()).ConfigureAwait(false);
            }

            return Failure;
        }
    }

    /// <summary>Folds a message onto one line so the error contract holds for multi-line exception messages.</summary>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
