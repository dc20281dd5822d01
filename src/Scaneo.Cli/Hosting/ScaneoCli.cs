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

    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("scaneo — AI-assisted labelling of satellite imagery (Scaneo for .NET).");
        root.Options.Add(VerboseOption);
        foreach (var command in CommandCatalog.Create(context))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(stdout, stderr);
        var root = BuildRoot(context);
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
