namespace Scaneo.Annotations.Exports;

/// <summary>Thrown when an export cannot be written; no partial output is left behind.</summary>
public sealed class AnnotationExportException : ScaneoException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="outputPath">The output that could not be written.</param>
    /// <param name="detail">What went wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public AnnotationExportException(string outputPath, string detail, Exception? innerException = null)
        : base($"{outputPath}: {detail}", innerException)
    {
        OutputPath = outputPath;
    }

    /// <summary>Gets the output that could not be written.</summary>
    public string OutputPath { get; }
}
