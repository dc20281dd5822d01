using Microsoft.Win32.SafeHandles;

namespace Scaneo.Rasters.GeoTiff;

/// <summary>A libdeflate decompressor (libdeflate_alloc_decompressor), freed when disposed or finalized.</summary>
internal sealed class LibDeflateDecompressor : SafeHandleZeroOrMinusOneIsInvalid
{
    public LibDeflateDecompressor(nint handle)
        : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        LibDeflate.Free(handle);
        return true;
    }
}
