namespace Scaneo.Inference;

/// <summary>The model's reply could not be understood as a prediction of the model's task.</summary>
public sealed class ReplyFormatException : InferenceException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="expected">What a valid reply looks like.</param>
    /// <param name="found">What the reply held instead.</param>
    /// <param name="modelName">The model's name, if known.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ReplyFormatException(string expected, string found, string? modelName = null, Exception? innerException = null)
        : base((modelName is null ? string.Empty : $"Model '{modelName}': ") + $"{found}; expected {expected}.", modelName, innerException)
    {
        Expected = expected;
        Found = found;
    }

    /// <summary>Gets what a valid reply looks like.</summary>
    public string Expected { get; }

    /// <summary>Gets what the reply held.</summary>
    public string Found { get; }

    /// <summary>Returns a copy that names the model.</summary>
    /// <param name="modelName">The model's name.</param>
    /// <returns>The copy (this instance when it already names the model).</returns>
    public ReplyFormatException WithModel(string modelName) =>
        ModelName == modelName ? this : new ReplyFormatException(Expected, Found, modelName, InnerException);
}
