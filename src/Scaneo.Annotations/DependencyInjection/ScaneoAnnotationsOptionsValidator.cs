using System.Globalization;
using Microsoft.Extensions.Options;

namespace Scaneo.Annotations.DependencyInjection;

/// <summary>Checks <see cref="ScaneoAnnotationsOptions"/>: every rule broken is reported at once.</summary>
public sealed class ScaneoAnnotationsOptionsValidator : IValidateOptions<ScaneoAnnotationsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ScaneoAnnotationsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        double min = options.Builder.MinimumDetectionScore;
        if (!double.IsFinite(min) || min < 0)
        {
            failures.Add($"Builder.MinimumDetectionScore: \"{min.ToString(CultureInfo.InvariantCulture)}\" must be a finite number ≥ 0.");
        }

        if (!Enum.IsDefined(options.MergePolicy))
        {
            failures.Add($"MergePolicy: \"{options.MergePolicy}\" must be Replace or KeepBoth.");
        }

        if (!Enum.IsDefined(options.Scaneo.ClassificationGeometry))
        {
            failures.Add($"Scaneo.ClassificationGeometry: \"{options.Scaneo.ClassificationGeometry}\" must be Null or EmptyPolygon.");
        }

        if (string.IsNullOrWhiteSpace(options.Stac.License))
        {
            failures.Add("Stac.License: must be an SPDX licence id, \"various\" or \"proprietary\".");
        }

        if (options.Stac.ImageRoot is string root && root.Length > 0 && Uri.TryCreate(root, UriKind.Absolute, out var uri)
            && !uri.IsFile && uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"Stac.ImageRoot: \"{root}\" must be a folder or an http(s) URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
