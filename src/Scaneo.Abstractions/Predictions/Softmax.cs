using System.Globalization;

namespace Scaneo.Predictions;

/// <summary>
/// Numerically stable softmax, <c>p_c = e^((z_c − max z) / T) / Σ e^((z_k − max z) / T)</c>: the one implementation the
/// inference steps, label mapping, active learning and the reference model share, so logits become the same
/// probabilities wherever a prediction goes.
/// </summary>
/// <remarks>
/// Subtracting the maximum keeps every exponent ≤ 0, so no term overflows whatever the logits' scale. A NaN logit
/// makes every probability of its row NaN (IEEE propagation; callers that must reject such rows validate first),
/// and a row of ±∞ is not a distribution either — validate finiteness where the input comes from outside.
/// <see cref="Compute(ReadOnlySpan{double}, Span{double}, double)"/> is exactly permutation-equivariant (the
/// exponentials are summed in ascending order); <see cref="ComputePerPixel"/> sums in band order, for speed.
/// </remarks>
public static class Softmax
{
    /// <summary>Writes <c>softmax(logits / temperature)</c> to <paramref name="probabilities"/>.</summary>
    /// <param name="logits">One row of logits.</param>
    /// <param name="probabilities">Destination of the same length (may be the same memory as <paramref name="logits"/>).</param>
    /// <param name="temperature">Positive finite temperature; 1 by default (above 1 flattens, below 1 sharpens).</param>
    /// <exception cref="ArgumentException">The destination's length differs from the logits'.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is not a positive finite number.</exception>
    public static void Compute(ReadOnlySpan<double> logits, Span<double> probabilities, double temperature = 1)
    {
        RequireTemperature(temperature);
        if (probabilities.Length != logits.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected a destination of {logits.Length} values (one per logit); found {probabilities.Length}."),
                nameof(probabilities));
        }

        double max = double.NegativeInfinity;
        foreach (double z in logits)
        {
            max = Math.Max(max, z);
        }

        for (int c = 0; c < logits.Length; c++)
        {
            probabilities[c] = Math.Exp((logits[c] - max) / temperature);
        }

        // Summed smallest first, a canonical order: permuting the logits permutes the probabilities bit for bit
        // (label mapping relies on it), and small terms are not lost against the large ones.
        Span<double> sorted = probabilities.Length <= 256 ? stackalloc double[probabilities.Length] : new double[probabilities.Length];
        probabilities.CopyTo(sorted);
        sorted.Sort();
        double sum = 0;
        foreach (double e in sorted)
        {
            sum += e;
        }

        for (int c = 0; c < probabilities.Length; c++)
        {
            probabilities[c] /= sum;
        }
    }

    /// <summary>Returns <c>softmax(logits / temperature)</c> as a new array.</summary>
    /// <param name="logits">One row of logits.</param>
    /// <param name="temperature">Positive finite temperature; 1 by default.</param>
    /// <returns>The probabilities (empty for no logits).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The temperature is not a positive finite number.</exception>
    public static double[] Compute(ReadOnlySpan<double> logits, double temperature = 1)
    {
        double[] p = new double[logits.Length];
        Compute(logits, p, temperature);
        return p;
    }

    /// <summary>
    /// Softmax across the bands of every pixel of a band-sequential score raster (band = class), in float with the
    /// exponentials summed in double.
    /// </summary>
    /// <param name="bands">The scores, band after band: <c>bands[c × pixelCount + i]</c> is class c of pixel i.</param>
    /// <param name="pixelCount">Pixels per band (width × height).</param>
    /// <param name="probabilities">Destination laid out like <paramref name="bands"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative pixel count.</exception>
    /// <exception cref="ArgumentException">The lengths are not a whole number of bands of <paramref name="pixelCount"/> pixels, or differ.</exception>
    public static void ComputePerPixel(ReadOnlySpan<float> bands, int pixelCount, Span<float> probabilities)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pixelCount);
        if (probabilities.Length != bands.Length || (pixelCount == 0 ? bands.Length != 0 : bands.Length % pixelCount != 0))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected scores and destination of the same whole number of bands of {pixelCount} pixels; found {bands.Length} and {probabilities.Length} values."),
                nameof(probabilities));
        }

        int classes = pixelCount == 0 ? 0 : bands.Length / pixelCount;
        for (int i = 0; i < pixelCount; i++)
        {
            float max = float.NegativeInfinity;
            for (int c = 0; c < classes; c++)
            {
                max = Math.Max(max, bands[(c * pixelCount) + i]);
            }

            double sum = 0;
            for (int c = 0; c < classes; c++)
            {
                double e = Math.Exp(bands[(c * pixelCount) + i] - max);
                probabilities[(c * pixelCount) + i] = (float)e;
                sum += e;
            }

            for (int c = 0; c < classes; c++)
            {
                probabilities[(c * pixelCount) + i] = (float)(probabilities[(c * pixelCount) + i] / sum);
            }
        }
    }

    private static void RequireTemperature(double temperature)
    {
        if (!double.IsFinite(temperature) || temperature <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "Expected a positive finite softmax temperature.");
        }
    }
}
