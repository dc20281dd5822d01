namespace Scaneo.IO;

/// <summary>
/// Atomic file and folder writes: content goes to a temporary sibling that is renamed over the target only when
/// complete, so readers never see a half-written file and a failure (or cancellation) leaves the previous content
/// untouched and no partial output behind. Every Scaneo package and the CLI write their outputs through it.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes a file from a callback that fills a stream.</summary>
    /// <param name="path">The target file; its folder must exist.</param>
    /// <param name="write">Writes the whole content.</param>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string full = Prepare(path, out string temp);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDeleteFile(temp);
            throw;
        }
    }

    /// <summary>Writes bytes to a file.</summary>
    /// <param name="path">The target file; its folder must exist.</param>
    /// <param name="content">The content.</param>
    /// <param name="cancellationToken">Cancels the write (the target is then unchanged).</param>
    /// <returns>A task that completes when the file is in place.</returns>
    public static Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        WriteAsync(path, (stream, ct) => stream.WriteAsync(content, ct).AsTask(), cancellationToken);

    /// <summary>Writes a file from an asynchronous callback that fills a stream.</summary>
    /// <param name="path">The target file; its folder must exist.</param>
    /// <param name="write">Writes the whole content.</param>
    /// <param name="cancellationToken">Cancels the write (the target is then unchanged).</param>
    /// <returns>A task that completes when the file is in place.</returns>
    public static Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        return ReplaceWithAsync(
            path,
            async (temp, ct) =>
            {
                await using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await write(stream, ct).ConfigureAwait(false);
                await stream.FlushAsync(ct).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>
    /// Lets a callback create a temporary file by path (for writers that need a path, such as SQLite), then renames it
    /// over the target.
    /// </summary>
    /// <param name="path">The target file; its folder must exist.</param>
    /// <param name="write">Creates the file at the temporary path it is given.</param>
    /// <param name="cancellationToken">Cancels the write (the target is then unchanged).</param>
    /// <returns>A task that completes when the file is in place.</returns>
    public static async Task ReplaceWithAsync(string path, Func<string, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        string full = Prepare(path, out string temp);
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

    /// <summary>
    /// Stages a folder's files in a temporary sibling folder and moves them in only when all were written. Files
    /// already in the target folder that the callback does not write are kept.
    /// </summary>
    /// <param name="folder">The target folder.</param>
    /// <param name="write">Writes the files into the staging folder it is given.</param>
    /// <param name="cancellationToken">Cancels the write (nothing is moved).</param>
    /// <returns>A task that completes when the files are in place.</returns>
    public static async Task WriteFolderAsync(string folder, Func<string, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        string parent = Path.GetDirectoryName(full) ?? throw new ArgumentException("The output folder cannot be a root folder.", nameof(folder));
        if (File.Exists(full))
        {
            throw new IOException($"\"{full}\" is a file; expected a folder to write into.");
        }

        Directory.CreateDirectory(parent);
        string stage = TempSibling(parent, Path.GetFileName(full));
        Directory.CreateDirectory(stage);
        try
        {
            await write(stage, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (!Directory.Exists(full))
            {
                Directory.Move(stage, full);
                return;
            }

            foreach (string file in Directory.EnumerateFiles(stage, "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(full, Path.GetRelativePath(stage, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(file, target, overwrite: true);
            }

            Directory.Delete(stage, recursive: true);
        }
        catch
        {
            TryDeleteFolder(stage);
            throw;
        }
    }

    private static string Prepare(string path, out string temp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        // The folder is not created: a missing folder is usually a typo the caller should hear about.
        temp = TempSibling(Path.GetDirectoryName(full) ?? ".", Path.GetFileName(full));
        return full;
    }

    // A hidden sibling in the same folder: the final rename never crosses file systems.
    private static string TempSibling(string directory, string name) =>
        Path.Combine(directory, "." + name + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");

    private static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original error matters more than a leftover temporary file.
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
