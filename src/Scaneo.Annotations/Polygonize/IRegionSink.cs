namespace Scaneo.Annotations.Polygonize;

/// <summary>Receives the regions of a strip or seam window of <see cref="ScanlineStrips"/>, in first-pixel order.</summary>
internal interface IRegionSink
{
    /// <summary>Takes the next region, whose first pixel is the row-major corner key <paramref name="key"/>.</summary>
    void Add(PolygonizedRegion region, long key);
}
