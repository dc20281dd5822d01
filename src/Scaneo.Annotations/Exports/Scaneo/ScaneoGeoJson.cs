using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Scaneo.Annotations.Internal;
using Scaneo.Geo;

namespace Scaneo.Annotations.Exports;

/// <summary>
/// The SCANEO per-image GeoJSON: a FeatureCollection whose features have properties <c>label</c>, <c>task</c>
/// (+ <c>bbox</c> for detection, <c>score</c> and <c>model</c> when a model made the annotation). Written with
/// <see cref="Utf8JsonWriter"/>, read with <see cref="JsonDocument"/> (no reflection).
/// </summary>
internal static class ScaneoGeoJson
{
    public static string TaskName(AnnotationKind kind) => kind switch
    {
        AnnotationKind.Classification => "classification",
        AnnotationKind.Detection => "detection",
        AnnotationKind.Segmentation => "segmentation",
        AnnotationKind.Points => "points",
        AnnotationKind.UncertaintyRegion => "uncertainty-region",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown annotation kind."),
    };

    public static AnnotationKind? ParseTask(string? task) => task?.Trim().ToLowerInvariant() switch
    {
        "classification" => AnnotationKind.Classification,
        "detection" => AnnotationKind.Detection,
        "segmentation" => AnnotationKind.Segmentation,
        "points" => AnnotationKind.Points,
        "uncertainty-region" => AnnotationKind.UncertaintyRegion,
        _ => null,
    };

    public static byte[] WriteCollection(string imagePath, IEnumerable<Annotation> annotations, ScaneoClassificationGeometry classification, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options(indented)))
        {
            w.WriteStartObject();
            w.WriteString("type", "FeatureCollection");

            // A foreign member (RFC 7946 §6.1): lets an import find the image even when the file was moved.
            w.WriteString("image", imagePath);
            w.WriteStartArray("features");
            foreach (var a in annotations)
            {
                WriteFeature(w, a, classification);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static void WriteFeature(Utf8JsonWriter w, Annotation a, ScaneoClassificationGeometry classification)
    {
        w.WriteStartObject();
        w.WriteString("type", "Feature");
        w.WriteString("id", a.Id);
        w.WritePropertyName("geometry");
        if (a.Geometry is null)
        {
            if (classification == ScaneoClassificationGeometry.EmptyPolygon)
            {
                w.WriteStartObject();
                w.WriteString("type", "Polygon");
                w.WriteStartArray("coordinates");
                w.WriteEndArray();
                w.WriteEndObject();
            }
            else
            {
                w.WriteNullValue();
            }
        }
        else
        {
            GeoJsonGeometry.Write(w, GeoShapes.OrientForGeoJson(a.Geometry));
        }

        w.WriteStartObject("properties");
        w.WriteString("label", a.Label);
        w.WriteString("task", TaskName(a.Kind));
        if (a.Kind == AnnotationKind.Detection && a.Geometry is not null)
        {
            var e = a.Geometry.EnvelopeInternal;
            w.WriteStartArray("bbox");
            w.WriteStartArray();
            w.WriteNumberValue(e.MinY);
            w.WriteNumberValue(e.MinX);
            w.WriteEndArray();
            w.WriteStartArray();
            w.WriteNumberValue(e.MaxY);
            w.WriteNumberValue(e.MaxX);
            w.WriteEndArray();
            w.WriteEndArray();
        }

        if (a.Score is double s)
        {
            w.WriteNumber("score", s);
        }

        var p = a.Provenance;
        if (!p.IsHuman)
        {
            w.WriteString("model", p.ModelName);
            if (p.ModelVersion is not null)
            {
                w.WriteString("model_version", p.ModelVersion);
            }

            if (p.ProcessingChain.Count > 0)
            {
                w.WriteStartArray("processing");
                foreach (string step in p.ProcessingChain)
                {
                    w.WriteStringValue(step);
                }

                w.WriteEndArray();
            }

            if (p.PredictedAt is DateTimeOffset at)
            {
                w.WriteString("predicted_at", at.ToString("O", CultureInfo.InvariantCulture));
            }
        }

        w.WriteString("created_at", a.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        if (a.UpdatedAt != a.CreatedAt)
        {
            w.WriteString("updated_at", a.UpdatedAt.ToString("O", CultureInfo.InvariantCulture));
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Reads a SCANEO FeatureCollection; every problem becomes an <see cref="AnnotationImportException"/>.</summary>
    /// <param name="utf8">The file content.</param>
    /// <param name="file">The file path, for messages and fallback ids.</param>
    /// <param name="imagePath">The image the annotations belong to.</param>
    /// <param name="labels">Known labels (case-insensitive name → canonical name), or null to accept any label.</param>
    /// <param name="now">Time for annotations without <c>created_at</c>.</param>
    public static List<Annotation> ReadCollection(byte[] utf8, string file, string imagePath, IReadOnlyDictionary<string, string>? labels, DateTimeOffset now)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new AnnotationImportException(file, null, "is not valid JSON: " + ex.Message, ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "FeatureCollection")
            {
                throw new AnnotationImportException(file, null, "expected a GeoJSON FeatureCollection object.");
            }

            if (!root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new AnnotationImportException(file, null, "expected a \"features\" array in the FeatureCollection.");
            }

            var result = new List<Annotation>();
            int index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                result.Add(ReadFeature(feature, file, index, imagePath, labels, now));
                index++;
            }

            return result;
        }
    }

    /// <summary>Returns the <c>image</c> foreign member of a collection written by Scaneo, if any.</summary>
    public static string? ReadImageMember(byte[] utf8)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("image", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() : null;
        }
        catch (JsonException)
        {
            return null; // ReadCollection reports the broken JSON with the file name.
        }
    }

    private static Annotation ReadFeature(JsonElement f, string file, int index, string imagePath, IReadOnlyDictionary<string, string>? labels, DateTimeOffset now)
    {
        AnnotationImportException Fail(string detail, Exception? inner = null) => new(file, index, detail, inner);

        if (f.ValueKind != JsonValueKind.Object || !f.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String || t.GetString() != "Feature")
        {
            throw Fail("expected a GeoJSON Feature object.");
        }

        if (!f.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object)
        {
            throw Fail("expected a \"properties\" object with \"label\" and \"task\".");
        }

        string label = GetString(props, "label") ?? throw Fail("expected a string \"label\" property.");
        string taskText = GetString(props, "task") ?? throw Fail("expected a string \"task\" property.");
        AnnotationKind kind = ParseTask(taskText)
            ?? throw Fail($"unknown task \"{taskText}\"; expected classification, detection, segmentation, points or uncertainty-region.");
        // Uncertain areas name a proposal, not a campaign label (see ExportInput): they round-trip with any label.
        if (labels is not null && kind != AnnotationKind.UncertaintyRegion)
        {
            if (!labels.TryGetValue(label.Trim(), out string? canonical))
            {
                throw Fail($"label \"{label}\" is not in spai.json; expected one of: {string.Join(", ", labels.Values.Select(v => "\"" + v + "\""))}.");
            }

            label = canonical;
        }

        Geometry? geometry = ReadGeometry(f, kind, Fail);
        double? score = null;
        if (props.TryGetProperty("score", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            if (s.ValueKind != JsonValueKind.Number)
            {
                throw Fail($"expected \"score\" to be a number, found {s.ValueKind}.");
            }

            score = s.GetDouble();
        }

        DateTimeOffset created = GetTime(props, "created_at", Fail) ?? now;
        DateTimeOffset? updated = GetTime(props, "updated_at", Fail);
        AnnotationProvenance provenance = AnnotationProvenance.Human;
        string? model = GetString(props, "model");
        if (!string.IsNullOrWhiteSpace(model))
        {
            var chain = new List<string>();
            if (props.TryGetProperty("processing", out var steps) && steps.ValueKind == JsonValueKind.Array)
            {
                chain.AddRange(steps.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
            }

            provenance = AnnotationProvenance.FromModel(model, GetString(props, "model_version"), chain, GetTime(props, "predicted_at", Fail) ?? created);
        }

        string id = f.TryGetProperty("id", out var idElement) && idElement.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? (idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : idElement.GetRawText())
            : FallbackId(file, index);
        if (string.IsNullOrWhiteSpace(id))
        {
            id = FallbackId(file, index);
        }

        try
        {
            return new Annotation(id, imagePath, label, kind, geometry, score, provenance, created, updated is DateTimeOffset u && u < created ? created : updated);
        }
        catch (ScaneoValidationException ex)
        {
            throw Fail(ex.Message, ex);
        }
    }

    private static Geometry? ReadGeometry(JsonElement f, AnnotationKind kind, Func<string, Exception?, AnnotationImportException> fail)
    {
        if (!f.TryGetProperty("geometry", out var g) || g.ValueKind == JsonValueKind.Null)
        {
            if (kind != AnnotationKind.Classification)
            {
                throw fail($"a {ScaneoGeoJson.TaskName(kind)} feature needs a geometry; found none.", null);
            }

            return null;
        }

        if (g.ValueKind != JsonValueKind.Object)
        {
            throw fail($"expected \"geometry\" to be a GeoJSON geometry object or null, found {g.ValueKind}.", null);
        }

        // Upstream writes {"type": "Polygon", "coordinates": []} for classification: read it as "no geometry".
        bool emptyCoordinates = g.TryGetProperty("coordinates", out var c) && c.ValueKind == JsonValueKind.Array && c.GetArrayLength() == 0;
        if (kind == AnnotationKind.Classification)
        {
            if (emptyCoordinates)
            {
                return null;
            }

            throw fail($"a classification feature labels the whole image and carries no geometry (null or upstream's empty Polygon); found a {GetString(g, "type") ?? "geometry"}.", null);
        }

        Geometry geometry;
        try
        {
            geometry = GeoJsonGeometry.Parse(g.GetRawText());
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw fail("the geometry is not valid GeoJSON: " + ex.Message, ex);
        }

        bool ok = kind switch
        {
            AnnotationKind.Detection => geometry is Polygon,
            AnnotationKind.Segmentation or AnnotationKind.UncertaintyRegion => geometry is Polygon or MultiPolygon,
            AnnotationKind.Points => geometry is Point or MultiPoint,
            _ => false,
        };
        if (!ok || geometry.IsEmpty)
        {
            string expected = kind switch
            {
                AnnotationKind.Detection => "a Polygon",
                AnnotationKind.Points => "a Point or MultiPoint",
                _ => "a Polygon or MultiPolygon",
            };
            throw fail($"a {TaskName(kind)} feature needs {expected}; found {(geometry.IsEmpty ? "an empty " : "a ")}{geometry.GeometryType}.", null);
        }

        return geometry;
    }

    private static string? GetString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTimeOffset? GetTime(JsonElement obj, string name, Func<string, Exception?, AnnotationImportException> fail)
    {
        string? text = GetString(obj, name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t
            : throw fail($"expected \"{name}\" to be an ISO 8601 time, found \"{text}\".", null);
    }

    private static string FallbackId(string file, int index) =>
        AnnotationIds.Hashed("imp-", Path.GetFileName(file) + "\u001f" + index.ToString(CultureInfo.InvariantCulture));
}
