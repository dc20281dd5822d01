using Scaneo.Rasters.GeoTiff;

namespace Scaneo.Abstractions.Tests.Rasters;

/// <summary>A theory that runs only where the native libdeflate can be loaded (it is optional; CI machines may lack it).</summary>
public sealed class LibDeflateTheoryAttribute : TheoryAttribute
{
    public LibDeflateTheoryAttribute()
    {
        if (!LibDeflate.IsAvailable)
        {
            Skip = "libdeflate (libdeflate.so.0 / libdeflate.dylib / libdeflate.dll) is not installed.";
        }
    }
}
