using System.Globalization;

namespace Scaneo.Inference;

/// <summary>
/// The resilience settings in force for one model: its <see cref="ModelResilienceOptions"/> where set, the global
/// <see cref="InferenceOptions"/> elsewhere. One set of rules validates both.
/// </summary>
internal readonly record struct ResilienceSettings(TimeSpan AttemptTimeout, TimeSpan TotalTimeout, int MaxRetryAttempts, TimeSpan RetryBaseDelay)
{
    public static ResilienceSettings Global(InferenceOptions options) =>
        new(options.AttemptTimeout, options.TotalTimeout, options.MaxRetryAttempts, options.RetryBaseDelay);

    public static ResilienceSettings For(InferenceOptions global, ModelResilienceOptions? model) =>
        model is null
            ? Global(global)
            : new(
                model.AttemptTimeout ?? global.AttemptTimeout,
                model.TotalTimeout ?? global.TotalTimeout,
                model.MaxRetryAttempts ?? global.MaxRetryAttempts,
                model.RetryBaseDelay ?? global.RetryBaseDelay);

    /// <summary>Adds a message per invalid value, each prefixed with <paramref name="owner"/> (e.g. <c>InferenceOptions</c>).</summary>
    public void Validate(string owner, List<string> failures)
    {
        if (AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > TimeSpan.FromDays(1))
        {
            failures.Add($"{owner}.AttemptTimeout: {AttemptTimeout} must be between 10 ms and 1 day.");
        }

        if (TotalTimeout < AttemptTimeout || TotalTimeout > TimeSpan.FromDays(1))
        {
            failures.Add($"{owner}.TotalTimeout: {TotalTimeout} must be at least AttemptTimeout ({AttemptTimeout}) and at most 1 day.");
        }

        if (MaxRetryAttempts is < 0 or > 100)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{owner}.MaxRetryAttempts: {MaxRetryAttempts} must be between 0 and 100."));
        }

        if (RetryBaseDelay < TimeSpan.Zero || RetryBaseDelay > TimeSpan.FromDays(1))
        {
            failures.Add($"{owner}.RetryBaseDelay: {RetryBaseDelay} must be between 0 and 1 day.");
        }
    }
}
