namespace Scaneo.Cli.Hosting;

/// <summary>What every command needs from the host: where to write, and whether the user asked for verbosity.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    /// <summary>Gets the writer for results (JSON with <c>--json</c>, GeoJSON when no <c>--out</c>).</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Gets the writer for logs, progress and errors.</summary>
    public TextWriter Error { get; } = stderr;

    /// <summary>Gets or sets a value indicating whether <c>--verbose</c> was given.</summary>
    public bool Verbose { get; set; }
}
