using System.Globalization;
using Scaneo.Rasters;

namespace Scaneo.ActiveLearning.Areas;

/// <summary>
/// Proposes the windows (or their centres, as points) to label next: slides a window over an uncertainty map with
/// a stride, scores each by its mean valid uncertainty (summed-area tables: O(1) per window), then keeps the best
/// windows greedily while suppressing any that overlap a kept one by more than <see cref="MaxOverlap"/> —
/// spatial non-maximum suppression, as in sits' uncertainty sampling. Selecting windows beats whole scenes.
/// </summary>
public sealed class UncertainWindowProposer
{
    private int _windowSize = 256;
    private int _stride;
    private int _count = 10;
    private double _maxOverlap;
    private double _minValidFraction = 0.5;

    /// <summary>Gets or sets the window side in pixels (default 256; clipped to the map).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int WindowSize
    {
        get => _windowSize;
        set => _windowSize = Positive(value, nameof(WindowSize));
    }

    /// <summary>Gets or sets the stride in pixels (0, the default, = half the window).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int Stride
    {
        get => _stride;
        set => _stride = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Stride), value, "The stride must be ≥ 0 (0 = half the window).");
    }

    /// <summary>Gets or sets the number K of windows to propose (default 10).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Below 1.</exception>
    public int Count
    {
        get => _count;
        set => _count = Positive(value, nameof(Count));
    }

    /// <summary>Gets or sets the largest IoU a proposal may have with a better one (default 0: no overlap at all).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1).</exception>
    public double MaxOverlap
    {
        get => _maxOverlap;
        set => _maxOverlap = value is >= 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxOverlap), value, "The overlap must be in [0, 1).");
    }

    /// <summary>Gets or sets the smallest fraction of valid pixels a window needs (default 0.5).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside (0, 1].</exception>
    public double MinValidFraction
    {
        get => _minValidFraction;
        set => _minValidFraction = value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MinValidFraction), value, "The valid fraction must be in (0, 1].");
    }

    /// <summary>Proposes windows with default settings.</summary>
    /// <param name="map">One-band uncertainty map (NaN = nodata).</param>
    /// <param name="windowSize">Window side in pixels.</param>
    /// <param name="count">Number of windows.</param>
    /// <returns>Up to <paramref name="count"/> windows, most uncertain first.</returns>
    public static IReadOnlyList<UncertainWindow> Propose(RasterBuffer<float> map, int windowSize, int count) =>
        new UncertainWindowProposer { WindowSize = windowSize, Count = count }.Propose(map);

    /// <summary>Proposes windows.</summary>
    /// <param name="map">One-band uncertainty map (NaN = nodata).</param>
    /// <returns>Up to <see cref="Count"/> windows, most uncertain first (ties: top-most, then left-most).</returns>
    public IReadOnlyList<UncertainWindow> Propose(RasterBuffer<float> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        int w = map.Width;
        int h = map.Height;
        int ww = Math.Min(_windowSize, w);
        int wh = Math.Min(_windowSize, h);
        int stride = _stride > 0 ? _stride : Math.Max(1, _windowSize / 2);

        // Summed-area tables of values and of valid counts, (W+1) × (H+1), in double / int.
        double[] sum = new double[(w + 1) * (h + 1)];
        int[] valid = new int[(w + 1) * (h + 1)];
        ReadOnlySpan<float> u = map.GetBand(0);
        for (int r = 0; r < h; r++)
        {
            double rowSum = 0;
            int rowValid = 0;
            for (int c = 0; c < w; c++)
            {
                float v = u[(r * w) + c];
                if (!float.IsNaN(v))
                {
                    rowSum += v;
                    rowValid++;
                }

                int k = ((r + 1) * (w + 1)) + c + 1;
                sum[k] = sum[k - (w + 1)] + rowSum;
                valid[k] = valid[k - (w + 1)] + rowValid;
            }
        }

        var candidates = new List<(double Mean, double Valid, int Row, int Column)>();
        foreach (int r in Starts(h, wh, stride))
        {
            foreach (int c in Starts(w, ww, stride))
            {
                int n = Box(valid, w, r, c, wh, ww);
                double fraction = (double)n / ((long)ww * wh);
                if (n > 0 && fraction >= _minValidFraction)
                {
                    candidates.Add((Box(sum, w, r, c, wh, ww) / n, fraction, r, c));
                }
            }
        }

        candidates.Sort((a, b) =>
        {
            int k = b.Mean.CompareTo(a.Mean);
            return k != 0 ? k : a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column);
        });

        var kept = new List<UncertainWindow>(_count);
        foreach (var cand in candidates)
        {
            if (kept.Count == _count)
            {
                break;
            }

            var (x, y) = Center(map, cand.Column + (ww / 2.0), cand.Row + (wh / 2.0));
            var window = new UncertainWindow(cand.Column, cand.Row, ww, wh, cand.Mean, cand.Valid, x, y);
            if (kept.TrueForAll(k => k.IntersectionOverUnion(window) <= _maxOverlap))
            {
                kept.Add(window);
            }
        }

        return kept;
    }

    private static IEnumerable<int> Starts(int extent, int window, int stride)
    {
        int last = extent - window;
        for (int s = 0; s < last; s += stride)
        {
            yield return s;
        }

        // Always include the window flush with the far edge so the border is covered.
        yield return last;
    }

    private static double Box(double[] t, int w, int r, int c, int h, int ww)
    {
        int s = w + 1;
        return t[((r + h) * s) + c + ww] - t[(r * s) + c + ww] - t[((r + h) * s) + c] + t[(r * s) + c];
    }

    private static int Box(int[] t, int w, int r, int c, int h, int ww)
    {
        int s = w + 1;
        return t[((r + h) * s) + c + ww] - t[(r * s) + c + ww] - t[((r + h) * s) + c] + t[(r * s) + c];
    }

    private static (double X, double Y) Center(Raster map, double column, double row) =>
        map.GeoTransform is { } gt ? (gt.C + (column * gt.A) + (row * gt.B), gt.F + (column * gt.D) + (row * gt.E)) : (column, row);

    private static int Positive(int value, string name) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be at least 1."));
}
