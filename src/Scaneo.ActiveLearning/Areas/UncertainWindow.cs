namespace Scaneo.ActiveLearning.Areas;

/// <summary>A window of an uncertainty map proposed for labelling, with its pixel extent, mean score and centre.</summary>
public sealed class UncertainWindow
{
    internal UncertainWindow(int column, int row, int width, int height, double meanScore, double validFraction, double centerX, double centerY)
    {
        Column = column;
        Row = row;
        Width = width;
        Height = height;
        MeanScore = meanScore;
        ValidFraction = validFraction;
        CenterX = centerX;
        CenterY = centerY;
    }

    /// <summary>Gets the left column.</summary>
    public int Column { get; }

    /// <summary>Gets the top row.</summary>
    public int Row { get; }

    /// <summary>Gets the width in pixels.</summary>
    public int Width { get; }

    /// <summary>Gets the height in pixels.</summary>
    public int Height { get; }

    /// <summary>Gets the mean uncertainty of the window's valid pixels.</summary>
    public double MeanScore { get; }

    /// <summary>Gets the fraction of the window's pixels that are valid (not NaN).</summary>
    public double ValidFraction { get; }

    /// <summary>Gets the X of the window centre in map coordinates (pixel coordinates without a geotransform).</summary>
    public double CenterX { get; }

    /// <summary>Gets the Y of the window centre in map coordinates (pixel coordinates without a geotransform).</summary>
    public double CenterY { get; }

    /// <summary>Returns the intersection over union with another window.</summary>
    /// <param name="other">The other window.</param>
    /// <returns>IoU in [0, 1].</returns>
    public double IntersectionOverUnion(UncertainWindow other)
    {
        ArgumentNullException.ThrowIfNull(other);
        long w = Math.Min(Column + Width, other.Column + other.Width) - Math.Max(Column, other.Column);
        long h = Math.Min(Row + Height, other.Row + other.Height) - Math.Max(Row, other.Row);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }

        double inter = (double)w * h;
        return inter / (((double)Width * Height) + ((double)other.Width * other.Height) - inter);
    }
}
