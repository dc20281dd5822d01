using Scaneo.Rasters.GeoTiff;

namespace Scaneo.Abstractions.Tests.Rasters;

/// <summary>A fact that runs only where the native libdeflate can be loaded (it is optional; CI machines may lack it).</summary>
public sealed class LibDeflateFactAttribute : FactAttribute
{
    public LibDeflateFactAttribute()
    {
        if (!LibDeflate.IsAvailable)
        {
            Skip = "libdeflate (libdeflate.so.0 / libdeflate.dylib / libdeflate.dll) is not installed.";
        }
    }
}
