using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Scaneo.Inference;

/// <summary>
/// The cross-strategy rules the standard resilience handler validates on start, for the options every inference
/// pipeline starts from (hosts change them through <c>IScaneoInferenceBuilder.Resilience</c>). Each strategy's own
/// ranges are checked by Polly when a pipeline is built.
/// </summary>
internal sealed class StandardResilienceOptionsValidator(string optionsName) : IValidateOptions<HttpStandardResilienceOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpStandardResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != optionsName)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        TimeSpan attempt = options.AttemptTimeout.Timeout;
        if (options.TotalRequestTimeout.Timeout < attempt)
        {
            failures.Add($"HttpStandardResilienceOptions ({name}).TotalRequestTimeout.Timeout: {options.TotalRequestTimeout.Timeout} must be at least AttemptTimeout.Timeout ({attempt}).");
        }

        if (options.CircuitBreaker.SamplingDuration < attempt * 2)
        {
            failures.Add($"HttpStandardResilienceOptions ({name}).CircuitBreaker.SamplingDuration: {options.CircuitBreaker.SamplingDuration} must be at least twice AttemptTimeout.Timeout ({attempt}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
