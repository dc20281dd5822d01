using NetTopologySuite.Geometries;

namespace Scaneo.Annotations.Polygonize;

/// <summary>Helpers over polygonizer output.</summary>
public static class PolygonizedRegions
{
    /// <summary>Groups regions by class value into one <see cref="MultiPolygon"/> per value (parts in input order).</summary>
    /// <param name="regions">The regions, e.g. from <see cref="MaskPolygonizer.Polygonize(Rasters.Raster, PolygonizeOptions?)"/>.</param>
    /// <param name="factory">The factory for the multipolygons, or <see langword="null"/> to use each value's first region's factory.</param>
    /// <returns>The multipolygons keyed and ordered by class value.</returns>
    /// <exception cref="ArgumentException">A region is <see langword="default"/> (has no geometry).</exception>
    public static IReadOnlyDictionary<int, MultiPolygon> GroupByValue(IEnumerable<PolygonizedRegion> regions, GeometryFactory? factory = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var parts = new SortedDictionary<int, List<Polygon>>();
        var factories = new Dictionary<int, GeometryFactory>();
        foreach (PolygonizedRegion region in regions)
        {
            if (region.Geometry is null)
            {
                throw new ArgumentException("A region has no geometry (a default PolygonizedRegion).", nameof(regions));
            }

            if (!parts.TryGetValue(region.Value, out List<Polygon>? list))
            {
                list = [];
                parts.Add(region.Value, list);
                factories.Add(region.Value, factory ?? region.Geometry.Factory);
            }

            if (region.Geometry is Polygon p)
            {
                list.Add(p);
            }
            else
            {
                for (int i = 0; i < region.Geometry.NumGeometries; i++)
                {
                    list.Add((Polygon)region.Geometry.GetGeometryN(i));
                }
            }
        }

        var result = new SortedDictionary<int, MultiPolygon>();
        foreach (KeyValuePair<int, List<Polygon>> entry in parts)
        {
            result.Add(entry.Key, factories[entry.Key].CreateMultiPolygon([.. entry.Value]));
        }

        return result;
    }
}
