using Scaneo.Annotations.Exports;
using Scaneo.Geo;
using Scaneo.Manifest;
using Scaneo.Rasters;

namespace Scaneo.Cli.Commands;

/// <summary>
/// Loads a campaign and its annotations for <c>scaneo export</c>: from <c>campaign.json</c> (annotations in
/// <c>annotations/&lt;image&gt;.geojson</c>, see <see cref="CampaignAnnotationStore"/>) or from an upstream SCANEO
/// folder (<c>spai.json</c> + images + <c>.geojson</c>).
/// </summary>
internal static class CampaignSource
{
    public static async Task<(Campaign Campaign, IReadOnlyList<Annotation> Annotations, string Folder)> LoadAsync(string path, CancellationToken cancellationToken)
    {
        string full = Path.GetFullPath(path);
        if (File.Exists(full) && Path.GetFileName(full).Equals(CampaignManifest.FileName, StringComparison.OrdinalIgnoreCase))
        {
            full = Path.GetDirectoryName(full)!;
        }

        if (!Directory.Exists(full))
        {
            throw new ScaneoException($"{path}: not a folder; expected a campaign folder with campaign.json or a SCANEO folder with spai.json.");
        }

        if (File.Exists(Path.Combine(full, CampaignManifest.FileName)))
        {
            var campaign = await CampaignManifest.LoadAsync(full, cancellationToken).ConfigureAwait(false);
            var annotations = await CampaignAnnotationStore.LoadAsync(full, campaign, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            return (campaign, annotations, full);
        }

        if (File.Exists(Path.Combine(full, "spai.json")))
        {
            var imported = await new ScaneoImporter().ImportAsync(full, cancellationToken).ConfigureAwait(false);
            var images = imported.ImagePaths.Select(p => DescribeImage(full, p)).ToList();
            string name = Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar));
            return (new Campaign(name, name, imported.Labels, images), imported.Annotations, full);
        }

        throw new ScaneoException($"{full}: found neither campaign.json nor spai.json; expected a campaign folder or a SCANEO export folder.");
    }

    /// <summary>Reads an image's size and georeferencing (header only).</summary>
    public static CampaignImage DescribeImage(string folder, string relativePath, string? pathInCampaign = null)
    {
        string file = Path.Combine(folder, relativePath.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(file))
        {
            throw new ScaneoException($"{file}: image not found; its annotations need the image's size and georeferencing.");
        }

        RasterInfo info = RasterFile.ReadInfo(file);
        return new CampaignImage(pathInCampaign ?? relativePath, info.Width, info.Height, info.BandCount, info.DataType, info.Crs, info.GeoTransform, RasterFootprint.BoundsWgs84(info));
    }
}
