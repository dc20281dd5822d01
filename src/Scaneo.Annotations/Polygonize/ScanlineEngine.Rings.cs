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
        int n = 0;
        if (component.Runs == 1)
        {
            // One run: a rectangle one row high, with no holes and no pinch of its own (common on noise).
            (int x, int y) = CornerOf(component.FirstKey);
            int[] v = _rectangle;
            (v[0], v[1], v[2], v[3]) = (x, y, x + (int)component.Pixels, y);
            (v[4], v[5], v[6], v[7]) = (v[2], y + 1, x, y + 1);
            shell = _writer.MakeRing(v, 4, exterior: true);
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
        long holeArea2 = area2 - (2 * _components[root].Pixels);
        LinearRing[] holes = holeArea2 > 0 ? TraceHoles(root, n, holeArea2) : NoHoles;
        component = ref _components[root];
        GiveList(_cells, ref _cellFree, ref component.SegmentHead, ref component.SegmentTail);
        return _factory.CreatePolygon(shell, holes);
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
        if (_tracingPixels < MinimumPixelsJoinedAtPinch)
        {
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
