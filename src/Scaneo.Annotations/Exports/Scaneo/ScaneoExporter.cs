using Scaneo.Annotations.Internal;

namespace Scaneo.Annotations.Exports;

/// <summary>
/// Writes SCANEO's export format: <c>spai.json</c> with the labels and, for each image <c>dir/name.tif</c>,
/// <c>dir/name.geojson</c> (a FeatureCollection of the image's annotations, EPSG:4326 lon/lat). Output is valid
/// RFC 7946 unless <see cref="ScaneoClassificationGeometry.EmptyPolygon"/> is chosen for old readers. The folder is
/// staged and moved into place: a failed export leaves nothing behind.
/// </summary>
public sealed class ScaneoExporter : IAnnotationExporter
{
    private readonly ScaneoExportOptions _options;

    /// <summary>Initializes an exporter.</summary>
    /// <param name="options">Options (default: new options).</param>
    public ScaneoExporter(ScaneoExportOptions? options = null)
    {
        _options = options ?? new ScaneoExportOptions();
    }

    /// <inheritdoc />
    public string Format => "scaneo";

    /// <inheritdoc />
    public Task ExportAsync(Campaign campaign, IEnumerable<Annotation> annotations, string outputPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        var groups = ExportInput.Group(campaign, annotations);
        return ExportFolder.WriteAsync(outputPath, (stage, ct) => WriteAsync(stage, campaign, groups, ct), cancellationToken);
    }

    /// <summary>
    /// Returns one image's annotations as the SCANEO FeatureCollection upstream stores as <c>name.geojson</c>
    /// (UTF-8 JSON), for hosts that answer a single image, such as <c>scaneo infer</c>.
    /// </summary>
    /// <param name="imagePath">The image the annotations belong to (written as the collection's <c>image</c> member).</param>
    /// <param name="annotations">The annotations, all of that image.</param>
    /// <returns>The GeoJSON bytes.</returns>
    public byte[] WriteFeatureCollection(string imagePath, IEnumerable<Annotation> annotations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(imagePath);
        ArgumentNullException.ThrowIfNull(annotations);
        return ScaneoGeoJson.WriteCollection(imagePath, annotations, _options.ClassificationGeometry, _options.Indented);
    }

    private async Task WriteAsync(string stage, Campaign campaign, List<(CampaignImage Image, List<Annotation> Annotations)> groups, CancellationToken ct)
    {
        await File.WriteAllBytesAsync(Path.Combine(stage, SpaiJson.FileName), SpaiJson.Write(campaign.Labels, _options.Indented), ct).ConfigureAwait(false);
        foreach (var (image, list) in groups)
        {
            ct.ThrowIfCancellationRequested();
            string file = Path.Combine(stage, ExportInput.OutputPathFor(image.Path, ".geojson"));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            byte[] json = ScaneoGeoJson.WriteCollection(image.Path, list, _options.ClassificationGeometry, _options.Indented);
            await File.WriteAllBytesAsync(file, json, ct).ConfigureAwait(false);
        }
    }
}
