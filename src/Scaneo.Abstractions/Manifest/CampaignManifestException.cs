namespace Scaneo.Manifest;

/// <summary>
/// Thrown when a campaign manifest (<c>campaign.json</c>) cannot be read, parsed or written. The message names the
/// file, the JSON path of the offending value (e.g. <c>$.labels[2].color</c>) and what was wrong with it.
/// </summary>
public sealed class CampaignManifestException : ScaneoException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="sourceName">The manifest file (or the name given to <see cref="CampaignManifest.Parse"/>), if known.</param>
    /// <param name="jsonPath">The JSON path of the offending value, e.g. <c>$.labels[2].color</c>; <see langword="null"/> when the file itself could not be read or written.</param>
    /// <param name="detail">What was wrong, phrased as what was expected and what was found.</param>
    /// <param name="innerException">The cause (a <see cref="System.Text.Json.JsonException"/>, <see cref="ScaneoValidationException"/> or I/O exception).</param>
    public CampaignManifestException(string? sourceName, string? jsonPath, string detail, Exception? innerException = null)
        : base(Format(sourceName, jsonPath, detail), innerException)
    {
        ArgumentNullException.ThrowIfNull(detail);
        SourceName = sourceName;
        JsonPath = jsonPath;
        Detail = detail;
    }

    /// <summary>Gets the manifest file or source name, if known.</summary>
    public string? SourceName { get; }

    /// <summary>Gets the JSON path of the offending value (<c>$</c> is the root), or <see langword="null"/> for I/O failures.</summary>
    public string? JsonPath { get; }

    /// <summary>Gets what was wrong, without the file and path.</summary>
    public string Detail { get; }

    private static string Format(string? sourceName, string? jsonPath, string detail)
    {
        string where = sourceName ?? "campaign manifest";
        return jsonPath is null ? $"{where}: {detail}" : $"{where}: {jsonPath}: {detail}";
    }
}
