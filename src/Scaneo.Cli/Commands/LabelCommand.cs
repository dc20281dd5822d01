using System.CommandLine;
using System.Globalization;
using Scaneo.Cli.Hosting;
using Scaneo.Cli.Labelling;
using Spectre.Console;

namespace Scaneo.Cli.Commands;

/// <summary>
/// <c>scaneo label [CAMPAIGN-DIR] [--model URL --task … --labels …] [--out DIR] [--concurrency N]</c>: AI-assisted
/// labelling of a whole campaign (the bundled sample when no folder is given).
/// </summary>
internal static class LabelCommand
{
    /// <summary>Folder (next to the tool) holding the bundled sample campaign.</summary>
    internal const string SampleFolderName = "sample-campaign";

    public static Command Create(CliContext context)
    {
        var campaign = new Argument<string?>("campaign-dir")
        {
            Description = "Campaign folder with campaign.json (default: the bundled Landsat sample campaign).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var model = new ModelArguments(required: false);
        var output = new Option<string>("--out", "-o") { Description = "Output folder.", DefaultValueFactory = _ => "scaneo-output" };
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Images in flight at once per model (1–64).", DefaultValueFactory = _ => 4 };
        var command = new Command("label", "Run every model of a campaign over every image: annotations, uncertainty, uncertain areas, a ranking of what to label next, and overlay pictures.")
        {
            campaign,
            output,
            concurrency,
        };
        model.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            int n = parse.GetValue(concurrency);
            if (n is < 1 or > 64)
            {
                throw new CliUsageException($"--concurrency must be in [1, 64]; found {n.ToString(CultureInfo.InvariantCulture)}.");
            }

            string dir = parse.GetValue(campaign) ?? Path.Combine(AppContext.BaseDirectory, SampleFolderName);
            var options = new LabelJobOptions(dir, Path.GetFullPath(parse.GetValue(output)!), n, model.Resolve(parse));
            var result = await RunWithProgressAsync(context, options, cancellationToken).ConfigureAwait(false);
            LabelSummary.Write(context, result, options.OutputDirectory);
            return result.FailedImages > 0 ? ScaneoCli.Failure : ScaneoCli.Success;
        });
        return command;
    }

    private static async Task<LabelJobResult> RunWithProgressAsync(CliContext context, LabelJobOptions options, CancellationToken cancellationToken)
    {
        var job = new LabelJob(TimeProvider.System);
        if (!ReferenceEquals(context.Error, Console.Error) || Console.IsErrorRedirected)
        {
            // Redirected output (CI logs, scripts): one plain line per image instead of a redrawn bar.
            var lines = new Progress<LabelProgress>(p => context.Error.WriteLine(
                $"[{p.Completed}/{p.Total}] {p.Model} {p.Image} {(p.Succeeded ? "ok" : "FAILED")}"));
            return await job.RunAsync(options, lines, cancellationToken).ConfigureAwait(false);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var bar = ctx.AddTask("labelling", maxValue: 1);
                var report = new Progress<LabelProgress>(p =>
                {
                    bar.MaxValue = p.Total;
                    bar.Value = p.Completed;
                    bar.Description = Markup.Escape($"{p.Model} · {Path.GetFileName(p.Image)}");
                });
                return await job.RunAsync(options, report, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }
}
