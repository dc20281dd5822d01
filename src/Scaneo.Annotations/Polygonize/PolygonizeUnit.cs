namespace Scaneo.Annotations.Polygonize;

/// <summary>The unit of a size given to the polygonizer (an area threshold or a simplification tolerance).</summary>
public enum PolygonizeUnit
{
    /// <summary>Pixels (areas in pixels, lengths in pixel widths).</summary>
    Pixels,

    /// <summary>Units of the raster's CRS after the geotransform (areas in map units², lengths in map units).</summary>
    MapUnits,
}
