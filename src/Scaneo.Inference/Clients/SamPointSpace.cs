namespace Scaneo.Inference;

/// <summary>The coordinates SAM prompt points are given in.</summary>
public enum SamPointSpace
{
    /// <summary>Pixel coordinates of the image (column, row; fractional allowed).</summary>
    Pixel,

    /// <summary>Map coordinates in the image's CRS (X, Y), converted to pixels with its geotransform.</summary>
    Map,
}
