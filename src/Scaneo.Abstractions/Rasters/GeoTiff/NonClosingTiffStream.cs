using BitMiracle.LibTiff.Classic;

namespace Scaneo.Rasters.GeoTiff;

/// <summary>LibTiff's stream adapter, except that closing the Tiff leaves the caller's stream open.</summary>
internal sealed class NonClosingTiffStream : TiffStream
{
    public override void Close(object clientData)
    {
        // The caller owns the stream.
    }
}
