using NetTopologySuite.Geometries;

namespace Scaneo.ActiveLearning.Areas;

/// <summary>One connected area of uncertain pixels, as a polygon, with the statistics of its pixels.</summary>
public sealed class UncertainRegion
{
    internal UncertainRegion(Geometry geometry, long pixelCount, double meanScore, double maxScore, int firstRow, int firstColumn)
    {
        Geometry = geometry;
        PixelCount = pixelCount;
        MeanScore = meanScore;
        MaxScore = maxScore;
        FirstRow = firstRow;
        FirstColumn = firstColumn;
    }

    /// <summary>Gets the polygon in the map's CRS, or in the target CRS of the finder's map transform.</summary>
    public Geometry Geometry { get; }

    /// <summary>Gets the number of pixels.</summary>
    public long PixelCount { get; }

    /// <summary>Gets the mean uncertainty of the region's pixels.</summary>
    public double MeanScore { get; }

    /// <summary>Gets the largest uncertainty of the region's pixels.</summary>
    public double MaxScore { get; }

    /// <summary>Gets the row of the region's first pixel in row-major order.</summary>
    public int FirstRow { get; }

    /// <summary>Gets the column of the region's first pixel in row-major order.</summary>
    public int FirstColumn { get; }
}
