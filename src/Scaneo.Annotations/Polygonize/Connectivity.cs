namespace Scaneo.Annotations.Polygonize;

/// <summary>Which neighbouring pixels of the same value belong to the same region.</summary>
public enum Connectivity
{
    /// <summary>Pixels sharing an edge (GDAL's default); regions touching only at a corner stay separate.</summary>
    Four = 4,

    /// <summary>Pixels sharing an edge or a corner; a region joined only through corners becomes a MultiPolygon.</summary>
    Eight = 8,
}
