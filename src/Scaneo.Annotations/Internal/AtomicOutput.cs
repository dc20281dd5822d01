using Scaneo.Annotations.Exports;

namespace Scaneo.Annotations.Internal;

/// <summary>
/// Atomic writes. A file is written to a temporary file in its folder and renamed over the target. A folder export
/// is staged in a temporary sibling folder and moved into place only when complete, so a failure (or cancellation)
/// leaves no partial output.
/// </summary>
internal static class AtomicOutput
{
    public static async Task WriteFileAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDeleteFile(temp);
            throw;
        }
    }

    /// <summary>Stages a file whose content a callback writes (e.g. SQLite), then renames it over the target.</summary>
    public static async Task WriteFileAsync(string path, Func<string, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            await write(temp, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDeleteFile(temp);
            throw;
        }
    }

    public static async Task WriteFolderAsync(string folder, Func<string, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        string full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        string parent = Path.GetDirectoryName(full) ?? throw new AnnotationExportException(folder, "cannot export into a root folder; choose a sub-folder.");
        if (File.Exists(full))
        {
            throw new AnnotationExportException(full, "is a file; expected a folder to export into.");
        }

        string stage = Path.Combine(parent, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            Directory.CreateDirectory(stage);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AnnotationExportException(full, "cannot create the output folder: " + ex.Message, ex);
        }

        try
        {
            await write(stage, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (!Directory.Exists(full))
            {
                Directory.Move(stage, full);
                return;
            }

            // The folder exists (e.g. exporting next to the images): move the staged files in, keep everything else.
            foreach (string file in Directory.EnumerateFiles(stage, "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(full, Path.GetRelativePath(stage, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(file, target, overwrite: true);
            }

            Directory.Delete(stage, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDeleteFolder(stage);
            throw new AnnotationExportException(full, "cannot be written: " + ex.Message, ex);
        }
        catch
        {
            TryDeleteFolder(stage);
            throw;
        }
    }

    private static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the original error matters more than a leftover temporary file.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private static void TryDeleteFolder(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort, as above.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
