using System.Globalization;
using Scaneo.Rasters;

namespace Scaneo.ReferenceModel.Model;

/// <summary>
/// The SAM "model": grows a 4-connected region from the prompt points over pixels whose spectrum is close to the
/// mean spectrum of the points. Closeness is the root-mean-square over bands of the difference in units of each
/// band's standard deviation over the image, so bands of any range weigh the same.
/// </summary>
internal static class RegionGrower
{
    public static bool[] Grow(Raster image, IReadOnlyList<(double Column, double Row)> points, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            throw new ScaneoValidationException("points", "[]", "must hold at least one [col, row] point.");
        }

        int width = image.Width, height = image.Height, n = width * height, bands = image.BandCount;
        var seeds = new int[points.Count];
        for (int i = 0; i < points.Count; i++)
        {
            var (column, row) = points[i];
            if (!double.IsFinite(column) || !double.IsFinite(row) || column < 0 || row < 0 || column >= width || row >= height)
            {
                throw new ScaneoValidationException(
                    $"points[{i}]",
                    string.Create(CultureInfo.InvariantCulture, $"[{column}, {row}]"),
                    $"must be a [col, row] pixel position inside the {width} × {height} image.");
            }

            seeds[i] = ((int)row * width) + (int)column;
        }

        var samples = new float[bands][];
        var scale = new double[bands];
        var seedMean = new double[bands];
        for (int b = 0; b < bands; b++)
        {
            float[] band = BandSamples.ToSingle(image, b);
            samples[b] = band;
            double mean = 0, m2 = 0;
            for (int i = 0; i < n; i++)
            {
                // Welford: stable for large uint16 bands.
                double delta = band[i] - mean;
                mean += delta / (i + 1);
                m2 += delta * (band[i] - mean);
            }

            double std = Math.Sqrt(m2 / n);
            scale[b] = 1 / Math.Max(std, 1e-9);
            foreach (int s in seeds)
            {
                seedMean[b] += band[s];
            }

            seedMean[b] /= seeds.Length;
        }

        double limit = tolerance * tolerance * bands;
        var region = new bool[n];
        var queue = new int[n];
        int head = 0, tail = 0;
        foreach (int s in seeds)
        {
            // The points themselves always belong to the region: the user clicked there.
            if (!region[s])
            {
                region[s] = true;
                queue[tail++] = s;
            }
        }

        while (head < tail)
        {
            int p = queue[head++];
            int y = p / width, x = p - (y * width);
            TryAdd(x - 1, y);
            TryAdd(x + 1, y);
            TryAdd(x, y - 1);
            TryAdd(x, y + 1);
        }

        return region;

        void TryAdd(int x, int y)
        {
            if ((uint)x >= (uint)width || (uint)y >= (uint)height)
            {
                return;
            }

            int q = (y * width) + x;
            if (region[q])
            {
                return;
            }

            double d2 = 0;
            for (int b = 0; b < bands; b++)
            {
                double d = (samples[b][q] - seedMean[b]) * scale[b];
                d2 += d * d;
            }

            if (d2 <= limit)
            {
                region[q] = true;
                queue[tail++] = q;
            }
        }
    }
}
