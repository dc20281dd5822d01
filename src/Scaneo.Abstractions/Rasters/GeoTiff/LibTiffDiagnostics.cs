using System.Globalization;
using BitMiracle.LibTiff.Classic;
using Microsoft.Extensions.Logging;

namespace Scaneo.Rasters.GeoTiff;

/// <summary>
/// Replaces LibTiff.NET's default handler, which prints every warning ("unknown field with tag 33550", "tags
/// are not sorted") to the console. Warnings go to the caller's logger; errors are remembered on the current
/// thread so the exception thrown for a failed LibTiff call can say what LibTiff saw.
/// </summary>
internal sealed partial class LibTiffDiagnostics : TiffErrorHandler
{
    private static readonly LibTiffDiagnostics Instance = new();

    [ThreadStatic]
    private static Scope? t_scope;

    private LibTiffDiagnostics()
    {
    }

    /// <summary>Installs the handler (again: it is cheap, and whether LibTiff keeps it per thread is an implementation detail) and opens a scope.</summary>
    /// <param name="fileName">The file being read or written, for log messages.</param>
    /// <param name="logger">Where warnings go, or <see langword="null"/> to drop them.</param>
    /// <returns>The scope; dispose it when the LibTiff calls are done.</returns>
    public static Scope Enter(string fileName, ILogger? logger)
    {
        Tiff.SetErrorHandler(Instance);
        var scope = new Scope(fileName, logger, t_scope);
        t_scope = scope;
        return scope;
    }

    public override void ErrorHandler(Tiff tif, string method, string format, params object[] args) =>
        OnError(method, format, args);

    public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
    {
        // The non-Ext variant is always called as well; handling both would record every error twice.
    }

    public override void WarningHandler(Tiff tif, string method, string format, params object[] args) =>
        OnWarning(method, format, args);

    public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
    {
    }

    private static void OnError(string method, string format, object[] args)
    {
        var scope = t_scope;
        if (scope is null)
        {
            return;
        }

        string message = Format(format, args);
        scope.LastError = message;
        if (scope.Logger is { } logger)
        {
            LogLibTiffError(logger, scope.FileName, method, message);
        }
    }

    private static void OnWarning(string method, string format, object[] args)
    {
        var scope = t_scope;
        if (scope?.Logger is { } logger)
        {
            LogLibTiffWarning(logger, scope.FileName, method, Format(format, args));
        }
    }

    private static string Format(string format, object[] args)
    {
        try
        {
            return args is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, format, args) : format;
        }
        catch (FormatException)
        {
            return format;
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "{FileName}: LibTiff warning in {Method}: {Text}")]
    private static partial void LogLibTiffWarning(ILogger logger, string fileName, string method, string text);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Debug, Message = "{FileName}: LibTiff error in {Method}: {Text}")]
    private static partial void LogLibTiffError(ILogger logger, string fileName, string method, string text);

    /// <summary>The file and logger of the LibTiff calls running on this thread.</summary>
    internal sealed class Scope : IDisposable
    {
        private readonly Scope? _outer;

        public Scope(string fileName, ILogger? logger, Scope? outer)
        {
            FileName = fileName;
            Logger = logger;
            _outer = outer;
        }

        public string FileName { get; }

        public ILogger? Logger { get; }

        /// <summary>Gets or sets the last error LibTiff reported in this scope.</summary>
        public string? LastError { get; set; }

        /// <summary>Returns " (LibTiff: …)" when LibTiff reported an error, otherwise an empty string.</summary>
        /// <returns>The suffix for an exception message.</returns>
        public string Detail() => LastError is null ? string.Empty : " (LibTiff: " + LastError + ")";

        public void Dispose() => t_scope = _outer;
    }
}
