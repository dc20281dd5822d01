using NetTopologySuite.Geometries;

namespace Scaneo.Annotations.Polygonize;

/// <summary>Rings of the scanline engine: a complete component's exterior, its holes when it has any, and the pinch decisions the ring tracer asks for.</summary>
internal sealed partial class ScanlineEngine<T>
{
    /// <summary>Walks the rings of the complete component <paramref name="root"/> into its polygon, and frees its segment starts.</summary>
    private Polygon BuildPolygon(int root)
    {
        ref Component component = ref _components[root];
        LinearRing shell;
        long area2;
        int n;
        if (component.Runs == _completionLine - CornerOf(component.FirstKey).Y)
        {
            // One run in each of its rows (most components on noise; a one-run component is the one-row case): the
            // runs give the exterior.
            n = StackRing(component.FirstKey, component.Runs);
            shell = _writer.MakeRing(_stackVertices, n, exterior: true);
            area2 = 2 * component.Pixels;
        }
        else
        {
            _tracingPixels = component.Pixels;
            n = Trace(component.FirstKey, out area2);
            if (area2 <= 0)
            {
                throw new InvalidOperationException("Polygonizer invariant broken: a component's first corner does not start its exterior.");
            }

            shell = _writer.MakeRing(_tracer.Vertices, n, exterior: true);
        }

        // The exterior encloses the component's pixels and its holes': any excess is hole area.
        long holeArea2 = area2 - (2 * component.Pixels);
        LinearRing[] holes = holeArea2 > 0 ? TraceHoles(root, n, holeArea2) : NoHoles;
        FreeSegmentStarts(root);
        return _factory.CreatePolygon(shell, holes);
    }

    /// <summary>
    /// Writes into <see cref="_stackVertices"/> the exterior of a component with one run in each of its
    /// <paramref name="rows"/> rows, whose first pixel's corner is <paramref name="firstKey"/>, and returns its corner
    /// count: the corners <see cref="RingTracer{T}"/> would give (east along the top run, down the runs' east ends, west
    /// along the bottom run, up their west ends), from the runs found in the mask. Such a component has no hole and
    /// meets no pinch of its own, and two runs of consecutive rows overlap, so each run is found under the previous one.
    /// </summary>
    private int StackRing(long firstKey, int rows)
    {
        (int x0, int y0) = CornerOf(firstKey);
        T value = _band.ValueAt(x0, y0);
        if (_stackVertices.Length < 8 * rows)
        {
            _stackVertices = new int[Math.Max(8 * rows, 2 * _stackVertices.Length)];
            _stackWest = new int[_stackVertices.Length / 8];
        }

        int[] v = _stackVertices;
        int[] west = _stackWest;
        int a = x0;
        int b = RunTable.RunEnd(_band.Row(y0), _band.ValidityRow(y0), x0, out _);
        (v[0], v[1], v[2], v[3]) = (a, y0, b, y0);
        int n = 4;
        west[0] = a;
        for (int i = 1; i < rows; i++)
        {
            int y = y0 + i;
            int p = _band.FirstHolding(y, a, b, value);
            if (p < 0)
            {
                throw new InvalidOperationException("Polygonizer invariant broken: a component's run has no run of its value under it.");
            }

            int na = p;
            while (_band.Holds(na - 1, y, value))
            {
                na--;
            }

            int nb = RunTable.RunEnd(_band.Row(y), _band.ValidityRow(y), p, out _);
            if (nb != b)
            {
                (v[n], v[n + 1], v[n + 2], v[n + 3]) = (b, y, nb, y);
                n += 4;
            }

            west[i] = na;
            a = na;
            b = nb;
        }

        int bottom = y0 + rows;
        (v[n], v[n + 1], v[n + 2], v[n + 3]) = (b, bottom, a, bottom);
        n += 4;
        for (int i = rows - 1; i > 0; i--)
        {
            if (west[i - 1] != west[i])
            {
                (v[n], v[n + 1], v[n + 2], v[n + 3]) = (west[i], y0 + i, west[i - 1], y0 + i);
                n += 4;
            }
        }

        return n >> 1;
    }

    /// <summary>
    /// Traces the hole rings of <paramref name="root"/>, whose exterior (<paramref name="exteriorCorners"/> corners, still
    /// in the tracer) encloses <paramref name="holeArea2"/> twice-pixels more than the component: from the recorded
    /// eastward segment starts in row-major order, skipping those on rings already traced, until that area is found.
    /// </summary>
    private LinearRing[] TraceHoles(int root, int exteriorCorners, long holeArea2)
    {
        _holeStarts.Clear();
        _holeStarts.Add(_components[root].FirstKey);
        for (int c = _components[root].SegmentHead; c != None; c = _cells[c].Next)
        {
            _holeStarts.Add(_cells[c].Key);
        }

        _holeStarts.Sort();
        if (_holeStartTraced.Length < _holeStarts.Count)
        {
            _holeStartTraced = new bool[Math.Max(_holeStarts.Count, 2 * _holeStartTraced.Length)];
        }
        else
        {
            Array.Clear(_holeStartTraced, 0, _holeStarts.Count);
        }

        MarkTracedStarts(exteriorCorners);
        _holes.Clear();
        for (int i = 0; i < _holeStarts.Count && holeArea2 > 0; i++)
        {
            if (_holeStartTraced[i])
            {
                continue;
            }

            int n = Trace(_holeStarts[i], out long area2);
            if (area2 >= 0)
            {
                throw new InvalidOperationException("Polygonizer invariant broken: an untraced segment start of a component is not on a hole.");
            }

            holeArea2 += area2;
            MarkTracedStarts(n);
            if (-area2 >= 2 * _fillHolesBelow)
            {
                // Starts are tried in row-major order, so holes come out in the order of their starts, as the tracing
                // engine finds them.
                _holes.Add(_writer.MakeRing(_tracer.Vertices, n, exterior: false));
            }
        }

        if (holeArea2 != 0)
        {
            throw new InvalidOperationException("Polygonizer invariant broken: a component's hole rings do not make up its exterior's excess area.");
        }

        return _holes.Count == 0 ? NoHoles : [.. _holes];
    }

    /// <summary>Marks the recorded segment starts that the ring in the tracer (<paramref name="corners"/> corners) passes through.</summary>
    private void MarkTracedStarts(int corners)
    {
        int[] v = _tracer.Vertices;
        for (int i = 0; i < corners; i++)
        {
            int next = i + 1 == corners ? 0 : i + 1;
            if (v[(2 * next) + 1] == v[(2 * i) + 1] && v[2 * next] > v[2 * i])
            {
                int at = _holeStarts.BinarySearch(StartKey(v[2 * i], v[(2 * i) + 1]));
                if (at < 0)
                {
                    throw new InvalidOperationException("Polygonizer invariant broken: a ring's eastward segment start was not recorded.");
                }

                _holeStartTraced[at] = true;
            }
        }
    }

    /// <summary>Traces the ring starting at the corner <paramref name="key"/> (the top-left corner of the pixel there) of the component being completed.</summary>
    private int Trace(long key, out long area2)
    {
        (int x, int y) = CornerOf(key);
        return _tracer.Trace(y, x, _band.ValueAt(x, y), 0, NoVisited, out area2);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Asked while one of the pinch's components is being completed. When the other's completed earlier, its slot has
    /// been freed (its generation moved on) and the two differ; otherwise the union-find, final for the completing
    /// component, tells.
    /// </remarks>
    public bool SameComponentAt(int x, int y, int heading)
    {
        if (_tracingPixels < MinimumPixelsJoinedAtPinch || y == _firstRow || y == _endRow)
        {
            // On the first or last line of a strip or window the other pixel lies beyond its rows, where no component
            // built here reaches (the whole band has no pixel beyond either line).
            return false;
        }

        long key = PinchKey(x, y, heading is 1 or 3 ? AcrossNorthwest : AcrossNortheast);

        // Lower bound by halving without a data-dependent branch: on noise the comparisons are coin flips.
        Pinch[] pinches = _pinches;
        int at = 0;
        for (int n = _pinchCount; n > 1;)
        {
            int half = n >> 1;
            at = pinches[at + half].Key <= key ? at + half : at;
            n -= half;
        }

        if (_pinchCount > 0 && pinches[at].Key == key)
        {
            ref Pinch pinch = ref pinches[at];
            return _components[pinch.A].Generation == pinch.GenerationA
                && _components[pinch.B].Generation == pinch.GenerationB
                && Find(pinch.A) == Find(pinch.B);
        }

        throw new InvalidOperationException("Polygonizer invariant broken: a pinch corner was not seen by the labelling.");
    }
}
