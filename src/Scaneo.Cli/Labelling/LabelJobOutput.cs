using System.Text.Json;
using Scaneo.Annotations.Building;
using Scaneo.Annotations.Exports;
using Scaneo.Cli.Overlays;
using Scaneo.IO;
using Scaneo.Rasters;

namespace Scaneo.Cli.Labelling;

/// <summary>
/// Writes a label job's results: the SCANEO export (<c>&lt;image&gt;.geojson</c> per image and <c>spai.json</c>),
/// <c>ranking.json</c> and <c>overlays/&lt;image&gt;.png</c>. Every file is written atomically.
/// </summary>
internal static class LabelJobOutput
{
    public const string RankingFileName = "ranking.json";
    public const string OverlayFolderName = "overlays";

    public static async Task WriteAsync(
        Campaign campaign,
        string campaignDir,
        string outputDir,
        AnnotationSet annotations,
        IEnumerable<ImageOutcome> images,
        IReadOnlyList<RankedImage> ranking,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDir);
        await new ScaneoExporter(new ScaneoExportOptions { Indented = true }).ExportAsync(campaign, annotations, outputDir, cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAsync(Path.Combine(outputDir, RankingFileName), RankingJson(campaign, ranking), cancellationToken).ConfigureAwait(false);

        string overlays = Path.Combine(outputDir, OverlayFolderName);
        Directory.CreateDirectory(overlays);
        foreach (var outcome in images)
        {
            var raster = RasterFile.Read(Path.Combine(campaignDir, outcome.Image.Path));
            var rank = ranking.FirstOrDefault(r => r.Image == outcome.Image.Path);
            var scene = OverlayComposer.Compose(campaign, outcome, raster, annotations.ForImage(outcome.Image.Path), rank);
            await AtomicFile.WriteAsync(Path.Combine(overlays, outcome.Image.Name + ".png"), OverlayRenderer.RenderPng(scene), cancellationToken).ConfigureAwait(false);
        }
    }

    internal static byte[] RankingJson(Campaign campaign, IReadOnlyList<RankedImage> ranking)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("campaign", campaign.Id);
            json.WriteString("order", "most uncertain first: label these images next");
            json.WriteStartArray("images");
            foreach (var r in ranking)
            {
                json.WriteStartObject();
                json.WriteNumber("rank", r.Rank);
                json.WriteString("image", r.Image);
                json.WriteNumber("score", Math.Round(r.Score, 6));
                json.WriteString("measure", r.Measure);
                json.WriteNumber("uncertainAreaFraction", Math.Round(r.UncertainAreaFraction, 6));
                json.WriteNumber("uncertainAreas", r.UncertainAreas);
                json.WriteString("reason", r.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
