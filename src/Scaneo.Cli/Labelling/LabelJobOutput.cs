using Scaneo.ActiveLearning.Ranking;
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
        CampaignRanking? ranking,
        CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(outputDir);
        await new ScaneoExporter(new ScaneoExportOptions { Indented = true }).ExportAsync(campaign, annotations, outputDir, cancellationToken).ConfigureAwait(false);
        if (ranking is not null)
        {
            await AtomicFile.WriteAsync(Path.Combine(outputDir, RankingFileName), RankingOutput.ToJson(ranking, campaign.Id), cancellationToken).ConfigureAwait(false);
        }

        string overlays = Path.Combine(outputDir, OverlayFolderName);
        Directory.CreateDirectory(overlays);
        foreach (var outcome in images)
        {
            Raster raster;
            try
            {
                raster = RasterFile.Read(Path.Combine(campaignDir, outcome.Image.Path));
            }
            catch (ScaneoException) when (outcome.Failures.Count > 0)
            {
                // An image no model could read has no picture either; its failure is already reported.
                continue;
            }

            var rank = ranking?.Images.FirstOrDefault(r => r.ImagePath == outcome.Image.Path);
            var scene = OverlayComposer.Compose(campaign, outcome, raster, annotations.ForImage(outcome.Image.Path), rank);
            await AtomicFile.WriteAsync(Path.Combine(overlays, outcome.Image.Name + ".png"), OverlayRenderer.RenderPng(scene), cancellationToken).ConfigureAwait(false);
        }
    }
}
