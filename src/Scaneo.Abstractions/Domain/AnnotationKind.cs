namespace Scaneo;

/// <summary>What an annotation marks.</summary>
public enum AnnotationKind
{
    /// <summary>The whole image belongs to the label (no geometry).</summary>
    Classification,

    /// <summary>A detection box (Polygon of the box in EPSG:4326).</summary>
    Detection,

    /// <summary>A segmented area (Polygon or MultiPolygon in EPSG:4326).</summary>
    Segmentation,

    /// <summary>Points (Point or MultiPoint in EPSG:4326).</summary>
    Points,

    /// <summary>An area where a model is uncertain, proposed by active learning for labelling next.</summary>
    UncertaintyRegion,
}
