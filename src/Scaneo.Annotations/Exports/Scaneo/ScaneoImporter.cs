namespace Scaneo.Annotations.Exports;

/// <summary>
/// Reads a SCANEO folder (as upstream SCANEO or <see cref="ScaneoExporter"/> writes it): <c>spai.json</c> with the
/// labels, images (<c>.tif</c> as upstream, and <c>.tiff</c>), and <c>name.geojson</c> next to each image. Both
/// classification forms are accepted (<c>"geometry": null</c> and upstream's empty Polygon). A GeoJSON file whose
/// image is missing is still read when it names its image (the <c>image</c> member Scaneo writes); otherwise its
/// image is taken to be <c>name.tif</c>, upstream's convention. All-or-nothing: any problem throws
/// <see cref="AnnotationImportException"/> naming the file and feature.
/// </summary>
public sealed class ScaneoImporter
{
    private readonly TimeProvider _time;

    /// <summary>Initializes an importer.</summary>
    /// <param name="timeProvider">Clock for annotations without a creation time (default <see cref="TimeProvider.System"/>).</param>
    public ScaneoImporter(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Reads a SCANEO folder.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>Labels, image paths and annotations.</returns>
    /// <exception cref="AnnotationImportException">The folder, <c>spai.json</c> or a GeoJSON file is missing or malformed.</exception>
    public async Task<ScaneoImportResult> ImportAsync(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new AnnotationImportException(root, null, "is not a folder; expected a SCANEO folder with spai.json, images and .geojson files.");
        }

        string spai = Path.Combine(root, SpaiJson.FileName);
        if (!File.Exists(spai))
        {
            throw new AnnotationImportException(spai, null, "is missing; a SCANEO folder lists its labels in spai.json.");
        }

        var labels = SpaiJson.Read(await ReadAsync(spai, cancellationToken).ConfigureAwait(false), spai);
        var labelNames = labels.ToDictionary(l => l.Name, l => l.Name, StringComparer.OrdinalIgnoreCase);
        var images = new SortedSet<string>(StringComparer.Ordinal);
        // One walk of the folder serves both the images and the .geojson files.
        string[] files = [.. Enumerate(root)];
        foreach (string file in files)
        {
            string ext = Path.GetExtension(file);
            if (ext.Equals(".tif", StringComparison.OrdinalIgnoreCase) || ext.Equals(".tiff", StringComparison.OrdinalIgnoreCase))
            {
                images.Add(Relative(root, file));
            }
        }

        var annotations = new List<Annotation>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var geojsonFiles = files.Where(f => Path.GetExtension(f).Equals(".geojson", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal);
        DateTimeOffset now = _time.GetUtcNow();
        foreach (string file in geojsonFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[] utf8 = await ReadAsync(file, cancellationToken).ConfigureAwait(false);
            string relative = Relative(root, file);
            string? image = images.FirstOrDefault(i => string.Equals(Path.ChangeExtension(i, null), Path.ChangeExtension(relative, null), StringComparison.Ordinal))
                ?? ScaneoGeoJson.ReadImageMember(utf8)
                ?? Path.ChangeExtension(relative, ".tif");
            images.Add(image);
            var read = ScaneoGeoJson.ReadCollection(utf8, file, image, labelNames, now);
            for (int i = 0; i < read.Count; i++)
            {
                if (!ids.Add(read[i].Id))
                {
                    throw new AnnotationImportException(file, i, $"id \"{read[i].Id}\" is used by another annotation; ids must be unique in a campaign.");
                }
            }

            annotations.AddRange(read);
        }

        return new ScaneoImportResult(root, labels, [.. images], annotations);
    }

    private static IEnumerable<string> Enumerate(string root) =>
        Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.')));

    private static string Relative(string root, string file) => Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');

    private static async Task<byte[]> ReadAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AnnotationImportException(file, null, "cannot be read: " + ex.Message, ex);
        }
    }
}
