namespace Scaneo.ReferenceModel;

/// <summary>Band layouts the reference model knows out of the box (see <see cref="ReferenceModelOptions.ForPreset"/>).</summary>
public enum ReferenceModelPreset
{
    /// <summary>
    /// Landsat TM/ETM+ reflective bands as in the bundled sample <c>samples/data/L7_ETMs.tif</c>: bands 1..6 = blue,
    /// green, red, NIR, SWIR1, SWIR2 (0-based indexes 0..5), uint8 digital numbers.
    /// </summary>
    Landsat,

    /// <summary>
    /// Sentinel-2 L1C/L2A with all 13 bands in band-number order (B1, B2, B3, B4, B5, B6, B7, B8, B8A, B9, B10, B11,
    /// B12): blue = B2 (index 1), green = B3 (2), red = B4 (3), NIR = B8 (7), SWIR = B11 (11).
    /// </summary>
    Sentinel2,
}
