namespace Scaneo.ActiveLearning.Areas;

/// <summary>
/// Mean of the valid (non-NaN) values in the (2r + 1)² window around each pixel, clipped at the raster's edges, in
/// two separable running-sum passes: O(pixels) whatever the radius. Nodata pixels stay NaN.
/// </summary>
/// <remarks>
/// Thresholding the smoothed map turns speckle — single uncertain pixels scattered over an image — into the
/// coherent zones a labeller can act on, while an isolated pixel of high uncertainty no longer makes an area.
/// </remarks>
internal static class BoxMean
{
    public static float[] Apply(ReadOnlySpan<float> map, int width, int height, int radius)
    {
        // Row pass: window sums and counts of valid values, in double so long windows do not drift.
        var rowSum = new double[map.Length];
        var rowCount = new int[map.Length];
        for (int r = 0; r < height; r++)
        {
            int o = r * width;
            double sum = 0;
            int count = 0;
            for (int c = 0; c < Math.Min(radius, width); c++)
            {
                Add(map[o + c], ref sum, ref count, 1);
            }

            for (int c = 0; c < width; c++)
            {
                if (c + radius < width)
                {
                    Add(map[o + c + radius], ref sum, ref count, 1);
                }

                if (c - radius - 1 >= 0)
                {
                    Add(map[o + c - radius - 1], ref sum, ref count, -1);
                }

                rowSum[o + c] = sum;
                rowCount[o + c] = count;
            }
        }

        // Column pass over the row windows.
        var result = new float[map.Length];
        var sums = new double[width];
        var counts = new int[width];
        for (int r = 0; r < Math.Min(radius, height); r++)
        {
            Accumulate(rowSum, rowCount, r * width, sums, counts, 1);
        }

        for (int r = 0; r < height; r++)
        {
            if (r + radius < height)
            {
                Accumulate(rowSum, rowCount, (r + radius) * width, sums, counts, 1);
            }

            if (r - radius - 1 >= 0)
            {
                Accumulate(rowSum, rowCount, (r - radius - 1) * width, sums, counts, -1);
            }

            int o = r * width;
            for (int c = 0; c < width; c++)
            {
                result[o + c] = float.IsNaN(map[o + c]) || counts[c] == 0 ? float.NaN : (float)(sums[c] / counts[c]);
            }
        }

        return result;
    }

    private static void Add(float value, ref double sum, ref int count, int sign)
    {
        if (!float.IsNaN(value))
        {
            sum += sign * value;
            count += sign;
        }
    }

    private static void Accumulate(double[] rowSum, int[] rowCount, int offset, double[] sums, int[] counts, int sign)
    {
        for (int c = 0; c < sums.Length; c++)
        {
            sums[c] += sign * rowSum[offset + c];
            counts[c] += sign * rowCount[offset + c];
        }
    }
}
