using Microsoft.Extensions.Options;

namespace Scaneo.Inference;

/// <summary>
/// Checks a model's <see cref="ModelResilienceOptions"/> together with the global values it falls back to (an attempt
/// timeout of 120 s is only valid with a total timeout of at least as much, wherever that comes from).
/// </summary>
internal sealed class ModelResilienceOptionsValidator(IOptionsMonitor<InferenceOptions> global) : IValidateOptions<ModelResilienceOptions>
{
    public ValidateOptionsResult Validate(string? name, ModelResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.HasOverrides)
        {
            return ValidateOptionsResult.Skip;
        }

        InferenceOptions fallback;
        try
        {
            fallback = global.CurrentValue;
        }
        catch (OptionsValidationException)
        {
            // The global options report their own failures; judging a model against invalid fallbacks adds nothing.
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        ResilienceSettings.For(fallback, options).Validate($"ModelResilienceOptions[{name}]", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
