using System.Net;

namespace Scaneo.Inference;

/// <summary>The model server answered with an HTTP error status (after retries, when the status was retryable).</summary>
public sealed class ModelEndpointException : InferenceException
{
    /// <summary>The largest body excerpt kept, in UTF-16 characters (at most 1 KB of text).</summary>
    public const int MaxExcerptLength = 1024;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="modelName">The model's name.</param>
    /// <param name="endpoint">The endpoint, already stripped of credentials and query.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="reasonPhrase">The reason phrase, if any.</param>
    /// <param name="bodyExcerpt">The start of the reply body (truncated to <see cref="MaxExcerptLength"/>).</param>
    public ModelEndpointException(string modelName, string endpoint, HttpStatusCode statusCode, string? reasonPhrase, string? bodyExcerpt)
        : base(BuildMessage(modelName, endpoint, statusCode, reasonPhrase, Truncate(bodyExcerpt)), modelName)
    {
        Endpoint = endpoint;
        StatusCode = statusCode;
        ReasonPhrase = reasonPhrase;
        BodyExcerpt = Truncate(bodyExcerpt);
    }

    /// <summary>Gets the endpoint without userinfo or query.</summary>
    public string Endpoint { get; }

    /// <summary>Gets the HTTP status code.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the reason phrase, if the server sent one.</summary>
    public string? ReasonPhrase { get; }

    /// <summary>Gets at most 1 KB of the reply body, if any.</summary>
    public string? BodyExcerpt { get; }

    private static string? Truncate(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        string trimmed = body.Trim();
        return trimmed.Length <= MaxExcerptLength ? trimmed : trimmed[..MaxExcerptLength] + "…";
    }

    private static string BuildMessage(string modelName, string endpoint, HttpStatusCode statusCode, string? reason, string? excerpt)
    {
        string status = $"HTTP {(int)statusCode}" + (string.IsNullOrWhiteSpace(reason) ? string.Empty : " " + reason);
        string message = $"Model '{modelName}' at {endpoint} answered {status}; expected 2xx with a prediction.";
        return excerpt is null ? message : message + " Body: " + excerpt;
    }
}
