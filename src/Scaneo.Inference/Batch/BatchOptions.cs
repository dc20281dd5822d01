using System.Globalization;

namespace Scaneo.Inference.Batch;

/// <summary>Options of a batch run.</summary>
public sealed class BatchOptions
{
    private int _maxConcurrency = 4;

    /// <summary>Gets or sets how many images are in flight at once (1–256, default 4).</summary>
    /// <exception cref="ScaneoValidationException">Outside 1–256.</exception>
    public int MaxConcurrency
    {
        get => _maxConcurrency;
        set => _maxConcurrency = value is >= 1 and <= 256
            ? value
            : throw new ScaneoValidationException("BatchOptions.MaxConcurrency", value.ToString(CultureInfo.InvariantCulture), "must be between 1 and 256.");
    }
}
