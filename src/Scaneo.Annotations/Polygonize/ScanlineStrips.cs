using System.Numerics;
using System.Runtime.InteropServices;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// The parallel mode of the scanline engine: one engine per strip of rows builds the regions lying within its strip,
/// and one per seam builds the regions crossing it, from a window of rows around the seam that grows until it holds
/// each of them whole. Every region is built once, with the rings a whole-band engine gives it. Each strip merges the
/// regions of the window below it in by first pixel and writes them straight into its place in the output list, so
/// the output is the sequential one, byte for byte. Each engine holds two rows of runs and its open components, and
/// nothing else holds a copy of the output, so the memory bound of the sequential engine holds.
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
    /// <param name="room">The room reserved in the output for each strip's regions (see <see cref="Rooms"/>).</param>
    /// <param name="stripStart">The first row of each strip, then the band's height.</param>
    /// <param name="degree">The most threads to use.</param>
    /// <param name="output">Receives the regions.</param>
    /// <param name="windowRows">The rows above and below a seam in its first window.</param>
    /// <param name="cancellationToken">Cancels the work between rows.</param>
    public static void Run<T>(Func<ScanlineEngine<T>> newEngine, int[] room, int[] stripStart, int degree, List<PolygonizedRegion> output, int windowRows, CancellationToken cancellationToken)
        where T : unmanaged, IBinaryInteger<T>
    {
        int strips = stripStart.Length - 1;
        int height = stripStart[strips];
        int[] seams = stripStart[1..^1];

        // Each strip writes its regions straight into its own place in the output list. A caller that sized the list
        // from the rooms has it allocated once.
        int first = output.Count;
        long reserved = first + TotalRoom(room);
        if (reserved > Array.MaxLength)
        {
            // Too many to reserve: every region goes to the overflow parts.
            room = new int[strips];
            reserved = first;
        }

        var offset = new int[strips];
        for (int i = 0, at = first; i < strips; at += room[i], i++)
        {
            offset[i] = at;
        }

        if (output.Capacity < reserved)
        {
            output.Capacity = (int)reserved;
        }

        CollectionsMarshal.SetCount(output, (int)reserved);
        var sinks = new StripSink?[strips];
        var windows = new RegionPart?[strips];
        try
        {
            ParallelStrips.Run(strips, degree, cancellationToken, i =>
            {
                // The window of the seam below strip i first: the strip merges its regions in as it goes.
                if (i < strips - 1)
                {
                    windows[i] = RunWindow(newEngine, seams, i, height, windowRows, cancellationToken);
                }

                var sink = sinks[i] = new StripSink(output, offset[i], room[i], windows[i]);
                ScanlineEngine<T> engine = newEngine();
                engine.Restrict(stripStart[i], stripStart[i + 1], ScanlineScope.Strip, 0, null, sink);
                Drive(engine, cancellationToken);
                sink.Finish();
            });

            Close(output, first, sinks!);
        }
        catch
        {
            CollectionsMarshal.SetCount(output, first);
            throw;
        }
        finally
        {
            foreach (StripSink? sink in sinks)
            {
                sink?.Overflow?.Return();
            }

            foreach (RegionPart? window in windows)
            {
                window?.Return();
            }
        }
    }

    /// <summary>
    /// The room to reserve in the output for each strip's regions: an estimate of the regions whose first pixel lies in
    /// its rows of <paramref name="band"/> (<see cref="ScanlineEngine{T}.EstimateRegions"/>), and a few more.
    /// </summary>
    public static int[] Rooms<T>(MaskBand<T> band, int[] stripStart)
        where T : unmanaged, IBinaryInteger<T>
    {
        var room = new int[stripStart.Length - 1];
        for (int i = 0; i < room.Length; i++)
        {
            int rows = stripStart[i + 1] - stripStart[i];
            int estimate = ScanlineEngine<T>.EstimateRegions(band.Rows(stripStart[i], stripStart[i + 1]), band.Width, rows);
            room[i] = (int)Math.Min((long)estimate + 16, Array.MaxLength);
        }

        return room;
    }

    /// <summary>The regions <paramref name="room"/> reserves for all the strips together.</summary>
    public static long TotalRoom(int[] room) => room.Sum(r => (long)r);

    /// <summary>Closes the gaps between the strips' places in <paramref name="output"/> (after index <paramref name="first"/>), with any overflow after its strip.</summary>
    private static void Close(List<PolygonizedRegion> output, int first, StripSink[] sinks)
    {
        int count = first;
        bool overflowed = false;
        foreach (StripSink sink in sinks)
        {
            count += sink.Count + (sink.Overflow?.Count ?? 0);
            overflowed |= sink.Overflow is not null;
        }

        if (!overflowed)
        {
            // Places come in strip order, each at or after where its regions go: moving them down never overwrites a
            // region not yet moved.
            Span<PolygonizedRegion> all = CollectionsMarshal.AsSpan(output);
            int at = first;
            foreach (StripSink sink in sinks)
            {
                all.Slice(sink.Offset, sink.Count).CopyTo(all[at..]);
                at += sink.Count;
            }

            // Shrinking clears the stale copies left beyond the count.
            CollectionsMarshal.SetCount(output, count);
            return;
        }

        // Rare (an estimate fell short): a strip's overflow would overwrite the next place, so the regions are copied out first.
        var ordered = new PolygonizedRegion[count - first];
        int n = 0;
        Span<PolygonizedRegion> places = CollectionsMarshal.AsSpan(output);
        foreach (StripSink sink in sinks)
        {
            places.Slice(sink.Offset, sink.Count).CopyTo(ordered.AsSpan(n));
            n += sink.Count;
            for (int j = 0; sink.Overflow is { } overflow && j < overflow.Count; j++)
            {
                ordered[n++] = overflow[j];
            }
        }

        CollectionsMarshal.SetCount(output, first);
        output.AddRange(ordered);
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
}
