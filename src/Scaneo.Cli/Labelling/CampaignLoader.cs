using Scaneo.Geo;
using Scaneo.Manifest;
using Scaneo.Rasters;

namespace Scaneo.Cli.Labelling;

/// <summary>
/// Loads the campaign a label job works on: <c>campaign.json</c> when the folder has one, otherwise the folder's
/// GeoTIFFs with the labels of the command-line model. Images the manifest does not list are discovered.
/// </summary>
internal static class CampaignLoader
{
    private static readonly string[] Palette = ["#1f78b4", "#33a02c", "#e31a1c", "#ff7f00", "#6a3d9a", "#b15928", "#a6cee3", "#b2df8a"];

    public static Campaign Load(string campaignDir, CampaignModel? commandLineModel)
    {
        if (!Directory.Exists(campaignDir))
        {
            throw new ScaneoException($"Campaign folder \"{campaignDir}\" does not exist.");
        }

        string manifest = Path.Combine(campaignDir, CampaignManifest.FileName);
        Campaign campaign;
        if (File.Exists(manifest))
        {
            campaign = CampaignManifest.Load(manifest);
        }
        else if (commandLineModel is not null)
        {
            var labels = commandLineModel.Mapping.Labels.Select((name, i) => new Label(name, Palette[i % Palette.Length]));
            campaign = new Campaign(Path.GetFileName(campaignDir), Path.GetFileName(campaignDir), labels);
        }
        else
        {
            throw new ScaneoException($"\"{campaignDir}\" has no {CampaignManifest.FileName}: add one, or pass --model URL --task TASK --labels name=index,… to label its GeoTIFFs.");
        }

        var images = campaign.Images.Count > 0 ? campaign.Images : Discover(campaignDir);
        if (images.Count == 0)
        {
            throw new ScaneoException($"Campaign folder \"{campaignDir}\" holds no GeoTIFF image (*.tif, *.tiff).");
        }

        var models = campaign.Models.ToList();
        if (commandLineModel is not null)
        {
            foreach (string label in commandLineModel.Mapping.Labels)
            {
                if (campaign.FindLabel(label) is null)
                {
                    throw new ScaneoException($"--labels names \"{label}\", which is not a label of campaign \"{campaign.Name}\" (labels: {string.Join(", ", campaign.Labels.Select(l => l.Name))}).");
                }
            }

            models.RemoveAll(m => string.Equals(m.Model.Name, commandLineModel.Model.Name, StringComparison.OrdinalIgnoreCase));
            models.Add(commandLineModel);
        }

        return new Campaign(campaign.Id, campaign.Name, campaign.Labels, images, models, campaign.Description);
    }

    private static List<CampaignImage> Discover(string campaignDir)
    {
        var images = new List<CampaignImage>();
        var files = Directory.EnumerateFiles(campaignDir, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".tif", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".tiff", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (string file in files)
        {
            var info = RasterFile.ReadInfo(file);
            string relative = Path.GetRelativePath(campaignDir, file).Replace('\\', '/');
            GeoBounds? bounds = info.Crs is not null && info.GeoTransform is not null ? RasterFootprint.BoundsWgs84(info) : null;
            images.Add(new CampaignImage(relative, info.Width, info.Height, info.BandCount, info.DataType, info.Crs, info.GeoTransform, bounds));
        }

        return images;
    }
}
