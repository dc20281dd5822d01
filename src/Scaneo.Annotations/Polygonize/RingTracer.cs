using System.Numerics;
using System.Runtime.CompilerServices;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// Traces one ring of a 4-connected component along pixel edges, keeping the component on the left (in pixel
/// coordinates: x = column, y = row), and records only the corners where the boundary turns. Exteriors come out
/// with a positive shoelace area in pixel coordinates, holes negative.
/// </summary>
/// <remarks>
/// <para>
/// At a corner where the component holds two diagonal pixels and not the other two, the ring crosses to the
/// diagonal pixel when both belong to the same component (so the enclosed wedge becomes its own hole ring that
/// touches the shell at one point, as GDAL and OGC validity want) and turns back otherwise (two components
/// touching at a corner keep separate rings). Rings are therefore simple: no vertex is visited twice.
/// </para>
/// <para>
/// A tracer serves one horizontal strip of rows [<c>firstRow</c>, <c>endRow</c>): it marks eastward segment
/// starts only in its own rows (its own bitmap, so strips never share a word), and gives up on a ring that has an
/// eastward segment above the strip, because such a ring starts in an earlier strip, which traces it.
/// </para>
/// </remarks>
internal sealed class RingTracer<T>
    where T : unmanaged, IBinaryInteger<T>
{
    /// <summary>Returned by <see cref="Trace"/> for a ring that belongs to an earlier strip.</summary>
    public const int NotOwned = -1;

    // Next heading per (heading, ahead-left pixel in, ahead-right pixel in), 4 marking a diagonal pinch that only
    // the labels can resolve. Tables instead of switches on the heading, whose branches are unpredictable on noise.
    private static readonly byte[] NextHeading = BuildNextHeading();

    // Per heading: the ahead-left and ahead-right pixels relative to the corner (x, y), whose south-east pixel is
    // (x, y), and the step. East: SE, NE; south: SW, SE; west: NW, SW; north: NE, NW.
    private static readonly int[] AheadLeftX = [0, -1, -1, 0];
    private static readonly int[] AheadLeftY = [0, 0, -1, -1];
    private static readonly int[] AheadRightX = [0, 0, -1, -1];
    private static readonly int[] AheadRightY = [-1, 0, 0, -1];
    private static readonly int[] StepX = [1, 0, -1, 0];
    private static readonly int[] StepY = [0, 1, 0, -1];

    private readonly MaskBand<T> _band;
    private readonly int _firstRow;
    private readonly int _endRow;
    private readonly RunTable? _runs;
    private readonly IPinchOracle? _pinches;

    // Per row, the run last found by a label query: queries along a ring are spatially close, so a short walk
    // from there usually finds the run without a binary search over the row. Rented: one entry per row of the band.
    private int[] _cursor;
    private int[] _vertices = new int[256];

    public RingTracer(MaskBand<T> band, RunTable runs, int firstRow, int endRow)
        : this(band)
    {
        _runs = runs;
        _firstRow = firstRow;
        _endRow = endRow;
        _cursor = PooledArray.Rent<int>(runs.Height, clear: false);
        for (int r = 0; r < runs.Height; r++)
        {
            _cursor[r] = runs.RowOffset[r];
        }
    }

    /// <summary>
    /// Initializes a tracer for a caller without a run table (the scanline engine): the whole band is one strip that
    /// marks nothing, and diagonal pinches are decided by <paramref name="pinches"/>.
    /// </summary>
    public RingTracer(MaskBand<T> band, IPinchOracle pinches)
        : this(band)
    {
        _pinches = pinches;
    }

    private RingTracer(MaskBand<T> band)
    {
        _band = band;
        _cursor = [];
    }

    /// <summary>Decides the diagonal pinches of rings traced without labels.</summary>
    public interface IPinchOracle
    {
        /// <summary>
        /// Whether the ring's two pixels of a pinch at corner (<paramref name="x"/>, <paramref name="y"/>) belong to the
        /// same component, for a ring heading <paramref name="heading"/> (0 east, 1 south, 2 west, 3 north): south and
        /// north meet the NW–SE diagonal, east and west the NE–SW one.
        /// </summary>
        bool SameComponentAt(int x, int y, int heading);
    }

    /// <summary>Returns the rented cursors; the tracer cannot trace afterwards.</summary>
    public void Release() => PooledArray.Return(ref _cursor);

    /// <summary>Gets the traced corners as (x, y) pairs; valid up to the count returned by <see cref="Trace"/>.</summary>
    public int[] Vertices => _vertices;

    /// <summary>
    /// Traces the ring whose eastward segment starts at the top-left corner of pixel (<paramref name="column"/>,
    /// <paramref name="row"/>), marking each eastward segment start of the strip's rows in <paramref name="visited"/>
    /// (bit (row − first row) × width + column).
    /// </summary>
    /// <returns>
    /// The number of corners, or <see cref="NotOwned"/> when the ring has an eastward segment above the strip (found
    /// by reaching it or a segment marked by an earlier, given-up trace of the same ring); the
    /// twice-signed pixel area is in <paramref name="doubleArea"/>.
    /// </returns>
    public int Trace(int row, int column, T value, int label, ulong[] visited, out long doubleArea)
    {
        int sx = column;
        int sy = row;
        int x = sx + 1;
        int y = sy;
        int d = 0;
        int n = 0;
        int[] v = _vertices;
        v[n++] = sx;
        v[n++] = sy;
        long area2 = 0;
        int px = sx;
        int py = sy;
        int width = _band.Width;
        int firstRow = _firstRow;
        int endRow = _endRow;
        byte[] next = NextHeading;
        if (sy < endRow)
        {
            Mark(visited, sy, sx);
        }

        int[] alx = AheadLeftX, aly = AheadLeftY, arx = AheadRightX, ary = AheadRightY, stepX = StepX, stepY = StepY;
        while (x != sx || y != sy)
        {
            int dd = d & 3;
            int m = (Is(x + alx[dd], y + aly[dd], value) << 1) | Is(x + arx[dd], y + ary[dd], value);
            int nd = next[(dd << 2) | m];
            if (nd > 3)
            {
                nd = SameComponentAcross(x, y, d, label) ? (d + 3) & 3 : (d + 1) & 3;
            }

            if (nd != d)
            {
                if (n + 2 > v.Length)
                {
                    Array.Resize(ref _vertices, v.Length * 2);
                    v = _vertices;
                }

                v[n++] = x;
                v[n++] = y;
                area2 += ((long)px * y) - ((long)x * py);
                px = x;
                py = y;
                d = nd;
                if (d == 0)
                {
                    if (y < firstRow)
                    {
                        doubleArea = 0;
                        return NotOwned;
                    }

                    if (y < endRow)
                    {
                        // An eastward segment already marked can only come from an earlier trace of this same ring
                        // that was given up (an owned ring would have marked the start too), so this ring starts
                        // above the strip: stop here rather than walk the rest of it again.
                        long index = ((long)(y - firstRow) * width) + x;
                        ulong bit = 1UL << (int)(index & 63);
                        ref ulong word = ref visited[index >> 6];
                        if ((word & bit) != 0)
                        {
                            doubleArea = 0;
                            return NotOwned;
                        }

                        word |= bit;
                    }
                }
            }

            x += stepX[d & 3];
            y += stepY[d & 3];
        }

        area2 += ((long)px * sy) - ((long)sx * py);
        doubleArea = area2;
        return n >> 1;
    }

    /// <summary>Whether the eastward segment starting at pixel (<paramref name="column"/>, <paramref name="row"/>) of the strip was traced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsVisited(ulong[] visited, int row, int column)
    {
        long index = ((long)(row - _firstRow) * _band.Width) + column;
        return (visited[index >> 6] & (1UL << (int)(index & 63))) != 0;
    }

    private static byte[] BuildNextHeading()
    {
        var table = new byte[16];
        for (int d = 0; d < 4; d++)
        {
            for (int m = 0; m < 4; m++)
            {
                bool al = (m & 2) != 0;
                bool ar = (m & 1) != 0;
                int nd = al ? (ar ? (d + 3) & 3 : d) : (ar ? 4 : (d + 1) & 3);
                table[(d << 2) | m] = (byte)nd;
            }
        }

        return table;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Mark(ulong[] visited, int row, int column)
    {
        long index = ((long)(row - _firstRow) * _band.Width) + column;
        visited[index >> 6] |= 1UL << (int)(index & 63);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Is(int column, int row, T value) => _band.Holds(column, row, value) ? 1 : 0;

    /// <summary>At a diagonal pinch, whether the behind-left and ahead-right pixels are the same component.</summary>
    private bool SameComponentAcross(int x, int y, int d, int label)
    {
        if (_pinches is not null)
        {
            return _pinches.SameComponentAt(x, y, d & 3);
        }

        // Ahead-right pixel of each heading (the behind-left one is the current component by construction).
        (int c, int r) = d switch
        {
            0 => (x, y - 1),
            1 => (x, y),
            2 => (x - 1, y),
            _ => (x - 1, y - 1),
        };
        RunTable runs = _runs!;
        if (runs.HasPixelLabels)
        {
            return runs.LabelAt(r, c) == label;
        }

        int run = runs.RunNear(r, c, _cursor[r]);
        _cursor[r] = run;
        return runs.LabelOfRun(run) == label;
    }
}
