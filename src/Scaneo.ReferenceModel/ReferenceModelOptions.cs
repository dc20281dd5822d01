using System.Globalization;

namespace Scaneo.ReferenceModel;

/// <summary>
/// Configures the reference model: which bands play which spectral role, the index thresholds, the softness of the
/// scores, and the limits of the server. Start from <see cref="ForPreset"/> and adjust.
/// </summary>
/// <remarks>
/// The rules (see <c>docs/reference-model.md</c>): NDWI = (green − NIR)/(green + NIR) at or above
/// <see cref="WaterThreshold"/> → water; otherwise NDVI = (NIR − red)/(NIR + red) at or above
/// <see cref="VegetationThreshold"/> → vegetation; otherwise built-up. Scores are the softmax of the
/// threshold margins divided by <see cref="Temperature"/>, so pixels near a threshold get near-equal scores.
/// </remarks>
public sealed class ReferenceModelOptions
{
    /// <summary>Gets or sets the 0-based index of the blue band, or <see langword="null"/> when the images have none.
    /// The rules do not use it; it is validated against each image and reported by <c>GET /</c>.</summary>
    public int? BlueBand { get; set; }

    /// <summary>Gets or sets the 0-based index of the green band (NDWI).</summary>
    public int GreenBand { get; set; } = 1;

    /// <summary>Gets or sets the 0-based index of the red band (NDVI).</summary>
    public int RedBand { get; set; } = 2;

    /// <summary>Gets or sets the 0-based index of the near-infrared band (NDWI and NDVI).</summary>
    public int NirBand { get; set; } = 3;

    /// <summary>Gets or sets the 0-based index of the short-wave infrared band, or <see langword="null"/>.
    /// The rules do not use it; it is validated against each image and reported by <c>GET /</c>.</summary>
    public int? SwirBand { get; set; }

    /// <summary>Gets or sets the NDWI at or above which a pixel is water (index units, −1..1).</summary>
    public double WaterThreshold { get; set; } = 0.2;

    /// <summary>Gets or sets the NDVI at or above which a non-water pixel is vegetation (index units, −1..1).</summary>
    public double VegetationThreshold { get; set; } = 0.2;

    /// <summary>
    /// Gets or sets the softness of the scores in index units: a margin of one temperature to a threshold gives the
    /// winning class e ≈ 2.7 times the odds of the runner-up. Smaller = more confident scores.
    /// </summary>
    public double Temperature { get; set; } = 0.05;

    /// <summary>Gets or sets the smallest patch, in pixels, that detection reports as a box.</summary>
    public int MinPatchPixels { get; set; } = 16;

    /// <summary>Gets or sets the connectivity of detection patches.</summary>
    public PixelConnectivity DetectionConnectivity { get; set; } = PixelConnectivity.Eight;

    /// <summary>Gets or sets the largest number of boxes one detection reply holds (largest patches first).</summary>
    public int MaxDetections { get; set; } = 200;

    /// <summary>
    /// Gets or sets how far, in per-band standard deviations of the image (root-mean-square over bands), a pixel's
    /// spectrum may be from the mean spectrum of the SAM points and still join the grown region.
    /// </summary>
    public double SamTolerance { get; set; } = 1.0;

    /// <summary>Gets or sets the largest accepted upload (the <c>image</c> field), in bytes.</summary>
    public long MaxImageBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Gets or sets the largest accepted image, in pixels per band (checked from the header before decoding).</summary>
    public long MaxImagePixels { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Gets or sets a delay added before every task reply, to simulate a slow model in load tests and benchmarks
    /// (<c>scaneo serve-model --delay-ms</c>). Zero by default.
    /// </summary>
    public TimeSpan ResponseDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Returns the options of a preset. Landsat: green 1, red 2, NIR 3, blue 0, SWIR 4, thresholds NDWI 0.2 and
    /// NDVI 0.2 (tuned for top-of-atmosphere digital numbers, where haze lifts green over NIR on land).
    /// Sentinel-2 (13 bands): blue 1 (B2), green 2 (B3), red 3 (B4), NIR 7 (B8), SWIR 11 (B11), thresholds NDWI 0.0
    /// and NDVI 0.3 (the usual values on reflectances).
    /// </summary>
    /// <param name="preset">The preset.</param>
    /// <returns>A new, mutable options instance.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An unknown preset.</exception>
    public static ReferenceModelOptions ForPreset(ReferenceModelPreset preset) => preset switch
    {
        ReferenceModelPreset.Landsat => new ReferenceModelOptions
        {
            BlueBand = 0,
            GreenBand = 1,
            RedBand = 2,
            NirBand = 3,
            SwirBand = 4,
            WaterThreshold = 0.2,
            VegetationThreshold = 0.2,
        },
        ReferenceModelPreset.Sentinel2 => new ReferenceModelOptions
        {
            BlueBand = 1,
            GreenBand = 2,
            RedBand = 3,
            NirBand = 7,
            SwirBand = 11,
            WaterThreshold = 0.0,
            VegetationThreshold = 0.3,
        },
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Expected Landsat or Sentinel2."),
    };

    /// <summary>Gets the number of bands an image needs for the configured roles (highest role index + 1).</summary>
    public int RequiredBandCount =>
        Math.Max(Math.Max(GreenBand, RedBand), Math.Max(NirBand, Math.Max(BlueBand ?? 0, SwirBand ?? 0))) + 1;

    /// <summary>Checks every setting and returns a copy that later changes to this instance cannot affect.</summary>
    /// <returns>The validated copy.</returns>
    /// <exception cref="ScaneoValidationException">A setting breaks its rule; the message names it.</exception>
    public ReferenceModelOptions ValidatedCopy()
    {
        RequireBand(nameof(GreenBand), GreenBand);
        RequireBand(nameof(RedBand), RedBand);
        RequireBand(nameof(NirBand), NirBand);
        if (BlueBand is int blue)
        {
            RequireBand(nameof(BlueBand), blue);
        }

        if (SwirBand is int swir)
        {
            RequireBand(nameof(SwirBand), swir);
        }

        if (GreenBand == NirBand || RedBand == NirBand)
        {
            throw new ScaneoValidationException(
                "ReferenceModelOptions.NirBand",
                NirBand.ToString(CultureInfo.InvariantCulture),
                "must differ from GreenBand and RedBand, or the indexes are identically zero.");
        }

        RequireIndexRange(nameof(WaterThreshold), WaterThreshold);
        RequireIndexRange(nameof(VegetationThreshold), VegetationThreshold);
        if (!double.IsFinite(Temperature) || Temperature <= 0 || Temperature > 10)
        {
            throw Invalid(nameof(Temperature), Temperature, "must be a finite number in (0, 10] index units.");
        }

        if (MinPatchPixels < 1)
        {
            throw Invalid(nameof(MinPatchPixels), MinPatchPixels, "must be at least 1 pixel.");
        }

        if (DetectionConnectivity is not (PixelConnectivity.Four or PixelConnectivity.Eight))
        {
            throw new ScaneoValidationException("ReferenceModelOptions.DetectionConnectivity", DetectionConnectivity.ToString(), "must be Four or Eight.");
        }

        if (MaxDetections < 1)
        {
            throw Invalid(nameof(MaxDetections), MaxDetections, "must be at least 1.");
        }

        if (!double.IsFinite(SamTolerance) || SamTolerance <= 0)
        {
            throw Invalid(nameof(SamTolerance), SamTolerance, "must be a positive number of standard deviations.");
        }

        if (MaxImageBytes < 1024)
        {
            throw Invalid(nameof(MaxImageBytes), MaxImageBytes, "must be at least 1024 bytes.");
        }

        if (MaxImagePixels < 1)
        {
            throw Invalid(nameof(MaxImagePixels), MaxImagePixels, "must be at least 1 pixel.");
        }

        if (ResponseDelay < TimeSpan.Zero || ResponseDelay > TimeSpan.FromMinutes(10))
        {
            throw new ScaneoValidationException("ReferenceModelOptions.ResponseDelay", ResponseDelay.ToString(), "must be between zero and 10 minutes.");
        }

        return (ReferenceModelOptions)MemberwiseClone();
    }

    private static void RequireBand(string name, int index)
    {
        if (index is < 0 or > 4095)
        {
            throw Invalid(name, index, "must be a 0-based band index in [0, 4095].");
        }
    }

    private static void RequireIndexRange(string name, double value)
    {
        if (!double.IsFinite(value) || value <= -1 || value >= 1)
        {
            throw Invalid(name, value, "must be a normalised-difference index value strictly between −1 and 1.");
        }
    }

    private static ScaneoValidationException Invalid(string name, IFormattable value, string rule) =>
        new("ReferenceModelOptions." + name, value.ToString(null, CultureInfo.InvariantCulture), rule);
}
