using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Scaneo.ReferenceModel.Hosting;

/// <summary>Writes RFC 9457 problem details with Utf8JsonWriter (no reflection serializer in the server).</summary>
internal static class ProblemReply
{
    // The body is JSON, never HTML: keep quotes and non-ASCII (×, —) readable instead of \uXXXX escapes.
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, int statusCode, string title, string detail)
    {
        if (context.Response.HasStarted)
        {
            // Too late for a status code: cut the connection so the client sees a failure, not a short reply.
            context.Abort();
            return;
        }

        context.Response.Clear();
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/problem+json";
        using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, Relaxed))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "about:blank");
            writer.WriteString("title", title);
            writer.WriteNumber("status", statusCode);
            writer.WriteString("detail", detail);
            writer.WriteString("instance", context.Request.Path.Value);
            writer.WriteEndObject();
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
