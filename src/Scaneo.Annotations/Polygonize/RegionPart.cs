namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// The regions of one seam window of <see cref="ScanlineStrips"/> (or those a strip could not fit in its place in the
/// output), in first-pixel order, with their first pixels as row-major corner keys, in arrays rented from the pool.
/// </summary>
internal sealed class RegionPart : IRegionSink
{
    private PolygonizedRegion[] _regions;
    private long[] _keys;

    /// <summary>Initializes an empty part with room for <paramref name="capacity"/> regions.</summary>
    public RegionPart(int capacity)
    {
        _regions = PooledArray.Rent<PolygonizedRegion>(Math.Max(capacity, 16), clear: false);
        _keys = PooledArray.Rent<long>(_regions.Length, clear: false);
    }

    /// <summary>Gets the number of regions.</summary>
    public int Count { get; private set; }

    /// <summary>Gets region <paramref name="index"/>.</summary>
    public PolygonizedRegion this[int index] => _regions[index];

    /// <summary>The first pixel of region <paramref name="index"/> as a row-major corner key.</summary>
    public long Key(int index) => _keys[index];

    /// <summary>Adds a region after the others (its key must be greater).</summary>
    public void Add(PolygonizedRegion region, long key)
    {
        if (Count == _regions.Length || Count == _keys.Length)
        {
            int size = (int)Math.Min(2L * Math.Max(Count, 16), Array.MaxLength);
            PooledArray.Grow(ref _regions, size, Count);
            PooledArray.Grow(ref _keys, size, Count);
        }

        _regions[Count] = region;
        _keys[Count] = key;
        Count++;
    }

    /// <summary>Drops every region.</summary>
    public void Clear()
    {
        Array.Clear(_regions, 0, Count);
        Count = 0;
    }

    /// <summary>Returns the arrays to the pool (the regions are cleared from them); the part cannot be used afterwards.</summary>
    public void Return()
    {
        PooledArray.Return(ref _regions);
        PooledArray.Return(ref _keys);
        Count = 0;
    }
}
