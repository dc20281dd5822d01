using System.Runtime.InteropServices;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// Puts a strip's regions, with those of the window of the seam below it merged in by first pixel, straight into the
/// place reserved for them in the output list, which every strip writes at once, each in its own place. Regions
/// beyond the place (the estimate was short) wait in an overflow part. So the parallel mode keeps no copy of the
/// output besides the list itself.
/// </summary>
internal sealed class StripSink(List<PolygonizedRegion> output, int offset, int room, RegionPart? window) : IRegionSink
{
    private int _nextWindowRegion;

    /// <summary>Gets the first index of the place in the output list.</summary>
    public int Offset { get; } = offset;

    /// <summary>Gets the number of regions put in the place.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the regions that did not fit in the place, in order after them, if any.</summary>
    public RegionPart? Overflow { get; private set; }

    /// <inheritdoc/>
    public void Add(PolygonizedRegion region, long key)
    {
        // The window's regions lie in this strip's rows: each goes before the strip's first later region.
        while (window is not null && _nextWindowRegion < window.Count && window.Key(_nextWindowRegion) < key)
        {
            Put(window[_nextWindowRegion++]);
        }

        Put(region);
    }

    /// <summary>Puts the window's regions after the strip's last one.</summary>
    public void Finish()
    {
        while (window is not null && _nextWindowRegion < window.Count)
        {
            Put(window[_nextWindowRegion++]);
        }
    }

    private void Put(PolygonizedRegion region)
    {
        if (Count < room)
        {
            // Reads the list's array and count only: no strip resizes the list while the strips run.
            CollectionsMarshal.AsSpan(output)[Offset + Count] = region;
            Count++;
        }
        else
        {
            (Overflow ??= new RegionPart(16)).Add(region, 0);
        }
    }
}
