namespace Scaneo.Inference;

/// <summary>
/// Options of the inference clients, validated when the host starts (<see cref="InferenceOptionsValidator"/>).
/// The timeouts and retry settings configure the standard resilience handler that
/// <c>AddScaneoInference</c> adds; <see cref="HttpClient.Timeout"/> is left alone, as that handler requires.
/// </summary>
public sealed class InferenceOptions
{
    /// <summary>Gets or sets the largest reply accepted, in bytes (default 256 MiB); enforced while reading.</summary>
    public long MaxReplyBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Gets or sets what to do with a segmentation mask of another size than the sent image (default resample).</summary>
    public MaskSizeMismatch MaskSizeMismatch { get; set; } = MaskSizeMismatch.Resample;

    /// <summary>Gets or sets the timeout of one attempt (default 30 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the timeout of a whole request including retries, up to the reply's headers; reading the reply body
    /// gets the same budget again (default 90 s, under HttpClient's default 100 s timeout, which this package leaves
    /// untouched — raise that one through <c>IScaneoInferenceBuilder.HttpClientBuilder</c> before going higher).
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Gets or sets the number of retries after the first attempt (default 3; 0 disables retries).</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>Gets or sets the base delay of the exponential, jittered backoff (default 1 s). A Retry-After header wins.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the credentials per model name (case-insensitive).</summary>
    public IDictionary<string, ModelAuthentication> Authentication { get; } = new Dictionary<string, ModelAuthentication>(StringComparer.OrdinalIgnoreCase);
}
