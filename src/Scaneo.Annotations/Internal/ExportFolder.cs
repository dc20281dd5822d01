using Scaneo.IO;

namespace Scaneo.Annotations.Internal;

/// <summary>Stages an export folder atomically and reports file-system failures as <see cref="Exports.AnnotationExportException"/>.</summary>
internal static class ExportFolder
{
    public static async Task WriteAsync(string folder, Func<string, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        string full = Path.GetFullPath(folder);
        try
        {
            await AtomicFile.WriteFolderAsync(full, write, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new Exports.AnnotationExportException(full, "cannot be written: " + ex.Message, ex);
        }
        catch (ArgumentException ex)
        {
            throw new Exports.AnnotationExportException(folder, "cannot export into a root folder; choose a sub-folder.", ex);
        }
    }
}
