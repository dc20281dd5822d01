namespace Scaneo.Annotations.Tests.Exports;

/// <summary>A fact that runs only where GDAL's <c>ogrinfo</c> is on the PATH (CI machines may lack GDAL).</summary>
public sealed class GdalFactAttribute : FactAttribute
{
    public GdalFactAttribute()
    {
        if (OgrInfo is null)
        {
            Skip = "GDAL (ogrinfo) is not installed.";
        }
    }

    public static string? OgrInfo { get; } = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, "ogrinfo"))
        .FirstOrDefault(File.Exists);
}
