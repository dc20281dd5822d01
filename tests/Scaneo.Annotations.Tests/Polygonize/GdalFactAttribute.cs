using System.Diagnostics;

namespace Scaneo.Annotations.Tests.Polygonize;

/// <summary>
/// A fact that runs only where a Python with GDAL's bindings (osgeo) is installed; elsewhere it is reported as
/// skipped at discovery, with the reason, instead of passing vacuously.
/// </summary>
public sealed class GdalFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Python = new(FindPython);

    public GdalFactAttribute()
    {
        if (Python.Value is null)
        {
            Skip = "GDAL's Python bindings (python3 -c 'import osgeo') are not installed.";
        }
    }

    /// <summary>Gets a Python interpreter that can import osgeo and numpy, or null.</summary>
    public static string? Interpreter => Python.Value;

    private static string? FindPython()
    {
        foreach (string candidate in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(candidate, ["-c", "import osgeo.gdal, numpy"])
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                });
                if (process is null)
                {
                    continue;
                }

                process.WaitForExit(30_000);
                if (process.HasExited && process.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under this name.
            }
        }

        return null;
    }
}
