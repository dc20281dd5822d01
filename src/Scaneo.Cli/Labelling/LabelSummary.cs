using System.Globalization;
using Scaneo.Cli.Hosting;
using Spectre.Console;

namespace Scaneo.Cli.Labelling;

/// <summary>Prints the summary table of a label job on stdout.</summary>
internal static class LabelSummary
{
    public static void Write(CliContext context, LabelJobResult result, string outputDir)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Out),
            Ansi = ReferenceEquals(context.Out, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        var table = new Table().Title($"[bold]{Markup.Escape(result.Campaign.Name)}[/]").AddColumn("image");
        foreach (var label in result.Campaign.Labels)
        {
            table.AddColumn(new TableColumn(Markup.Escape(label.Name)).RightAligned());
        }

        table.AddColumn(new TableColumn("uncertain").RightAligned()).AddColumn(new TableColumn("rank").RightAligned()).AddColumn("status");
        foreach (var image in result.Images)
        {
            var annotations = result.Annotations.ForImage(image.Image.Path);
            var row = new List<string> { Markup.Escape(image.Image.Path) };
            row.AddRange(result.Campaign.Labels.Select(l => annotations
                .Count(a => a.Kind != AnnotationKind.UncertaintyRegion && string.Equals(a.Label, l.Name, StringComparison.OrdinalIgnoreCase))
                .ToString(CultureInfo.InvariantCulture)));
            var rank = result.Ranking?.Images.FirstOrDefault(r => r.ImagePath == image.Image.Path);
            row.Add(rank?.UncertainAreaFraction is double fraction ? fraction.ToString("P0", CultureInfo.InvariantCulture) : "—");
            row.Add(rank is null ? "—" : rank.Rank.ToString(CultureInfo.InvariantCulture));
            row.Add(image.Failures.Count == 0 ? "[green]ok[/]" : "[red]" + Markup.Escape(string.Join("; ", image.Failures)) + "[/]");
            table.AddRow(row.ToArray());
        }

        console.Write(table);
        console.MarkupLine(Markup.Escape(string.Create(
            CultureInfo.InvariantCulture,
            $"{result.Images.Count} images, {result.Annotations.Count(a => a.Kind != AnnotationKind.UncertaintyRegion)} annotations, {result.FailedImages} failed, {result.Elapsed.TotalSeconds:0.0} s → {outputDir}")));
        foreach (var failure in result.Images.SelectMany(i => i.Failures.Select(f => $"{i.Image.Path}: {f}")))
        {
            context.Error.WriteLine("failed: " + failure);
        }
    }
}
