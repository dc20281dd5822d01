using System.Globalization;
using Microsoft.Extensions.Options;

namespace Scaneo.Inference;

/// <summary>Checks <see cref="InferenceOptions"/>, including the rules across properties the resilience handler needs.</summary>
public sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxReplyBytes <= 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"InferenceOptions.MaxReplyBytes: {options.MaxReplyBytes} must be a positive number of bytes."));
        }

        if (!Enum.IsDefined(options.MaskSizeMismatch))
        {
            failures.Add($"InferenceOptions.MaskSizeMismatch: {options.MaskSizeMismatch} must be Resample or Refuse.");
        }

        ResilienceSettings.Global(options).Validate("InferenceOptions", failures);
        foreach (var (model, auth) in options.Authentication)
        {
            if (auth is null)
            {
                failures.Add($"InferenceOptions.Authentication[{model}]: must not be null.");
                continue;
            }

            if (auth.ApiKey is not null && string.IsNullOrWhiteSpace(auth.ApiKeyHeaderName))
            {
                failures.Add($"InferenceOptions.Authentication[{model}].ApiKeyHeaderName: must name a header when ApiKey is set.");
            }

            if (ContainsLineBreak(auth.ApiKey) || ContainsLineBreak(auth.BearerToken) || ContainsLineBreak(auth.ApiKeyHeaderName))
            {
                // The value itself is never echoed: it is a secret.
                failures.Add($"InferenceOptions.Authentication[{model}]: header names and values must not contain line breaks.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool ContainsLineBreak(string? s) => s is not null && s.AsSpan().IndexOfAny('\r', '\n') >= 0;
}
