namespace Scaneo.Inference;

/// <summary>Endpoint text safe for logs and messages: scheme, host, port and path only (no userinfo, query or fragment).</summary>
internal static class EndpointText
{
    public static string Redact(Uri endpoint) =>
        endpoint.IsAbsoluteUri ? endpoint.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(relative URL)";
}
