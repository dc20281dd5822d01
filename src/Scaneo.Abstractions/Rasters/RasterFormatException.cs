namespace Scaneo.Rasters;

/// <summary>
/// Thrown when a raster file cannot be read or written: truncated or corrupt data, an unsupported compression
/// (ZSTD, LERC, WebP, …), an unsupported sample format or layout. The message names the file and the problem.
/// </summary>
public sealed class RasterFormatException : ScaneoException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="fileName">The file (or stream name) that was being read or written.</param>
    /// <param name="problem">What is wrong, phrased as what was expected and what was found.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public RasterFormatException(string fileName, string problem, Exception? innerException = null)
        : base($"{fileName}: {problem}", innerException)
    {
        FileName = fileName;
        Problem = problem;
    }

    /// <summary>Gets the file (or stream name) that was being read or written.</summary>
    public string FileName { get; }

    /// <summary>Gets the description of the problem.</summary>
    public string Problem { get; }
}
