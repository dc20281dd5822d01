namespace Scaneo.Inference;

/// <summary>
/// Credentials sent to one model server. Values are sent as headers only; they never appear in logs, activity tags
/// or exception messages.
/// </summary>
public sealed class ModelAuthentication
{
    /// <summary>Gets or sets an API key sent in <see cref="ApiKeyHeaderName"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets the header carrying <see cref="ApiKey"/> (default <c>X-API-Key</c>).</summary>
    public string ApiKeyHeaderName { get; set; } = "X-API-Key";

    /// <summary>Gets or sets a bearer token sent as <c>Authorization: Bearer …</c>.</summary>
    public string? BearerToken { get; set; }

    /// <inheritdoc />
    public override string ToString() =>
        $"ModelAuthentication {{ ApiKey = {(ApiKey is null ? "none" : "***")}, ApiKeyHeaderName = {ApiKeyHeaderName}, BearerToken = {(BearerToken is null ? "none" : "***")} }}";
}
