using System.Numerics;
using System.Runtime.CompilerServices;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// Traces one ring of a 4-connected component along pixel edges, keeping the component on the left (in pixel
/// coordinates: x = column, y = row), and records only the corners where the boundary turns. Exteriors come out
/// with a positive shoelace area in pixel coordinates, holes negative.
/// </summary>
/// <remarks>
/// At a corner where the component holds two diagonal pixels and not the other two, the ring crosses to the
/// diagonal pixel when both belong to the same component (so the enclosed wedge becomes its own hole ring that
/// touches the shell at one point, as GDAL and OGC validity want) and turns back otherwise (two components
/// touching at a corner keep separate rings). Rings are therefore simple: no vertex is visited twice.
/// </remarks>
internal sealed class RingTracer<T>
    where T : unmanaged, IBinaryInteger<T>
{
    private readonly T[] _data;
    private readonly int _offset;
    private readonly byte[]? _validity;
    private readonly int _validityOffset;
    private readonly int _width;
    private readonly int _height;
    private readonly RunTable _runs;
    private int[] _vertices = new int[256];

    public RingTracer(T[] data, int offset, byte[]? validity, int validityOffset, RunTable runs)
    {
        _data = data;
        _offset = offset;
        _validity = validity;
        _validityOffset = validityOffset;
        _width = runs.Width;
        _height = runs.Height;
        _runs = runs;
    }

    /// <summary>Gets the traced corners as (x, y) pairs; valid up to the count returned by <see cref="Trace"/>.</summary>
    public int[] Vertices => _vertices;

    /// <summary>
    /// Traces the ring whose eastward segment starts at the top-left corner of pixel (<paramref name="column"/>,
    /// <paramref name="row"/>), marking each eastward segment start in <paramref name="visited"/>.
    /// </summary>
    /// <returns>The number of corners; the twice-signed pixel area is in <paramref name="doubleArea"/>.</returns>
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
        Mark(visited, sy, sx);
        while (x != sx || y != sy)
        {
            bool al;
            bool ar;
            switch (d)
            {
                case 0: // east: behind-left SW, ahead-left SE, ahead-right NE
                    al = Is(x, y, value);
                    ar = Is(x, y - 1, value);
                    break;
                case 1: // south: behind-left NW, ahead-left SW, ahead-right SE
                    al = Is(x - 1, y, value);
                    ar = Is(x, y, value);
                    break;
                case 2: // west: behind-left NE, ahead-left NW, ahead-right SW
                    al = Is(x - 1, y - 1, value);
                    ar = Is(x - 1, y, value);
                    break;
                default: // north: behind-left SE, ahead-left NE, ahead-right NW
                    al = Is(x, y - 1, value);
                    ar = Is(x - 1, y - 1, value);
                    break;
            }

            int nd;
            if (al)
            {
                nd = ar ? (d + 3) & 3 : d;
            }
            else if (!ar)
            {
                nd = (d + 1) & 3;
            }
            else
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
                    Mark(visited, y, x);
                }
            }

            switch (d)
            {
                case 0: x++; break;
                case 1: y++; break;
                case 2: x--; break;
                default: y--; break;
            }
        }

        area2 += ((long)px * sy) - ((long)sx * py);
        doubleArea = area2;
        return n >> 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsVisited(ulong[] visited, long index) => (visited[index >> 6] & (1UL << (int)(index & 63))) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Mark(ulong[] visited, int row, int column)
    {
        long index = ((long)row * _width) + column;
        visited[index >> 6] |= 1UL << (int)(index & 63);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Is(int column, int row, T value)
    {
        if ((uint)column >= (uint)_width || (uint)row >= (uint)_height)
        {
            return false;
        }

        int i = (row * _width) + column;
        return _data[_offset + i] == value && (_validity is null || _validity[_validityOffset + i] != 0);
    }

    /// <summary>At a diagonal pinch, whether the behind-left and ahead-right pixels are the same component.</summary>
    private bool SameComponentAcross(int x, int y, int d, int label)
    {
        // Ahead-right pixel of each heading (the behind-left one is the current component by construction).
        (int c, int r) = d switch
        {
            0 => (x, y - 1),
            1 => (x, y),
            2 => (x - 1, y),
            _ => (x - 1, y - 1),
        };
        return _runs.LabelAt(r, c) == label;
    }
}
