using System.Globalization;

namespace Scaneo.Rasters;

/// <summary>A rectangle of pixels to read: the top-left column and row and the size.</summary>
/// <param name="Column">Left column, 0-based.</param>
/// <param name="Row">Top row, 0-based.</param>
/// <param name="Width">Width in pixels (positive).</param>
/// <param name="Height">Height in pixels (positive).</param>
public sealed record RasterWindow(int Column, int Row, int Width, int Height)
{
    /// <summary>Throws unless the window is non-empty and lies inside a raster of the given size.</summary>
    /// <param name="rasterWidth">Raster width.</param>
    /// <param name="rasterHeight">Raster height.</param>
    /// <exception cref="ScaneoValidationException">The window is empty or leaves the raster.</exception>
    public void Validate(int rasterWidth, int rasterHeight)
    {
        if (Column < 0 || Row < 0 || Width <= 0 || Height <= 0 ||
            (long)Column + Width > rasterWidth || (long)Row + Height > rasterHeight)
        {
            throw new ScaneoValidationException(
                "RasterReadOptions.Window",
                ToString(),
                string.Create(CultureInfo.InvariantCulture, $"must be non-empty and lie inside the {rasterWidth} × {rasterHeight} raster."));
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"column {Column}, row {Row}, {Width} × {Height}");
}
