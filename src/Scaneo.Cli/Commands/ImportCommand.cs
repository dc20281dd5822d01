using System.CommandLine;
using Scaneo.Annotations.Exports;
using Scaneo.Cli.Hosting;
using Scaneo.Manifest;

namespace Scaneo.Cli.Commands;

/// <summary>
/// <c>scaneo import &lt;scaneo-folder&gt; [--out campaign.json]</c>: turns an upstream SCANEO folder into a campaign
/// manifest plus <c>annotations/&lt;image&gt;.geojson</c> next to it.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var folderArgument = new Argument<string>("scaneo-folder") { Description = "A SCANEO folder: spai.json, .tif/.tiff images and <image>.geojson files." };
        var outOption = new Option<string?>("--out", "-o") { Description = "The campaign.json to write (default: campaign.json in the SCANEO folder). Must be in the folder or one of its parents." };
        var forceOption = new Option<bool>("--force") { Description = "Overwrite an existing campaign.json." };
        var command = new Command("import", "Import an upstream SCANEO folder as a campaign (campaign.json + annotations/).");
        command.Arguments.Add(folderArgument);
        command.Options.Add(outOption);
        command.Options.Add(forceOption);
        command.SetAction(async (parse, cancellationToken) =>
        {
            string folder = Path.GetFullPath(parse.GetValue(folderArgument)!);
            string manifest = Path.GetFullPath(parse.GetValue(outOption) ?? Path.Combine(folder, CampaignManifest.FileName));
            if (!manifest.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                throw new CliUsageException($"--out must name a .json manifest file, got \"{manifest}\".");
            }

            string campaignFolder = Path.GetDirectoryName(manifest)!;
            string relativeRoot = Path.GetRelativePath(campaignFolder, folder);
            if (relativeRoot.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relativeRoot))
            {
                throw new CliUsageException($"--out must be in {folder} or one of its parent folders, so that image paths stay inside the campaign.");
            }

            if (File.Exists(manifest) && !parse.GetValue(forceOption))
            {
                throw new CliUsageException($"{manifest} exists; pass --force to overwrite it.");
            }

            var imported = await new ScaneoImporter().ImportAsync(folder, cancellationToken).ConfigureAwait(false);
            string Rebase(string p) => relativeRoot == "." ? p : Path.Combine(relativeRoot, p).Replace(Path.DirectorySeparatorChar, '/');
            var images = imported.ImagePaths.Select(p => CampaignSource.DescribeImage(folder, p, Rebase(p))).ToList();
            var annotations = imported.Annotations.Select(a =>
                new Annotation(a.Id, Rebase(a.ImagePath), a.Label, a.Kind, a.Geometry, a.Score, a.Provenance, a.CreatedAt, a.UpdatedAt)).ToList();
            string name = Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar));
            var campaign = new Campaign(name, name, imported.Labels, images);

            // Annotations first, manifest last: a campaign.json only appears once everything it points to is there.
            await CampaignAnnotationStore.SaveAsync(campaignFolder, campaign, annotations, cancellationToken).ConfigureAwait(false);
            await CampaignManifest.SaveAsync(campaign, manifest, cancellationToken).ConfigureAwait(false);
            await context.Out.WriteLineAsync($"imported {annotations.Count} annotations of {images.Count} images ({imported.Labels.Count} labels) into {manifest}").ConfigureAwait(false);
            return ScaneoCli.Success;
        });
        return command;
    }
}
