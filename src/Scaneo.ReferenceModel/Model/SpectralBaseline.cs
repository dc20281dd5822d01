using Scaneo.Rasters;

namespace Scaneo.ReferenceModel.Model;

/// <summary>Applies <see cref="SpectralRules"/> to every pixel of an image.</summary>
internal static class SpectralBaseline
{
    public static SpectralScores Score(Raster image, ReferenceModelOptions options)
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

        float[] green = BandSamples.ToSingle(image, options.GreenBand);
        float[] red = BandSamples.ToSingle(image, options.RedBand);
        float[] nir = BandSamples.ToSingle(image, options.NirBand);
        int n = green.Length;
        var probabilities = new float[checked(n * ReferenceClasses.Count)];
        var mask = new byte[n];
        double noData = image.NoData ?? double.NaN;
        bool hasNoData = image.NoData.HasValue && !double.IsNaN(noData);
        Span<double> p = stackalloc double[ReferenceClasses.Count];
        int valid = 0;
        for (int i = 0; i < n; i++)
        {
            float g = green[i], r = red[i], ir = nir[i];
            double ndwi = SpectralRules.Ndwi(g, ir);
            double ndvi = SpectralRules.Ndvi(ir, r);
            bool isNoData = hasNoData && (g == noData || r == noData || ir == noData);
            if (isNoData || !double.IsFinite(ndwi) || !double.IsFinite(ndvi))
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
}
