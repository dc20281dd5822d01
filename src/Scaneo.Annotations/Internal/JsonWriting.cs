using System.Text.Encodings.Web;
using System.Text.Json;

namespace Scaneo.Annotations.Internal;

/// <summary>Writer options shared by the exporters.</summary>
internal static class JsonWriting
{
    // Relaxed escaping keeps label names such as "forêt" or "class \"A\"" readable; these files are never embedded in HTML.
    public static JsonWriterOptions Options(bool indented) => new() { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
