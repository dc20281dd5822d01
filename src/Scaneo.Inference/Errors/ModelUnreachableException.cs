namespace Scaneo.Inference;

/// <summary>The model server could not be reached: DNS failure, connection refused or reset, TLS failure, open circuit.</summary>
public sealed class ModelUnreachableException : InferenceException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="modelName">The model's name.</param>
    /// <param name="endpoint">The endpoint, stripped of credentials and query.</param>
    /// <param name="reason">What went wrong, e.g. "connection refused".</param>
    /// <param name="innerException">The cause.</param>
    public ModelUnreachableException(string modelName, string endpoint, string reason, Exception? innerException = null)
        : base($"Model '{modelName}' at {endpoint} is unreachable: {reason}; expected a server accepting HTTP requests there.", modelName, innerException)
    {
        Endpoint = endpoint;
        Reason = reason;
    }

    /// <summary>Gets the endpoint without userinfo or query.</summary>
    public string Endpoint { get; }

    /// <summary>Gets what went wrong.</summary>
    public string Reason { get; }
}
