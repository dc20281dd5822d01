using System.Numerics;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// The parallel mode of the scanline engine (4-connected): one engine per strip of rows builds the components lying
/// within its strip, and one per seam builds the components crossing it, from a window of rows around the seam that
/// grows until it holds each of them whole. Every region is built once, with the rings a whole-band engine gives it;
/// the parts merge by first pixel into the whole-band order, so the output is the same, byte for byte. Each engine
/// holds two rows of runs and its open components, so the memory bound of the sequential engine holds.
/// </summary>
internal static class ScanlineStrips
{
    /// <summary>
    /// The rows above and below a seam in its first window, by default: components on per-pixel noise span a few rows,
    /// so one window of 64 rows usually holds every component crossing the seam. A taller one is tried when one does not fit.
    /// </summary>
    public const int DefaultWindowRows = 32;

    private const int WindowGrowth = 4;

    /// <summary>
    /// Polygonizes the strips starting at <paramref name="stripStart"/> (then the height) and their seams on up to
    /// <paramref name="degree"/> threads, and appends the regions to <paramref name="output"/> in first-pixel order.
    /// </summary>
    /// <param name="newEngine">Makes a fresh whole-band engine, to be restricted to a strip or a window.</param>
    /// <param name="stripStart">The first row of each strip, then the band's height.</param>
    /// <param name="degree">The most threads to use.</param>
    /// <param name="output">Receives the regions.</param>
    /// <param name="windowRows">The rows above and below a seam in its first window.</param>
    /// <param name="cancellationToken">Cancels the work between rows.</param>
    public static void Run<T>(Func<ScanlineEngine<T>> newEngine, int[] stripStart, int degree, List<PolygonizedRegion> output, int windowRows, CancellationToken cancellationToken)
        where T : unmanaged, IBinaryInteger<T>
    {
        int strips = stripStart.Length - 1;
        int height = stripStart[strips];
        int[] seams = stripStart[1..^1];
        var stripParts = new RegionPart?[strips];
        var windowParts = new RegionPart?[strips];
        try
        {
            ParallelStrips.Run(strips, degree, cancellationToken, i =>
            {
                // The window of the seam above strip i, then the strip: a thread per strip, the windows being short.
                if (i > 0)
                {
                    windowParts[i - 1] = RunWindow(newEngine, seams, i - 1, height, windowRows, cancellationToken);
                }

                int rows = stripStart[i + 1] - stripStart[i];
                var part = stripParts[i] = new RegionPart((int)Math.Min((long)output.Capacity * rows / height, Array.MaxLength - 16) + 16);
                ScanlineEngine<T> engine = newEngine();
                engine.Restrict(stripStart[i], stripStart[i + 1], ScanlineScope.Strip, 0, null, part);
                Drive(engine, cancellationToken);
            });

            for (int i = 0; i < strips; i++)
            {
                Merge(stripParts[i]!, windowParts[i], output);
            }
        }
        finally
        {
            foreach (RegionPart? part in stripParts.Concat(windowParts))
            {
                part?.Return();
            }
        }
    }

    /// <summary>
    /// Builds the components crossing seam <paramref name="index"/> and no seam above it, in windows of growing height
    /// until one holds them all. They lie below the seam above, so their first pixels are in the strip above the seam.
    /// </summary>
    private static RegionPart RunWindow<T>(Func<ScanlineEngine<T>> newEngine, int[] seams, int index, int height, int windowRows, CancellationToken cancellationToken)
        where T : unmanaged, IBinaryInteger<T>
    {
        int seam = seams[index];
        var part = new RegionPart(16);
        for (long half = windowRows; ; half *= WindowGrowth)
        {
            // The whole band holds every component, so the loop ends there at the latest.
            int first = (int)Math.Max(0, seam - half);
            int end = (int)Math.Min(height, seam + half);
            ScanlineEngine<T> engine = newEngine();
            engine.Restrict(first, end, ScanlineScope.SeamWindow, seam, seams, part);
            Drive(engine, cancellationToken);
            if (!engine.Overflowed)
            {
                return part;
            }

            part.Clear();
        }
    }

    private static void Drive<T>(ScanlineEngine<T> engine, CancellationToken cancellationToken)
        where T : unmanaged, IBinaryInteger<T>
    {
        // A window that overflowed is dropped: no need to finish it.
        while (!engine.Done && !engine.Overflowed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            engine.StepPart();
        }
    }

    /// <summary>Appends a strip's regions and those of the window of the seam below it to <paramref name="output"/>, in the order of their first pixels (each part is in that order already).</summary>
    private static void Merge(RegionPart strip, RegionPart? window, List<PolygonizedRegion> output)
    {
        int s = 0;
        int w = 0;
        int windowCount = window?.Count ?? 0;
        while (s < strip.Count || w < windowCount)
        {
            if (w == windowCount || (s < strip.Count && strip.Key(s) < window!.Key(w)))
            {
                output.Add(strip[s++]);
            }
            else
            {
                output.Add(window![w++]);
            }
        }
    }
}
