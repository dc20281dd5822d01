namespace Scaneo.Annotations.Exports;

/// <summary>How classification features (which have no geometry) are written in SCANEO GeoJSON.</summary>
public enum ScaneoClassificationGeometry
{
    /// <summary><c>"geometry": null</c>, valid RFC 7946 (default).</summary>
    Null,

    /// <summary><c>{"type": "Polygon", "coordinates": []}</c> as upstream SCANEO writes it, for old readers (not valid GeoJSON).</summary>
    EmptyPolygon,
}
