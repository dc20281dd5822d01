using Scaneo.Predictions;

namespace Scaneo.ReferenceModel.Model;

/// <summary>
/// The pure per-pixel rules of the reference model. Kept apart from rasters so the rules can be tested (and
/// documented) as plain functions of three reflectances.
/// </summary>
internal static class SpectralRules
{
    /// <summary>NDWI (McFeeters 1996) = (green − NIR)/(green + NIR); NaN when the denominator is zero.</summary>
    public static double Ndwi(double green, double nir) => NormalizedDifference(green, nir);

    /// <summary>NDVI = (NIR − red)/(NIR + red); NaN when the denominator is zero.</summary>
    public static double Ndvi(double nir, double red) => NormalizedDifference(nir, red);

    /// <summary>
    /// The hard rule: water at or above the NDWI threshold, else vegetation at or above the NDVI threshold, else
    /// built-up. "At or above" because integer digital numbers hit the thresholds exactly (green = 1.5 × NIR gives
    /// NDWI = 0.2), where the scores tie; a first-maximum argmax then picks the lower class index, and so does this.
    /// </summary>
    public static int Classify(double ndwi, double ndvi, double waterThreshold, double vegetationThreshold) =>
        ndwi >= waterThreshold ? ReferenceClasses.Water
        : ndvi >= vegetationThreshold ? ReferenceClasses.Vegetation
        : ReferenceClasses.BuiltUp;

    /// <summary>
    /// The soft scores: a softmax over the logits (z_w, min(z_v, −z_w), 0), where z_w and z_v are the NDWI and NDVI
    /// margins to their thresholds divided by the temperature. Capping the vegetation logit by −z_w encodes the
    /// rule's precedence (water first), so the first-maximum argmax of the scores is exactly <see cref="Classify"/>,
    /// ties on the thresholds included; a margin near zero gives near-equal scores, hence high uncertainty.
    /// </summary>
    public static void Probabilities(double ndwi, double ndvi, double waterThreshold, double vegetationThreshold, double temperature, Span<double> probabilities)
    {
        double zWater = (ndwi - waterThreshold) / temperature;
        double zVegetation = Math.Min((ndvi - vegetationThreshold) / temperature, -zWater);
        const double ZBuiltUp = 0;

        Span<double> logits = stackalloc double[3];
        logits[ReferenceClasses.Water] = zWater;
        logits[ReferenceClasses.Vegetation] = zVegetation;
        logits[ReferenceClasses.BuiltUp] = ZBuiltUp;
        Softmax.Compute(logits, probabilities);
    }

    private static double NormalizedDifference(double a, double b)
    {
        double sum = a + b;
        return sum == 0 ? double.NaN : (a - b) / sum;
    }
}
