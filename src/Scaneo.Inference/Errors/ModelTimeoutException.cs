namespace Scaneo.Inference;

/// <summary>The model server did not answer within the attempt or total timeout (after retries).</summary>
public sealed class ModelTimeoutException : InferenceException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="modelName">The model's name.</param>
    /// <param name="endpoint">The endpoint, stripped of credentials and query.</param>
    /// <param name="timeout">The timeout that expired, if known.</param>
    /// <param name="innerException">The cause.</param>
    public ModelTimeoutException(string modelName, string endpoint, TimeSpan? timeout, Exception? innerException = null)
        : base(
            $"Model '{modelName}' at {endpoint} did not answer " + (timeout is TimeSpan t ? $"within {t.TotalSeconds:0.###} s" : "in time") + "; expected a reply before the timeout (raise InferenceOptions.AttemptTimeout/TotalTimeout for slow models).",
            modelName,
            innerException)
    {
        Endpoint = endpoint;
        Timeout = timeout;
    }

    /// <summary>Gets the endpoint without userinfo or query.</summary>
    public string Endpoint { get; }

    /// <summary>Gets the timeout that expired, if known.</summary>
    public TimeSpan? Timeout { get; }
}
