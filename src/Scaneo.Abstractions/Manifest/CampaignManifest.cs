using Scaneo.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scaneo.Manifest;

/// <summary>
/// Reads and writes a campaign manifest, <c>campaign.json</c>: a campaign's labels, images, attached models and
/// label mappings. The schema is documented in <c>docs/campaign-manifest.md</c>. Reading validates every value
/// with the domain types' rules; a broken manifest fails with a <see cref="CampaignManifestException"/> that names
/// the file, the JSON path and what was wrong.
/// </summary>
public static class CampaignManifest
{
    /// <summary>The manifest's file name inside a campaign folder.</summary>
    public const string FileName = "campaign.json";

    /// <summary>The schema version this version of Scaneo writes (and the newest it reads).</summary>
    public const int SchemaVersion = 1;

    /// <summary>
    /// The host that marks an endpoint as "the in-process reference model" (e.g.
    /// <c>http://reference.scaneo.invalid/segmentation/scores</c>). The <c>.invalid</c> top-level domain never
    /// resolves (RFC 2606), so such a manifest can never send an image anywhere by accident; hosts replace these
    /// endpoints with the address of a reference model they start (<see cref="ModelDefinition.WithEndpoint"/>).
    /// </summary>
    public const string ReferenceModelHost = "reference.scaneo.invalid";

    // Relaxed escaping keeps non-ASCII label names and WKT readable in a file people edit by hand; the manifest
    // is never embedded in HTML.
    private static readonly CampaignManifestJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Returns whether an endpoint designates the in-process reference model (host <see cref="ReferenceModelHost"/>).</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns><see langword="true"/> for an absolute URL on <see cref="ReferenceModelHost"/>.</returns>
    public static bool IsReferenceModelEndpoint(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.IsAbsoluteUri && string.Equals(endpoint.Host, ReferenceModelHost, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads a manifest file.</summary>
    /// <param name="path">The <c>campaign.json</c> file, or a campaign folder that contains one.</param>
    /// <returns>The campaign.</returns>
    /// <exception cref="CampaignManifestException">The file cannot be read, is not valid JSON, or breaks a rule.</exception>
    public static Campaign Load(string path)
    {
        string file = ResolvePath(path);
        byte[] utf8;
        try
        {
            utf8 = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CampaignManifestException(file, null, "cannot read the manifest: " + ex.Message, ex);
        }

        return ParseUtf8(utf8, file);
    }

    /// <summary>Reads a manifest file asynchronously.</summary>
    /// <param name="path">The <c>campaign.json</c> file, or a campaign folder that contains one.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The campaign.</returns>
    /// <exception cref="CampaignManifestException">The file cannot be read, is not valid JSON, or breaks a rule.</exception>
    public static async Task<Campaign> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        string file = ResolvePath(path);
        byte[] utf8;
        try
        {
            utf8 = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CampaignManifestException(file, null, "cannot read the manifest: " + ex.Message, ex);
        }

        return ParseUtf8(utf8, file);
    }

    /// <summary>Parses manifest text.</summary>
    /// <param name="json">The manifest JSON.</param>
    /// <param name="sourceName">A name for messages (usually the file), or <see langword="null"/>.</param>
    /// <returns>The campaign.</returns>
    /// <exception cref="CampaignManifestException">The text is not valid JSON or breaks a rule.</exception>
    public static Campaign Parse(string json, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParseUtf8(Encoding.UTF8.GetBytes(json), sourceName);
    }

    /// <summary>Returns the manifest text of a campaign (indented JSON, schema version <see cref="SchemaVersion"/>).</summary>
    /// <param name="campaign">The campaign.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return JsonSerializer.Serialize(ManifestMapper.FromCampaign(campaign), Context.CampaignManifestDto) + "\n";
    }

    /// <summary>
    /// Writes a manifest atomically: the text goes to a temporary file in the same folder, which then replaces
    /// <paramref name="path"/>, so readers never see a half-written manifest.
    /// </summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="path">The <c>campaign.json</c> file, or an existing campaign folder.</param>
    /// <exception cref="CampaignManifestException">The file cannot be written.</exception>
    public static void Save(Campaign campaign, string path)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        string file = ResolvePath(path);
        byte[] utf8 = Encoding.UTF8.GetBytes(ToJson(campaign));
        try
        {
            AtomicFile.Write(file, stream => stream.Write(utf8));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CampaignManifestException(file, null, "cannot write the manifest: " + ex.Message, ex);
        }
    }

    /// <summary>Writes a manifest atomically and asynchronously (see <see cref="Save"/>).</summary>
    /// <param name="campaign">The campaign.</param>
    /// <param name="path">The <c>campaign.json</c> file, or an existing campaign folder.</param>
    /// <param name="cancellationToken">Cancels the write; the existing manifest is then left unchanged.</param>
    /// <returns>A task that completes when the manifest is in place.</returns>
    /// <exception cref="CampaignManifestException">The file cannot be written.</exception>
    public static async Task SaveAsync(Campaign campaign, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        string file = ResolvePath(path);
        byte[] utf8 = Encoding.UTF8.GetBytes(ToJson(campaign));
        try
        {
            await AtomicFile.WriteAsync(file, utf8, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CampaignManifestException(file, null, "cannot write the manifest: " + ex.Message, ex);
        }
    }

    private static Campaign ParseUtf8(ReadOnlySpan<byte> utf8, string? source)
    {
        // A BOM is legal in a UTF-8 file but not in JSON text; editors on Windows add one.
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (utf8.StartsWith(bom))
        {
            utf8 = utf8[bom.Length..];
        }

        CampaignManifestDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(utf8, Context.CampaignManifestDto);
        }
        catch (JsonException ex)
        {
            throw new CampaignManifestException(source, ex.Path ?? "$", Describe(ex), ex);
        }

        if (dto is null)
        {
            throw new CampaignManifestException(source, "$", "must be a JSON object, found null.");
        }

        return ManifestMapper.ToCampaign(dto, source);
    }

    /// <summary>Rewrites the serializer's messages, which name internal types, into what a manifest author can act on.</summary>
    private static string Describe(JsonException ex)
    {
        string message = ex.Message;
        int pathInfo = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (pathInfo >= 0)
        {
            message = message[..pathInfo];
        }

        const string unmapped = "The JSON property '";
        if (message.StartsWith(unmapped, StringComparison.Ordinal) && message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            int end = message.IndexOf('\'', unmapped.Length);
            string property = end > 0 ? message[unmapped.Length..end] : "?";
            return $"unknown property \"{property}\" (property names are case-sensitive; see docs/campaign-manifest.md).";
        }

        if (message.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal))
        {
            string type = message["The JSON value could not be converted to ".Length..].TrimEnd('.');
            return "has the wrong JSON type; expected " + Expected(type) + ".";
        }

        string line = ex.LineNumber is long n ? $" (line {n + 1}, byte {ex.BytePositionInLine + 1})" : string.Empty;
        return message.TrimEnd() + line;
    }

    private static string Expected(string clrType) => clrType switch
    {
        _ when clrType.Contains("Int32", StringComparison.Ordinal) && clrType.Contains("[]", StringComparison.Ordinal) => "an array of integers",
        _ when clrType.Contains("Int32", StringComparison.Ordinal) => "an integer",
        _ when clrType.Contains("Double[]", StringComparison.Ordinal) => "an array of numbers",
        _ when clrType.Contains("Double", StringComparison.Ordinal) => "a number",
        _ when clrType.Contains("List", StringComparison.Ordinal) => "an array",
        _ when clrType.Contains("String", StringComparison.Ordinal) => "a string",
        _ => "an object",
    };

    private static string ResolvePath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Directory.Exists(path) ? Path.Combine(path, FileName) : path;
    }

}
