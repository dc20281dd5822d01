namespace Scaneo.Annotations.Exports;

/// <summary>Writes a campaign's labels and annotations in one format. Writes are atomic: on failure nothing is left.</summary>
public interface IAnnotationExporter
{
    /// <summary>Gets the format name used on the command line: <c>scaneo</c>, <c>coco</c>, <c>geopackage</c> or <c>stac</c>.</summary>
    string Format { get; }

    /// <summary>Exports the campaign's annotations.</summary>
    /// <param name="campaign">The campaign (labels and images).</param>
    /// <param name="annotations">The annotations; each must belong to an image of the campaign.</param>
    /// <param name="outputPath">The output folder (or file for single-file formats, see each exporter).</param>
    /// <param name="cancellationToken">Cancels the export; nothing is left behind.</param>
    /// <returns>A task that completes when the output is in place.</returns>
    Task ExportAsync(Campaign campaign, IEnumerable<Annotation> annotations, string outputPath, CancellationToken cancellationToken = default);
}
