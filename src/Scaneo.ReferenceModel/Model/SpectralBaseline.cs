using Scaneo.Rasters;

namespace Scaneo.ReferenceModel.Model;

/// <summary>Applies <see cref="SpectralRules"/> to every pixel of an image.</summary>
internal static class SpectralBaseline
{
    /// <summary>Computes the class probabilities and the class mask of every pixel.</summary>
    public static SpectralScores Score(Raster image, ReferenceModelOptions options)
    {
        var (green, red, nir) = Bands(image, options);
        int n = green.Length;
        var probabilities = new float[checked(n * ReferenceClasses.Count)];
        var mask = new byte[n];
        var noData = NoDataTest.For(image);
        Span<double> p = stackalloc double[ReferenceClasses.Count];
        int valid = 0;
        for (int i = 0; i < n; i++)
        {
            float g = green[i], r = red[i], ir = nir[i];
            double ndwi = SpectralRules.Ndwi(g, ir);
            double ndvi = SpectralRules.Ndvi(ir, r);
            if (!IsValid(noData, g, r, ir, ndwi, ndvi))
            {
                mask[i] = ReferenceClasses.NoDataValue;
                for (int c = 0; c < ReferenceClasses.Count; c++)
                {
                    probabilities[(c * n) + i] = float.NaN;
                }

                continue;
            }

            valid++;
            mask[i] = (byte)SpectralRules.Classify(ndwi, ndvi, options.WaterThreshold, options.VegetationThreshold);
            SpectralRules.Probabilities(ndwi, ndvi, options.WaterThreshold, options.VegetationThreshold, options.Temperature, p);
            for (int c = 0; c < ReferenceClasses.Count; c++)
            {
                probabilities[(c * n) + i] = (float)p[c];
            }
        }

        return new SpectralScores(image.Width, image.Height, probabilities, mask, valid);
    }

    /// <summary>
    /// Computes only the class mask — the same per-pixel decision as <see cref="Score"/>, without the softmax (three
    /// exponentials per pixel) and the probability planes the mask route would throw away.
    /// </summary>
    /// <param name="image">The image.</param>
    /// <param name="options">The band roles and thresholds.</param>
    /// <param name="validCount">The number of valid (not nodata) pixels.</param>
    /// <returns>The class of each pixel, or <see cref="ReferenceClasses.NoDataValue"/> where it is not valid.</returns>
    public static byte[] Classify(Raster image, ReferenceModelOptions options, out int validCount)
    {
        var (green, red, nir) = Bands(image, options);
        var mask = new byte[green.Length];
        var noData = NoDataTest.For(image);
        double water = options.WaterThreshold, vegetation = options.VegetationThreshold;
        int valid = 0;
        for (int i = 0; i < mask.Length; i++)
        {
            float g = green[i], r = red[i], ir = nir[i];
            double ndwi = SpectralRules.Ndwi(g, ir);
            double ndvi = SpectralRules.Ndvi(ir, r);
            if (!IsValid(noData, g, r, ir, ndwi, ndvi))
            {
                mask[i] = ReferenceClasses.NoDataValue;
                continue;
            }

            valid++;
            mask[i] = (byte)SpectralRules.Classify(ndwi, ndvi, water, vegetation);
        }

        validCount = valid;
        return mask;
    }

    /// <summary>The classification reply: the mean class probabilities over the valid pixels.</summary>
    public static double[] MeanProbabilities(SpectralScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.ValidCount == 0)
        {
            throw new ScaneoValidationException(
                "image",
                $"{scores.Width} × {scores.Height} pixels, none valid",
                "must have at least one pixel that is not nodata and has non-zero green + NIR and NIR + red.");
        }

        var mean = new double[ReferenceClasses.Count];
        int n = scores.PixelCount;
        for (int c = 0; c < ReferenceClasses.Count; c++)
        {
            double sum = 0;
            ReadOnlySpan<float> plane = scores.Probabilities.AsSpan(c * n, n);
            for (int i = 0; i < plane.Length; i++)
            {
                if (scores.Mask[i] != ReferenceClasses.NoDataValue)
                {
                    sum += plane[i];
                }
            }

            mean[c] = sum / scores.ValidCount;
        }

        return mean;
    }

    private static (float[] Green, float[] Red, float[] Nir) Bands(Raster image, ReferenceModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        if (image.BandCount < options.RequiredBandCount)
        {
            throw new ScaneoValidationException(
                "image",
                $"{image.BandCount} band(s)",
                $"must have at least {options.RequiredBandCount} bands for the configured roles (green {options.GreenBand}, red {options.RedBand}, NIR {options.NirBand}, 0-based); a PNG/JPEG has only RGB — send a GeoTIFF with all bands.");
        }

        return (BandSamples.ToSingle(image, options.GreenBand), BandSamples.ToSingle(image, options.RedBand), BandSamples.ToSingle(image, options.NirBand));
    }

    /// <summary>A pixel is valid when no role band holds the nodata value and both indices are finite.</summary>
    private static bool IsValid(NoDataTest noData, float green, float red, float nir, double ndwi, double ndvi) =>
        !(noData.Enabled && (green == noData.Value || red == noData.Value || nir == noData.Value))
        && double.IsFinite(ndwi) && double.IsFinite(ndvi);

    private readonly record struct NoDataTest(bool Enabled, double Value)
    {
        public static NoDataTest For(Raster image) =>
            new(image.NoData is double value && !double.IsNaN(value), image.NoData ?? double.NaN);
    }
}
