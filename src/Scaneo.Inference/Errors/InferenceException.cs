namespace Scaneo.Inference;

/// <summary>
/// Base class of the errors raised while running a model: the endpoint failed, timed out, could not be reached, or
/// its reply could not be understood. Catch this type to handle every inference failure of one image.
/// </summary>
public class InferenceException : ScaneoException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What was expected and what was found.</param>
    /// <param name="modelName">The model's name, if known.</param>
    /// <param name="innerException">The cause, if any.</param>
    public InferenceException(string message, string? modelName = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ModelName = modelName;
    }

    /// <summary>Gets the name of the model that failed, if known.</summary>
    public string? ModelName { get; }
}
