namespace Scaneo.Annotations.Exports;

/// <summary>What a SCANEO folder holds: labels from <c>spai.json</c>, the images found, and their annotations.</summary>
public sealed class ScaneoImportResult
{
    internal ScaneoImportResult(string folder, IReadOnlyList<Label> labels, IReadOnlyList<string> imagePaths, IReadOnlyList<Annotation> annotations)
    {
        Folder = folder;
        Labels = labels;
        ImagePaths = imagePaths;
        Annotations = annotations;
    }

    /// <summary>Gets the folder that was read (full path).</summary>
    public string Folder { get; }

    /// <summary>Gets the labels, in <c>spai.json</c> order.</summary>
    public IReadOnlyList<Label> Labels { get; }

    /// <summary>Gets the image paths relative to the folder (forward slashes), sorted ordinally.</summary>
    public IReadOnlyList<string> ImagePaths { get; }

    /// <summary>Gets the annotations of every image.</summary>
    public IReadOnlyList<Annotation> Annotations { get; }
}
