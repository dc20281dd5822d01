using System.Diagnostics;

namespace Scaneo.Abstractions.Tests.Rasters;

/// <summary>A fact that runs only where GDAL's gdalinfo is installed (CI machines may lack it).</summary>
public sealed class GdalFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() =>
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("gdalinfo", "--version") { RedirectStandardOutput = true, RedirectStandardError = true });
            process!.WaitForExit(10000);
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public GdalFactAttribute()
    {
        if (!Available.Value)
        {
            Skip = "GDAL (gdalinfo) is not installed.";
        }
    }
}
