using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Scaneo.Cli.Hosting;

/// <summary>
/// The <c>--json</c> convention: a command that produces results writes exactly ONE JSON document (indented,
/// UTF-8, relaxed escaping, newline-terminated) to stdout when <c>--json</c> is given, and nothing else there;
/// logs, progress and errors stay on stderr. Commands write with <see cref="Utf8JsonWriter"/> (no reflection, so the
/// tool stays trimmable).
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Gets the global <c>--json</c> option (recursive: accepted after any command).</summary>
    public static Option<bool> Option { get; } = new("--json")
    {
        Description = "Write machine-readable JSON to stdout (logs and errors stay on stderr).",
        Recursive = true,
    };

    /// <summary>Writes one JSON document built by <paramref name="write"/> to <paramref name="output"/>.</summary>
    /// <param name="output">Usually <see cref="CliContext.Out"/>.</param>
    /// <param name="write">Writes exactly one JSON value (typically an object).</param>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(write);
        output.Write(Render(write));
    }

    /// <summary>Writes one JSON document built by <paramref name="write"/> to <paramref name="output"/>.</summary>
    /// <param name="output">Usually <see cref="CliContext.Out"/>.</param>
    /// <param name="write">Writes exactly one JSON value (typically an object).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written.</returns>
    public static async Task WriteAsync(TextWriter output, Action<Utf8JsonWriter> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(write);
        await output.WriteAsync(Render(write).AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    private static string Render(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
            writer.Flush();
            if (writer.CurrentDepth != 0 || writer.BytesCommitted == 0)
            {
                // A programming error in a command, not a user error: fail loudly rather than emit half a document.
                throw new InvalidOperationException("A --json writer must write exactly one complete JSON value.");
            }
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
