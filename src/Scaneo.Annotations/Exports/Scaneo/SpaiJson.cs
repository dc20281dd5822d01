using System.Text.Json;
using Scaneo.Annotations.Internal;

namespace Scaneo.Annotations.Exports;

/// <summary>SCANEO's labels file, <c>spai.json</c>: <c>{"labels": [{"name": …, "color": …}]}</c>.</summary>
internal static class SpaiJson
{
    public const string FileName = "spai.json";

    public static byte[] Write(IEnumerable<Label> labels, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options(indented)))
        {
            w.WriteStartObject();
            w.WriteStartArray("labels");
            foreach (var l in labels)
            {
                w.WriteStartObject();
                w.WriteString("name", l.Name);
                w.WriteString("color", l.Color);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static List<Label> Read(byte[] utf8, string file)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowTrailingCommas = true });
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("labels", out var labels) || labels.ValueKind != JsonValueKind.Array)
            {
                throw new AnnotationImportException(file, null, "expected an object with a \"labels\" array.");
            }

            var result = new List<Label>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            int i = 0;
            foreach (var l in labels.EnumerateArray())
            {
                if (l.ValueKind != JsonValueKind.Object
                    || !l.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
                    || !l.TryGetProperty("color", out var color) || color.ValueKind != JsonValueKind.String)
                {
                    throw new AnnotationImportException(file, null, $"labels[{i}]: expected {{\"name\": string, \"color\": \"#rrggbb\"}}.");
                }

                Label label;
                try
                {
                    label = new Label(name.GetString()!, color.GetString()!);
                }
                catch (ScaneoValidationException ex)
                {
                    throw new AnnotationImportException(file, null, $"labels[{i}]: {ex.Message}", ex);
                }

                if (!seen.Add(label.Name))
                {
                    throw new AnnotationImportException(file, null, $"labels[{i}]: label \"{label.Name}\" is listed twice.");
                }

                result.Add(label);
                i++;
            }

            return result;
        }
        catch (JsonException ex)
        {
            throw new AnnotationImportException(file, null, "is not valid JSON: " + ex.Message, ex);
        }
    }
}
