using NetTopologySuite.Geometries;

namespace Scaneo.Annotations.Mapping;

/// <summary>All pixels of a segmentation mask that belong to one mapped label, as one MultiPolygon.</summary>
public sealed class MappedSegment
{
    internal MappedSegment(string label, IReadOnlyList<int> classValues, MultiPolygon geometry, long pixelCount, double? score)
    {
        Label = label;
        ClassValues = classValues;
        Geometry = geometry;
        PixelCount = pixelCount;
        Score = score;
    }

    /// <summary>Gets the campaign label.</summary>
    public string Label { get; }

    /// <summary>Gets the class values (mask values) that feed the label.</summary>
    public IReadOnlyList<int> ClassValues { get; }

    /// <summary>Gets the label's pixels as one MultiPolygon (map coordinates, or the target CRS when a transform was given).</summary>
    public MultiPolygon Geometry { get; }

    /// <summary>Gets the number of mask pixels of the label.</summary>
    public long PixelCount { get; }

    /// <summary>Gets the mean probability of the label over its pixels, when the reply carried class scores.</summary>
    public double? Score { get; }
}
