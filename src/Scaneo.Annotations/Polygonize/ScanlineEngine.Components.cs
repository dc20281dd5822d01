using NetTopologySuite.Geometries;

namespace Scaneo.Annotations.Polygonize;

/// <summary>Components of the scanline engine: labelling unions, completion, ring tracing and the reorder buffer.</summary>
internal sealed partial class ScanlineEngine<T>
{
    /// <summary>Completes the components of the row above line y that the row below does not continue.</summary>
    private void CompleteEnded(int y)
    {
        RowRuns above = _above;
        for (int a = 0; a < above.Count; a++)
        {
            if (above.Slot[a] == None)
            {
                continue;
            }

            int root = Find(above.Slot[a]);
            if (_components[root].Stamp != y && _components[root].Stamp != int.MinValue)
            {
                _components[root].Stamp = int.MinValue;
                _completing.Add(root);
            }
        }

        // Junctions first, for all of them: resolving one may close a ring of another completing component.
        foreach (int root in _completing)
        {
            ResolvePending(root);
        }

        foreach (int root in _completing)
        {
            Complete(root);
        }

        foreach (int root in _completing)
        {
            ReleaseJunctions(root);
        }

        // Slots are freed last: until here, the runs above still refer to them.
        foreach (int root in _completing)
        {
            FreeMembers(root);
        }

        _completing.Clear();
    }

    private void ResolvePending(int root)
    {
        for (int c = _components[root].JunctionHead; c != None; c = _cells[c].Next)
        {
            int j = _cells[c].Value;
            if (!_junctions[j].Resolved)
            {
                Resolve(j, across: false);
            }
        }
    }

    private void ReleaseJunctions(int root)
    {
        for (int c = _components[root].JunctionHead; c != None;)
        {
            ReleaseJunction(_cells[c].Value);
            int next = _cells[c].Next;
            FreeCell(c);
            c = next;
        }

        _components[root].JunctionHead = None;
        _components[root].JunctionTail = None;
        _components[root].JunctionCount = 0;
    }

    private void Complete(int root)
    {
        bool keep = _minimumPixels <= 0 || _components[root].Pixels >= _minimumPixels;
        LinearRing? shell = null;
        _holeOrder.Clear();
        if (keep)
        {
            PreparePinches(root);
        }

        long stride = _width + 1;
        for (int c = _components[root].RingHead; c != None;)
        {
            int next = _cells[c].Next;
            if (keep)
            {
                // The ring is walked again along the mask, from its start, with the pinch decisions of the sweep.
                long key = _cells[c].Key;
                int y = (int)(key / stride);
                int x = (int)(key - (y * stride));
                int n = _tracer.Trace(y, x, _data[_offset + (y * _width) + x], 0, NoVisited, out long area2);
                if (area2 > 0)
                {
                    shell = _writer.MakeRing(_tracer.Vertices, n, exterior: true);
                }
                else if (-area2 >= 2 * _fillHolesBelow)
                {
                    _holeOrder.Add((key, _writer.MakeRing(_tracer.Vertices, n, exterior: false)));
                }
            }

            FreeCell(c);
            c = next;
        }

        _tracingRoot = None;

        _components[root].RingHead = None;
        _components[root].RingTail = None;
        if (!keep)
        {
            SetOrderState(_components[root].Order, Dropped, default);
            return;
        }

        if (shell is null)
        {
            throw new InvalidOperationException("Polygonizer invariant broken: a component has no exterior ring.");
        }

        LinearRing[] holes = NoHoles;
        if (_holeOrder.Count > 0)
        {
            // Holes in the order of their starts, as the tracing engine finds them.
            _holeOrder.Sort(static (p, q) => p.Key.CompareTo(q.Key));
            holes = new LinearRing[_holeOrder.Count];
            for (int i = 0; i < holes.Length; i++)
            {
                holes[i] = _holeOrder[i].Ring;
            }
        }

        SetOrderState(_components[root].Order, Ready, new PolygonizedRegion(_components[root].Value, _factory.CreatePolygon(shell, holes), _components[root].Pixels));
    }

    /// <summary>Makes the junctions of <paramref name="root"/> the pinch decisions for tracing it: listed, or in a lookup when there are many.</summary>
    private void PreparePinches(int root)
    {
        _tracingRoot = root;
        _pinchLookup.Clear();

        // Most components (all of them on noise) have a few pinches, which a walk of their list finds faster.
        _usePinchLookup = _components[root].JunctionCount > PinchLookupThreshold;
        if (!_usePinchLookup)
        {
            return;
        }

        for (int c = _components[root].JunctionHead; c != None; c = _cells[c].Next)
        {
            ref Junction junction = ref _junctions[_cells[c].Value];
            _pinchLookup[PinchKey(junction.X, junction.Y, junction.Diagonal)] = junction.Across;
        }
    }

    /// <inheritdoc/>
    public bool SameComponentAt(int x, int y, int heading)
    {
        int diagonal = heading is 1 or 3 ? AcrossNorthwest : AcrossNortheast;
        if (_usePinchLookup)
        {
            if (_pinchLookup.TryGetValue(PinchKey(x, y, diagonal), out bool across))
            {
                return across;
            }
        }
        else
        {
            for (int c = _components[_tracingRoot].JunctionHead; c != None; c = _cells[c].Next)
            {
                ref Junction junction = ref _junctions[_cells[c].Value];
                if (junction.X == x && junction.Y == y && junction.Diagonal == diagonal)
                {
                    return junction.Across;
                }
            }
        }

        throw new InvalidOperationException("Polygonizer invariant broken: a pinch corner was not seen by the sweep.");
    }

    private long PinchKey(int x, int y, int diagonal) => (StartKey(x, y) * 2) + diagonal;

    private void FreeMembers(int root)
    {
        for (int s = root; s != None;)
        {
            int next = _components[s].MemberNext;
            Give(_components, ref _slotFree, s);
            s = next;
        }
    }

    private void Drain(List<PolygonizedRegion> output)
    {
        int mask = _orderState.Length - 1;
        while (_orderBase < _orderNext)
        {
            int i = _orderBase & mask;
            byte state = _orderState[i];
            if (state == Open)
            {
                return;
            }

            if (state == Ready)
            {
                output.Add(_orderRegion[i]);
                _orderRegion[i] = default;
            }

            _orderState[i] = Open;
            _orderBase++;
        }
    }

    private void SetOrderState(int order, byte state, PolygonizedRegion region)
    {
        int i = order & (_orderState.Length - 1);
        _orderState[i] = state;
        _orderRegion[i] = region;
    }

    private int NewOrder()
    {
        if (_orderNext - _orderBase == _orderState.Length)
        {
            // Grow the ring buffer, keeping the pending window in place modulo the new size.
            int size = _orderState.Length;
            var state = new byte[size * 2];
            var region = new PolygonizedRegion[size * 2];
            for (int o = _orderBase; o < _orderNext; o++)
            {
                state[o & ((size * 2) - 1)] = _orderState[o & (size - 1)];
                region[o & ((size * 2) - 1)] = _orderRegion[o & (size - 1)];
            }

            _orderState = state;
            _orderRegion = region;
        }

        _orderState[_orderNext & (_orderState.Length - 1)] = Open;
        return _orderNext++;
    }

    private int NewComponent(int value)
    {
        int s = Take(ref _components, ref _slotCount, ref _slotFree);
        _components[s] = new Component
        {
            Parent = s,
            Value = value,
            Order = NewOrder(),
            Stamp = None,
            MemberNext = None,
            MemberTail = s,
            RingHead = None,
            RingTail = None,
            JunctionHead = None,
            JunctionTail = None,
        };
        return s;
    }

    private int Find(int s)
    {
        while (_components[s].Parent != s)
        {
            int p = _components[s].Parent;
            _components[s].Parent = _components[p].Parent;
            s = p;
        }

        return s;
    }

    /// <summary>Merges two component roots; the one with the earlier first pixel stays the root.</summary>
    private int Union(int a, int b)
    {
        if (_components[b].Order < _components[a].Order)
        {
            (a, b) = (b, a);
        }

        _components[b].Parent = a;
        _components[a].Pixels += _components[b].Pixels;
        _components[a].Stamp = Math.Max(_components[a].Stamp, _components[b].Stamp);
        SetOrderState(_components[b].Order, Dead, default);

        _components[_components[a].MemberTail].MemberNext = b;
        _components[a].MemberTail = _components[b].MemberTail;

        if (_components[b].RingHead != None)
        {
            if (_components[a].RingHead == None)
            {
                _components[a].RingHead = _components[b].RingHead;
            }
            else
            {
                _cells[_components[a].RingTail].Next = _components[b].RingHead;
            }

            _components[a].RingTail = _components[b].RingTail;
        }

        // Pinches between the two are now inside one component: join them across. Each such junction is in both
        // lists, so walking the shorter one finds them all (and the walks cost O(n log n) over a whole mask).
        int shorter = _components[a].JunctionCount <= _components[b].JunctionCount ? a : b;
        ResolveAcross(shorter, a);
        if (_components[b].JunctionHead != None)
        {
            if (_components[a].JunctionHead == None)
            {
                _components[a].JunctionHead = _components[b].JunctionHead;
            }
            else
            {
                _cells[_components[a].JunctionTail].Next = _components[b].JunctionHead;
            }

            _components[a].JunctionTail = _components[b].JunctionTail;
        }

        _components[a].JunctionCount += _components[b].JunctionCount;
        return a;
    }
}
