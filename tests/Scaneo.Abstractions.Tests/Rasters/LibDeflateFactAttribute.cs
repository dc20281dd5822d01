using Scaneo.Rasters.GeoTiff;

namespace Scaneo.Abstractions.Tests.Rasters;

/// <summary>A fact that runs only where the native libdeflate can be loaded (it is optional; CI machines may lack it).</summary>
public sealed class LibDeflateFactAttribute : FactAttribute
{
    public LibDeflateFactAttribute() => Skip = SkipReason;

    /// <summary>Gets why libdeflate tests are skipped here, or <see langword="null"/> when it can be loaded.</summary>
    internal static string? SkipReason =>
        LibDeflate.IsAvailable ? null : "libdeflate (libdeflate.so.0 / libdeflate.dylib / libdeflate.dll) is not installed.";
}
