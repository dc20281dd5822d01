namespace Scaneo.Annotations.Exports;

/// <summary>
/// Where a campaign described by <c>campaign.json</c> keeps its annotations: <c>annotations/&lt;image path without
/// extension&gt;.geojson</c> next to <c>campaign.json</c> (image <c>scenes/a.tif</c> → <c>annotations/scenes/a.geojson</c>),
/// one SCANEO FeatureCollection per image (the same feature format as <see cref="ScaneoExporter"/>, with
/// <c>"geometry": null</c> for classification). Labels live in <c>campaign.json</c>, so there is no <c>spai.json</c>.
/// </summary>
public static class CampaignAnnotationStore
{
    /// <summary>The folder, next to <c>campaign.json</c>, that holds the annotation files.</summary>
    public const string FolderName = "annotations";

    /// <summary>Returns the annotation file of an image.</summary>
    /// <param name="campaignFolder">The folder holding <c>campaign.json</c>.</param>
    /// <param name="imagePath">The image path relative to the campaign folder.</param>
    /// <returns>The full path of the GeoJSON file.</returns>
    public static string GetFilePath(string campaignFolder, string imagePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(campaignFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(imagePath);
        return Path.Combine(Path.GetFullPath(campaignFolder), FolderName, Internal.ExportInput.OutputPathFor(imagePath, ".geojson"));
    }

    /// <summary>Loads the annotations of every image of the campaign (images without a file have none).</summary>
    /// <param name="campaignFolder">The folder holding <c>campaign.json</c>.</param>
    /// <param name="campaign">The campaign.</param>
    /// <param name="timeProvider">Clock for annotations without a creation time.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The annotations, image by image in campaign order.</returns>
    /// <exception cref="AnnotationImportException">A file is malformed or names a label the campaign lacks.</exception>
    public static async Task<IReadOnlyList<Annotation>> LoadAsync(string campaignFolder, Campaign campaign, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var labels = campaign.Labels.ToDictionary(l => l.Name, l => l.Name, StringComparer.OrdinalIgnoreCase);
        DateTimeOffset now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var result = new List<Annotation>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var image in campaign.Images)
        {
            string file = GetFilePath(campaignFolder, image.Path);
            if (!File.Exists(file))
            {
                continue;
            }

            byte[] utf8;
            try
            {
                utf8 = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new AnnotationImportException(file, null, "cannot be read: " + ex.Message, ex);
            }

            var read = ScaneoGeoJson.ReadCollection(utf8, file, image.Path, labels, now);
            for (int i = 0; i < read.Count; i++)
            {
                if (!ids.Add(read[i].Id))
                {
                    throw new AnnotationImportException(file, i, $"id \"{read[i].Id}\" is used by another annotation; ids must be unique in a campaign.");
                }
            }

            result.AddRange(read);
        }

        return result;
    }

    /// <summary>Saves the annotations of every image (one file per image, images without annotations get an empty collection).</summary>
    /// <param name="campaignFolder">The folder holding <c>campaign.json</c>.</param>
    /// <param name="campaign">The campaign.</param>
    /// <param name="annotations">All annotations of the campaign.</param>
    /// <param name="cancellationToken">Cancels the save; nothing is changed then.</param>
    /// <returns>A task that completes when the files are in place.</returns>
    public static Task SaveAsync(string campaignFolder, Campaign campaign, IEnumerable<Annotation> annotations, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(campaignFolder);
        var groups = Internal.ExportInput.Group(campaign, annotations);
        string target = Path.Combine(Path.GetFullPath(campaignFolder), FolderName);
        return Internal.ExportFolder.WriteAsync(
            target,
            async (stage, ct) =>
            {
                foreach (var (image, list) in groups)
                {
                    string file = Path.Combine(stage, Internal.ExportInput.OutputPathFor(image.Path, ".geojson"));
                    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                    await File.WriteAllBytesAsync(file, ScaneoGeoJson.WriteCollection(image.Path, list, ScaneoClassificationGeometry.Null, indented: false), ct).ConfigureAwait(false);
                }
            },
            cancellationToken);
    }
}
