using System.Globalization;
using Scaneo.Rasters;

namespace Scaneo.ActiveLearning.Maps;

/// <summary>Reduces uncertainty values (a map's pixels, an image's boxes) to one image score, skipping NaN (nodata).</summary>
public static class UncertaintyAggregator
{
    /// <summary>Aggregates a map raster (band 0; NaN pixels are nodata and excluded).</summary>
    /// <param name="map">The uncertainty map.</param>
    /// <param name="aggregation">The reduction.</param>
    /// <param name="predictedClasses">Predicted class per pixel, required by <see cref="ImageAggregateKind.ClassWeightedMean"/>.</param>
    /// <returns>The image score.</returns>
    /// <exception cref="UncertaintyInputException">No valid pixel, or a predicted class without a weight.</exception>
    public static double Aggregate(RasterBuffer<float> map, ImageAggregation aggregation, ReadOnlySpan<int> predictedClasses = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Aggregate(map.GetBand(0), aggregation, predictedClasses);
    }

    /// <summary>Aggregates values; NaN values are nodata and excluded.</summary>
    /// <param name="values">The values.</param>
    /// <param name="aggregation">The reduction.</param>
    /// <param name="predictedClasses">Predicted class per value, required by <see cref="ImageAggregateKind.ClassWeightedMean"/> (same length).</param>
    /// <returns>The image score.</returns>
    /// <exception cref="UncertaintyInputException">No valid value, or a predicted class without a weight.</exception>
    public static double Aggregate(ReadOnlySpan<float> values, ImageAggregation aggregation, ReadOnlySpan<int> predictedClasses = default)
    {
        ArgumentNullException.ThrowIfNull(aggregation);
        switch (aggregation.Kind)
        {
            case ImageAggregateKind.Mean:
            case ImageAggregateKind.Sum:
            case ImageAggregateKind.Max:
            {
                double sum = 0;
                double max = double.NegativeInfinity;
                long n = 0;
                foreach (float v in values)
                {
                    if (!float.IsNaN(v))
                    {
                        sum += v;
                        max = Math.Max(max, v);
                        n++;
                    }
                }

                RequireAny(n);
                return aggregation.Kind switch
                {
                    ImageAggregateKind.Mean => sum / n,
                    ImageAggregateKind.Sum => sum,
                    _ => max,
                };
            }

            case ImageAggregateKind.TopFractionMean:
                return TopFractionMean(values, aggregation.Fraction);

            default:
                return ClassWeightedMean(values, aggregation.ClassWeights!, predictedClasses);
        }
    }

    internal static double TopFractionMean(ReadOnlySpan<float> values, double fraction)
    {
        int n = 0;
        foreach (float v in values)
        {
            n += float.IsNaN(v) ? 0 : 1;
        }

        RequireAny(n);
        float[] valid = new float[n];
        int j = 0;
        foreach (float v in values)
        {
            if (!float.IsNaN(v))
            {
                valid[j++] = v;
            }
        }

        // ⌈q·N⌉ with a guard against 0.75·4 = 3.0000000000000004.
        int k = (int)Math.Clamp(Math.Ceiling((fraction * n) - 1e-9), 1, n);
        float threshold = Select(valid, n - k);
        double sum = 0;
        int above = 0;
        foreach (float v in valid)
        {
            if (v > threshold)
            {
                sum += v;
                above++;
            }
        }

        // Ties at the threshold fill the remaining places.
        sum += (double)(k - above) * threshold;
        return sum / k;
    }

    /// <summary>Returns the value that would be at <paramref name="rank"/> (0-based, ascending) after sorting; O(N) average.</summary>
    internal static float Select(float[] a, int rank)
    {
        int lo = 0;
        int hi = a.Length - 1;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) / 2);
            float pivot = MedianOfThree(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (rank <= j)
            {
                hi = j;
            }
            else if (rank >= i)
            {
                lo = i;
            }
            else
            {
                return a[rank];
            }
        }

        return a[rank];
    }

    private static float MedianOfThree(float a, float b, float c) =>
        Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));

    private static double ClassWeightedMean(ReadOnlySpan<float> values, IReadOnlyList<double> weights, ReadOnlySpan<int> classes)
    {
        if (classes.Length != values.Length)
        {
            throw new UncertaintyInputException(string.Create(
                CultureInfo.InvariantCulture,
                $"predicted classes: expected one per value ({values.Length}) for a class-weighted mean, found {classes.Length}."));
        }

        double num = 0;
        double den = 0;
        long n = 0;
        for (int i = 0; i < values.Length; i++)
        {
            float v = values[i];
            if (float.IsNaN(v))
            {
                continue;
            }

            int k = classes[i];
            if ((uint)k >= (uint)weights.Count)
            {
                throw new UncertaintyInputException(
                    string.Create(CultureInfo.InvariantCulture, $"value {i}: predicted class {k} has no weight (weights are given for {weights.Count} classes)."),
                    i,
                    k);
            }

            num += weights[k] * v;
            den += weights[k];
            n++;
        }

        RequireAny(n);

        // Every valid pixel predicted a zero-weight class: nothing of interest, score 0.
        return den > 0 ? num / den : 0;
    }

    private static void RequireAny(long n)
    {
        if (n == 0)
        {
            throw new UncertaintyInputException("values: expected at least one valid (non-nodata) value to aggregate, found none.");
        }
    }
}
