namespace Scaneo.ActiveLearning;

/// <summary>
/// Thrown when scores given to an uncertainty scorer break the conventions: a probability row that does not sum
/// to 1 (±1e-3), a probability outside [0, 1], a NaN or infinite value, or an empty input. The message and the
/// properties name the offending row (or pixel, box, pass) and class.
/// </summary>
public sealed class UncertaintyInputException : ScaneoException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What was expected and what was found, naming the index.</param>
    /// <param name="index">The offending row, pixel (row-major linear index), box or pass; <see langword="null"/> when the whole input is at fault.</param>
    /// <param name="classIndex">The offending class (band), when one value is at fault.</param>
    public UncertaintyInputException(string message, long? index = null, int? classIndex = null)
        : base(message)
    {
        Index = index;
        ClassIndex = classIndex;
    }

    /// <summary>Gets the offending row, pixel (row-major linear index), box or pass, if one is at fault.</summary>
    public long? Index { get; }

    /// <summary>Gets the offending class (band) index, if one value is at fault.</summary>
    public int? ClassIndex { get; }
}
