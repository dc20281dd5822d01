using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Scaneo.Annotations.Building;
using Scaneo.Annotations.Exports;
using Scaneo.Cli.Hosting;
using Scaneo.Geo;
using Scaneo.Inference;
using Scaneo.IO;
using Scaneo.Rasters;

namespace Scaneo.Cli.Commands;

/// <summary>
/// <c>scaneo infer &lt;image&gt; --model URL --task … [--labels …] [--image-format …] [--pre STEP]… [--post STEP]…
/// [--points "x,y;x,y"] [--timeout SECONDS] [--out FILE]</c>: one image through one model, written as a SCANEO
/// FeatureCollection in EPSG:4326. Nothing is written when anything fails.
/// </summary>
internal static class InferCommand
{
    public static Command Create(CliContext context)
    {
        var image = new Argument<string>("image") { Description = "The image (GeoTIFF, PNG or JPEG; detected from its bytes)." };
        var model = new ModelArguments(required: true);
        var points = new Option<string?>("--points") { Description = "SAM prompt points in pixel coordinates: \"col,row;col,row\"." };
        var timeout = new Option<double>("--timeout") { Description = "Total time allowed for the request, retries included, in seconds.", DefaultValueFactory = _ => 90 };
        var output = new Option<string?>("--out", "-o") { Description = "Output GeoJSON file (default: stdout)." };
        var command = new Command("infer", "Run one model on one image and write its predictions as a SCANEO FeatureCollection (EPSG:4326).")
        {
            image, points, timeout, output,
        };
        model.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            double seconds = parse.GetValue(timeout);
            if (!(seconds > 0) || seconds > 3600)
            {
                throw new CliUsageException($"--timeout must be in (0, 3600] seconds; found {seconds.ToString(CultureInfo.InvariantCulture)}.");
            }

            var campaignModel = model.Resolve(parse)!;
            var task = campaignModel.Model.Task;
            string? pointText = parse.GetValue(points);
            if ((task == ModelTask.Sam) != (pointText is not null))
            {
                throw new CliUsageException(task == ModelTask.Sam ? "--task sam needs --points \"col,row;col,row\"." : "--points is only for --task sam.");
            }

            if (task != ModelTask.Sam && campaignModel.Mapping.MappedOutputs.Count == 0)
            {
                throw new CliUsageException("--labels is needed to name the model's outputs, e.g. --labels water=0,vegetation=1.");
            }

            string path = parse.GetValue(image)!;
            var raster = RasterFile.Read(path);
            var campaignImage = new CampaignImage(Path.GetFileName(path), raster.Width, raster.Height, raster.BandCount, raster.DataType, raster.Crs, raster.GeoTransform);
            var prompt = pointText is null ? null : new SamPrompt(ParsePoints(pointText), campaignModel.Mapping.Labels.FirstOrDefault() ?? "object");

            var services = new ServiceCollection();
            services.AddScaneoInference(o =>
            {
                o.TotalTimeout = TimeSpan.FromSeconds(seconds);
                o.AttemptTimeout = TimeSpan.FromSeconds(Math.Min(seconds, o.AttemptTimeout.TotalSeconds));
            });
            await using var provider = services.BuildServiceProvider();
            var prediction = await provider.GetRequiredService<IInferenceClient>()
                .PredictAsync(raster, campaignModel.Model, prompt, cancellationToken).ConfigureAwait(false);

            var toWgs84 = raster.Crs is { } crs && Reprojection.IsSupported(crs) ? Reprojection.ToWgs84(crs) : null;
            var builder = new AnnotationBuilder(TimeProvider.System);
            IReadOnlyList<Annotation> annotations =
                prediction.Classification is { } c ? [builder.FromClassification(campaignImage, campaignModel, c)]
                : prediction.Detection is { } d ? builder.FromDetection(campaignImage, campaignModel, d, toWgs84)
                : prediction.Segmentation is { } s ? builder.FromSegmentation(campaignImage, campaignModel, s, toWgs84, cancellationToken)
                : prediction.Sam is { } sam ? [builder.FromSam(campaignImage, campaignModel, sam, prompt!.Label)]
                : throw new ScaneoException($"The model answered a {prediction.Task} prediction that scaneo infer cannot write.");

            byte[] json = new ScaneoExporter(new ScaneoExportOptions { Indented = true }).WriteFeatureCollection(campaignImage.Path, annotations);
            string? target = parse.GetValue(output);
            if (target is null)
            {
                await context.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(json)).ConfigureAwait(false);
            }
            else
            {
                await AtomicFile.WriteAsync(target, json, cancellationToken).ConfigureAwait(false);
            }

            return ScaneoCli.Success;
        });
        return command;
    }

    internal static List<(double X, double Y)> ParsePoints(string text)
    {
        var points = new List<(double X, double Y)>();
        foreach (string pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] xy = pair.Split(',', StringSplitOptions.TrimEntries);
            if (xy.Length != 2
                || !double.TryParse(xy[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
                || !double.TryParse(xy[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double y))
            {
                throw new CliUsageException($"--points expects \"col,row;col,row\" in pixels; found \"{pair}\".");
            }

            points.Add((x, y));
        }

        if (points.Count == 0)
        {
            throw new CliUsageException("--points expects at least one \"col,row\" point.");
        }

        return points;
    }
}
