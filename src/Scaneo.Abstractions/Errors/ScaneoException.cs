namespace Scaneo;

/// <summary>
/// Base class of every exception Scaneo throws for a problem with its input or environment, so hosts can catch
/// one type and show its message to the user.
/// </summary>
public class ScaneoException : Exception
{
    /// <summary>Initializes a new instance with a message that says what was expected and what was found.</summary>
    /// <param name="message">The message.</param>
    public ScaneoException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ScaneoException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
