using System.Globalization;

namespace Scaneo.Predictions;

/// <summary>An axis-aligned box in pixel coordinates of the image sent to the model (x right, y down, corners).</summary>
public readonly record struct PixelBox
{
    /// <summary>Initializes a box from its corners.</summary>
    /// <param name="minX">Left edge (column).</param>
    /// <param name="minY">Top edge (row).</param>
    /// <param name="maxX">Right edge; ≥ left.</param>
    /// <param name="maxY">Bottom edge; ≥ top.</param>
    /// <exception cref="ScaneoValidationException">A non-finite coordinate or inverted edges.</exception>
    public PixelBox(double minX, double minY, double maxX, double maxY)
    {
        if (!double.IsFinite(minX) || !double.IsFinite(minY) || !double.IsFinite(maxX) || !double.IsFinite(maxY) || maxX < minX || maxY < minY)
        {
            throw new ScaneoValidationException(
                "PixelBox",
                string.Create(CultureInfo.InvariantCulture, $"[{minX}, {minY}, {maxX}, {maxY}]"),
                "must have finite corners with minX ≤ maxX and minY ≤ maxY.");
        }

        MinX = minX;
        MinY = minY;
        MaxX = maxX;
        MaxY = maxY;
    }

    /// <summary>Gets the left edge.</summary>
    public double MinX { get; }

    /// <summary>Gets the top edge.</summary>
    public double MinY { get; }

    /// <summary>Gets the right edge.</summary>
    public double MaxX { get; }

    /// <summary>Gets the bottom edge.</summary>
    public double MaxY { get; }

    /// <summary>Gets the width in pixels.</summary>
    public double Width => MaxX - MinX;

    /// <summary>Gets the height in pixels.</summary>
    public double Height => MaxY - MinY;

    /// <summary>Gets the area in pixels².</summary>
    public double Area => Width * Height;

    /// <summary>Returns the intersection over union with another box (0 when disjoint or both empty).</summary>
    /// <param name="other">The other box.</param>
    /// <returns>IoU in [0, 1].</returns>
    public double IntersectionOverUnion(PixelBox other)
    {
        double w = Math.Min(MaxX, other.MaxX) - Math.Max(MinX, other.MinX);
        double h = Math.Min(MaxY, other.MaxY) - Math.Max(MinY, other.MinY);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }

        double inter = w * h;
        double union = Area + other.Area - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
