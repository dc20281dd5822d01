using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Scaneo.Annotations.Exports;
using Scaneo.Cli.Hosting;

namespace Scaneo.Cli.Commands;

/// <summary><c>scaneo export &lt;campaign-dir&gt; --format scaneo|coco|geopackage|stac --out DIR</c>.</summary>
internal static class ExportCommand
{
    private static readonly string[] Formats = ["scaneo", "coco", "geopackage", "stac"];

    public static Command Create(CliContext context)
    {
        var campaignArgument = new Argument<string>("campaign-dir")
        {
            Description = "Campaign folder with campaign.json (annotations in annotations/<image>.geojson), or an upstream SCANEO folder (spai.json + images + .geojson).",
        };
        var formatOption = new Option<string>("--format", "-f") { Description = "Output format.", Required = true };
        formatOption.AcceptOnlyFromAmong(Formats);
        var outOption = new Option<string>("--out", "-o") { Description = "Output folder (written atomically).", Required = true };
        var emptyPolygonOption = new Option<bool>("--upstream-classification")
        {
            Description = "SCANEO format only: write classification geometries as upstream's empty Polygon (for old readers) instead of null.",
        };

        var command = new Command("export", "Export a campaign's labels and annotations as SCANEO, COCO, GeoPackage or STAC.");
        command.Arguments.Add(campaignArgument);
        command.Options.Add(formatOption);
        command.Options.Add(outOption);
        command.Options.Add(emptyPolygonOption);
        command.SetAction(async (parse, cancellationToken) =>
        {
            string format = parse.GetValue(formatOption)!;
            string output = parse.GetValue(outOption)!;
            bool emptyPolygon = parse.GetValue(emptyPolygonOption);
            if (emptyPolygon && format != "scaneo")
            {
                throw new CliUsageException("--upstream-classification applies to --format scaneo only.");
            }

            var (campaign, annotations, folder) = await CampaignSource.LoadAsync(parse.GetValue(campaignArgument)!, cancellationToken).ConfigureAwait(false);
            if (Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar) == folder.TrimEnd(Path.DirectorySeparatorChar))
            {
                throw new CliUsageException("--out must not be the campaign folder itself; choose a new or separate folder.");
            }

            await using var services = new ServiceCollection()
                .AddScaneoAnnotations(o =>
                {
                    o.Stac.ImageRoot = folder;
                    o.Scaneo.ClassificationGeometry = emptyPolygon ? ScaneoClassificationGeometry.EmptyPolygon : ScaneoClassificationGeometry.Null;
                })
                .Services.BuildServiceProvider();
            var exporter = services.GetServices<IAnnotationExporter>().Single(e => e.Format == format);
            await exporter.ExportAsync(campaign, annotations, output, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"exported {annotations.Count} annotations of {campaign.Images.Count} images ({campaign.Labels.Count} labels) as {format} to {Path.GetFullPath(output)}").ConfigureAwait(false);
            return ScaneoCli.Success;
        });
        return command;
    }
}
