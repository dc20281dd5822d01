namespace Scaneo.Inference;

/// <summary>
/// Resilience settings of one model, as named options whose name is the model's <see cref="ModelDefinition.Name"/>
/// (compared ordinally). Every property left <see langword="null"/> keeps the value of <see cref="InferenceOptions"/>,
/// so a host overrides only what differs — e.g. a slow SAM server gets a long attempt timeout and no retries while
/// every other model keeps the global settings. Set them with
/// <c>AddScaneoInference(…).ConfigureModelResilience("sam-large", o => …)</c>, or bind them like any named options
/// (<c>services.Configure&lt;ModelResilienceOptions&gt;("sam-large", section)</c>); they are validated when the host
/// starts, together with the global values they fall back to.
/// </summary>
/// <remarks>
/// A model with settings of its own gets its own resilience pipeline per model server (its own retries, timeouts and
/// circuit breaker); models without keep sharing one pipeline per server.
/// </remarks>
public sealed class ModelResilienceOptions
{
    /// <summary>Gets or sets the timeout of one attempt (null: <see cref="InferenceOptions.AttemptTimeout"/>).</summary>
    public TimeSpan? AttemptTimeout { get; set; }

    /// <summary>
    /// Gets or sets the timeout of a whole request including retries, up to the reply's headers; reading the reply
    /// body gets the same budget again (null: <see cref="InferenceOptions.TotalTimeout"/>).
    /// </summary>
    public TimeSpan? TotalTimeout { get; set; }

    /// <summary>Gets or sets the number of retries after the first attempt, 0 to disable them (null: <see cref="InferenceOptions.MaxRetryAttempts"/>).</summary>
    public int? MaxRetryAttempts { get; set; }

    /// <summary>Gets or sets the base delay of the exponential, jittered backoff (null: <see cref="InferenceOptions.RetryBaseDelay"/>).</summary>
    public TimeSpan? RetryBaseDelay { get; set; }

    /// <summary>Gets a value indicating whether any setting is overridden (the model then gets pipelines of its own).</summary>
    internal bool HasOverrides => AttemptTimeout.HasValue || TotalTimeout.HasValue || MaxRetryAttempts.HasValue || RetryBaseDelay.HasValue;
}
