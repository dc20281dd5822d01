namespace Scaneo.ReferenceModel;

/// <summary>
/// The reference model's classes, in output order: every JSON score list, every per-class score vector, every
/// band of the score raster and every value of the class mask uses this order.
/// </summary>
public static class ReferenceClasses
{
    /// <summary>Class 0: open water (NDWI at or above its threshold).</summary>
    public const int Water = 0;

    /// <summary>Class 1: vegetation (not water, NDVI at or above its threshold).</summary>
    public const int Vegetation = 1;

    /// <summary>Class 2: built-up / bare / everything else.</summary>
    public const int BuiltUp = 2;

    /// <summary>The number of classes (3).</summary>
    public const int Count = 3;

    /// <summary>
    /// The value the class mask holds for pixels the model cannot classify (a role band equals the input's nodata,
    /// or both index denominators are zero); declared as the mask's nodata when such pixels exist.
    /// </summary>
    public const byte NoDataValue = 255;

    /// <summary>Gets the class names by index: <c>water</c>, <c>vegetation</c>, <c>built-up</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["water", "vegetation", "built-up"];
}
