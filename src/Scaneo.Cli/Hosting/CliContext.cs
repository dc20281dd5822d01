using System.Text.Json;

namespace Scaneo.Cli.Hosting;

/// <summary>What every command needs from the host: where to write, and the global options the user gave.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    /// <summary>Gets the writer for results (JSON with <c>--json</c>, GeoJSON when no <c>--out</c>).</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Gets the writer for logs, progress and errors.</summary>
    public TextWriter Error { get; } = stderr;

    /// <summary>Gets or sets a value indicating whether <c>--verbose</c> was given.</summary>
    public bool Verbose { get; set; }

    /// <summary>Gets or sets a value indicating whether <c>--json</c> was given: results go to stdout as one JSON document.</summary>
    public bool Json { get; set; }

    /// <summary>Writes the command's result as one JSON document on stdout (see <see cref="JsonOutput"/>).</summary>
    /// <param name="write">Writes exactly one JSON value.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written.</returns>
    public Task WriteJsonAsync(Action<Utf8JsonWriter> write, CancellationToken cancellationToken = default) =>
        JsonOutput.WriteAsync(Out, write, cancellationToken);
}
