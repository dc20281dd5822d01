using System.Text.Json;
using NetTopologySuite.Geometries;
using Scaneo.Annotations.Internal;
using Scaneo.Geo;

namespace Scaneo.Annotations.Exports;

/// <summary>
/// Writes a STAC 1.0.0 catalogue with the label extension: <c>collection.json</c> and, per image
/// <c>dir/name.tif</c>, an Item <c>dir/name.json</c> with <c>label:properties</c>, <c>label:classes</c>,
/// <c>label:type</c> = vector, <c>label:tasks</c>, <c>label:methods</c> (manual / automated from provenance),
/// <c>label:description</c>, a <c>source</c> link to the image and the image's SCANEO GeoJSON
/// (<c>dir/name.geojson</c>) as the <c>labels</c> asset.
/// </summary>
public sealed class StacExporter : IAnnotationExporter
{
    /// <summary>The STAC version written.</summary>
    public const string StacVersion = "1.0.0";

    /// <summary>The label extension schema the items declare.</summary>
    public const string LabelExtensionSchema = "https://stac-extensions.github.io/label/v1.0.1/schema.json";

    /// <summary>The name of the collection file in the output folder.</summary>
    public const string CollectionFileName = "collection.json";

    private readonly StacExportOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Initializes an exporter.</summary>
    /// <param name="options">Options (default: new options).</param>
    /// <param name="timeProvider">Clock for item times of images without annotations (default <see cref="TimeProvider.System"/>).</param>
    public StacExporter(StacExportOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new StacExportOptions();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Format => "stac";

    /// <inheritdoc />
    public Task ExportAsync(Campaign campaign, IEnumerable<Annotation> annotations, string outputPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputPath);
        var groups = ExportInput.Group(campaign, annotations);
        string finalRoot = Path.GetFullPath(outputPath);
        return ExportFolder.WriteAsync(outputPath, (stage, ct) => WriteAsync(stage, finalRoot, campaign, groups, ct), cancellationToken);
    }

    private async Task WriteAsync(string stage, string finalRoot, Campaign campaign, List<(CampaignImage Image, List<Annotation> Annotations)> groups, CancellationToken ct)
    {
        DateTimeOffset now = _time.GetUtcNow();
        var itemHrefs = new List<string>();
        var extent = new Envelope();
        DateTimeOffset? first = null, last = null;
        foreach (var (image, list) in groups)
        {
            ct.ThrowIfCancellationRequested();
            string relativeItem = ExportInput.OutputPathFor(image.Path, ".json");
            string itemFile = Path.Combine(stage, relativeItem);
            Directory.CreateDirectory(Path.GetDirectoryName(itemFile)!);
            await File.WriteAllBytesAsync(Path.ChangeExtension(itemFile, ".geojson"), ScaneoGeoJson.WriteCollection(image.Path, list, ScaneoClassificationGeometry.Null, indented: false), ct).ConfigureAwait(false);
            Geometry? footprint = Footprint(image, list);
            if (footprint is not null)
            {
                extent.ExpandToInclude(footprint.EnvelopeInternal);
            }

            DateTimeOffset time = list.Count > 0 ? list.Max(a => a.UpdatedAt) : now;
            first = first is null || time < first ? time : first;
            last = last is null || time > last ? time : last;
            int depth = relativeItem.Count(ch => ch == Path.DirectorySeparatorChar);
            string up = depth == 0 ? "./" : string.Concat(Enumerable.Repeat("../", depth));
            string itemDir = Path.GetDirectoryName(Path.Combine(finalRoot, relativeItem))!;
            await File.WriteAllBytesAsync(itemFile, WriteItem(campaign, image, list, footprint, time, up, itemDir), ct).ConfigureAwait(false);
            itemHrefs.Add("./" + relativeItem.Replace(Path.DirectorySeparatorChar, '/'));
        }

        await File.WriteAllBytesAsync(Path.Combine(stage, CollectionFileName), WriteCollection(campaign, itemHrefs, extent, first ?? now, last ?? now), ct).ConfigureAwait(false);
    }

    private byte[] WriteItem(Campaign campaign, CampaignImage image, List<Annotation> list, Geometry? footprint, DateTimeOffset time, string up, string itemDir)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options(_options.Indented)))
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("stac_version", StacVersion);
            w.WriteStartArray("stac_extensions");
            w.WriteStringValue(LabelExtensionSchema);
            w.WriteEndArray();
            w.WriteString("id", ItemId(image));
            w.WriteString("collection", campaign.Id);
            w.WritePropertyName("geometry");
            if (footprint is null)
            {
                w.WriteNullValue();
            }
            else
            {
                GeoJsonGeometry.Write(w, footprint);
                WriteBbox(w, footprint.EnvelopeInternal);
            }

            w.WriteStartObject("properties");
            w.WriteString("datetime", IsoTime.UtcMillis(time));
            w.WriteStartArray("label:properties");
            w.WriteStringValue("label");
            w.WriteEndArray();
            WriteLabelClasses(w, campaign);
            w.WriteString("label:description", $"Labels of {image.Path} in campaign \"{campaign.Name}\" (Scaneo).");
            w.WriteString("label:type", "vector");
            w.WriteStartArray("label:tasks");
            foreach (string task in list.Select(a => a.Kind switch
            {
                AnnotationKind.Classification => "classification",
                AnnotationKind.Detection => "detection",
                AnnotationKind.Segmentation or AnnotationKind.UncertaintyRegion => "segmentation",
                _ => null,
            }).OfType<string>().Distinct().Order(StringComparer.Ordinal))
            {
                w.WriteStringValue(task);
            }

            w.WriteEndArray();
            w.WriteStartArray("label:methods");
            if (list.Any(a => !a.Provenance.IsHuman))
            {
                w.WriteStringValue("automated");
            }

            if (list.Any(a => a.Provenance.IsHuman))
            {
                w.WriteStringValue("manual");
            }

            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartArray("links");
            WriteLink(w, "source", SourceHref(image, itemDir), "image/tiff; application=geotiff", "Source image");
            WriteLink(w, "collection", up + CollectionFileName, "application/json", campaign.Name);
            WriteLink(w, "parent", up + CollectionFileName, "application/json", null);
            WriteLink(w, "root", up + CollectionFileName, "application/json", null);
            w.WriteEndArray();

            w.WriteStartObject("assets");
            w.WriteStartObject("labels");
            w.WriteString("href", "./" + Path.GetFileNameWithoutExtension(image.Path) + ".geojson");
            w.WriteString("type", "application/geo+json");
            w.WriteString("title", "Labels (SCANEO GeoJSON, EPSG:4326)");
            w.WriteStartArray("roles");
            w.WriteStringValue("labels");
            w.WriteStringValue("labels-vector");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private byte[] WriteCollection(Campaign campaign, List<string> itemHrefs, Envelope extent, DateTimeOffset first, DateTimeOffset last)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options(_options.Indented)))
        {
            w.WriteStartObject();
            w.WriteString("type", "Collection");
            w.WriteString("stac_version", StacVersion);
            w.WriteStartArray("stac_extensions");
            w.WriteStringValue(LabelExtensionSchema);
            w.WriteEndArray();
            w.WriteString("id", campaign.Id);
            w.WriteString("title", campaign.Name);
            w.WriteString("description", string.IsNullOrWhiteSpace(campaign.Description) ? $"Labels of the Scaneo campaign \"{campaign.Name}\"." : campaign.Description);
            w.WriteString("license", _options.License);
            w.WriteStartObject("extent");
            w.WriteStartObject("spatial");
            w.WriteStartArray("bbox");
            w.WriteStartArray();
            if (extent.IsNull)
            {
                w.WriteNumberValue(-180);
                w.WriteNumberValue(-90);
                w.WriteNumberValue(180);
                w.WriteNumberValue(90);
            }
            else
            {
                w.WriteNumberValue(extent.MinX);
                w.WriteNumberValue(extent.MinY);
                w.WriteNumberValue(extent.MaxX);
                w.WriteNumberValue(extent.MaxY);
            }

            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("temporal");
            w.WriteStartArray("interval");
            w.WriteStartArray();
            w.WriteStringValue(IsoTime.UtcMillis(first));
            w.WriteStringValue(IsoTime.UtcMillis(last));
            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("summaries");
            w.WriteStartArray("label:type");
            w.WriteStringValue("vector");
            w.WriteEndArray();
            WriteLabelClasses(w, campaign);
            w.WriteEndObject();
            w.WriteStartArray("links");
            WriteLink(w, "root", "./" + CollectionFileName, "application/json", campaign.Name);
            foreach (string href in itemHrefs)
            {
                WriteLink(w, "item", href, "application/geo+json", null);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private string SourceHref(CampaignImage image, string itemDir)
    {
        string? root = _options.ImageRoot;
        if (string.IsNullOrWhiteSpace(root))
        {
            return image.Path;
        }

        if (Uri.TryCreate(root, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return root.TrimEnd('/') + "/" + image.Path;
        }

        string imageFile = Path.Combine(Path.GetFullPath(root), image.Path.Replace('/', Path.DirectorySeparatorChar));
        return Path.GetRelativePath(itemDir, imageFile).Replace(Path.DirectorySeparatorChar, '/');
    }

    private static Geometry? Footprint(CampaignImage image, List<Annotation> list)
    {
        if (image.BoundsWgs84 is GeoBounds b)
        {
            return GeoShapes.CcwPolygon([new(b.MinLon, b.MinLat), new(b.MaxLon, b.MinLat), new(b.MaxLon, b.MaxLat), new(b.MinLon, b.MaxLat), new(b.MinLon, b.MinLat)]);
        }

        var env = new Envelope();
        foreach (var a in list)
        {
            if (a.Geometry is not null)
            {
                env.ExpandToInclude(a.Geometry.EnvelopeInternal);
            }
        }

        return env.IsNull ? null : GeoShapes.Wgs84.ToGeometry(env) is Polygon p ? GeoShapes.CcwPolygon(p.ExteriorRing.Coordinates) : null;
    }

    private static string ItemId(CampaignImage image) => Path.ChangeExtension(image.Path, null).Replace('/', '_');

    private static void WriteBbox(Utf8JsonWriter w, Envelope e)
    {
        w.WriteStartArray("bbox");
        w.WriteNumberValue(e.MinX);
        w.WriteNumberValue(e.MinY);
        w.WriteNumberValue(e.MaxX);
        w.WriteNumberValue(e.MaxY);
        w.WriteEndArray();
    }

    private static void WriteLink(Utf8JsonWriter w, string rel, string href, string type, string? title)
    {
        w.WriteStartObject();
        w.WriteString("rel", rel);
        w.WriteString("href", href);
        w.WriteString("type", type);
        if (title is not null)
        {
            w.WriteString("title", title);
        }

        w.WriteEndObject();
    }

    // label:classes as the label extension defines it: one entry for the "label" property listing the campaign's labels.
    private static void WriteLabelClasses(Utf8JsonWriter w, Campaign campaign)
    {
        w.WriteStartArray("label:classes");
        w.WriteStartObject();
        w.WriteString("name", "label");
        w.WriteStartArray("classes");
        foreach (var l in campaign.Labels)
        {
            w.WriteStringValue(l.Name);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    }
}
