namespace Scaneo.Annotations.Exports;

/// <summary>
/// Thrown when annotation files cannot be imported: broken JSON, an unknown task, a geometry of the wrong type, a
/// label missing from <c>spai.json</c>. Names the file and, when one is at fault, the feature index. Imports are
/// all-or-nothing: when this is thrown nothing was imported.
/// </summary>
public sealed class AnnotationImportException : ScaneoException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="filePath">The file at fault.</param>
    /// <param name="featureIndex">The 0-based index of the feature at fault, if any.</param>
    /// <param name="detail">What was expected and what was found.</param>
    /// <param name="innerException">The cause, if any.</param>
    public AnnotationImportException(string filePath, int? featureIndex, string detail, Exception? innerException = null)
        : base($"{filePath}{(featureIndex is int i ? $": feature {i}" : string.Empty)}: {detail}", innerException)
    {
        FilePath = filePath;
        FeatureIndex = featureIndex;
        Detail = detail;
    }

    /// <summary>Gets the file at fault.</summary>
    public string FilePath { get; }

    /// <summary>Gets the 0-based index of the feature at fault, if any.</summary>
    public int? FeatureIndex { get; }

    /// <summary>Gets what was expected and what was found.</summary>
    public string Detail { get; }
}
