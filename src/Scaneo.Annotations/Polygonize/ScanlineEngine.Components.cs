using NetTopologySuite.Geometries;

namespace Scaneo.Annotations.Polygonize;

/// <summary>Components of the scanline engine: labelling unions, completion, ring assembly and the reorder buffer.</summary>
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
            if (_stamp[root] != y && _stamp[root] != int.MinValue)
            {
                _stamp[root] = int.MinValue;
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

        // Slots are freed last: until here, the runs above still refer to them.
        foreach (int root in _completing)
        {
            FreeMembers(root);
        }

        _completing.Clear();
    }

    private void ResolvePending(int root)
    {
        for (int c = _junctionHead[root]; c != None;)
        {
            int j = _cellValue[c];
            if (!_junctionResolved[j])
            {
                Resolve(j, across: false);
            }

            ReleaseJunction(j);
            int next = _cellNext[c];
            FreeCell(c);
            c = next;
        }

        _junctionHead[root] = None;
        _junctionTail[root] = None;
        _junctionCount[root] = 0;
    }

    private void Complete(int root)
    {
        bool keep = _minimumPixels <= 0 || _pixels[root] >= _minimumPixels;
        LinearRing? shell = null;
        _holeOrder.Clear();
        for (int c = _ringHead[root]; c != None;)
        {
            int next = _cellNext[c];
            int n = Rotate(_cellValue[c], out long key, out long area2);
            if (keep && area2 > 0)
            {
                shell = _writer.MakeRing(_vertices, n, exterior: true);
            }
            else if (keep && -area2 >= 2 * _fillHolesBelow)
            {
                _holeOrder.Add((key, _writer.MakeRing(_vertices, n, exterior: false)));
            }

            FreeCell(c);
            c = next;
        }

        _ringHead[root] = None;
        _ringTail[root] = None;
        if (!keep)
        {
            SetOrderState(_order[root], Dropped, default);
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

            _holeOrder.Clear();
        }

        SetOrderState(_order[root], Ready, new PolygonizedRegion(_value[root], _factory.CreatePolygon(shell, holes), _pixels[root]));
    }

    /// <summary>
    /// Copies a closed ring into <see cref="_vertices"/> from its first eastward segment in row-major order (the
    /// tracer's start) and frees its nodes.
    /// </summary>
    /// <returns>The corner count; the start as row × (width + 1) + column in <paramref name="key"/>; twice the signed area.</returns>
    private int Rotate(int first, out long key, out long area2)
    {
        Node[] nodes = _nodes;
        int start = first;
        long best = long.MaxValue;
        int n = 0;
        long a2 = 0;
        int last = first;
        int stride = _width + 1;
        for (int c = first; c != None; c = nodes[c].Next)
        {
            ref Node node = ref nodes[c];
            ref Node next = ref nodes[node.Next == None ? first : node.Next];
            a2 += ((long)node.X * next.Y) - ((long)next.X * node.Y);
            if (next.Y == node.Y && next.X > node.X)
            {
                long k = ((long)node.Y * stride) + node.X;
                if (k < best)
                {
                    best = k;
                    start = c;
                }
            }

            last = c;
            n++;
        }

        if (_vertices.Length < 2 * n)
        {
            _vertices = new int[Math.Max(2 * n, _vertices.Length * 2)];
        }

        int[] v = _vertices;
        int i = 0;
        for (int c = start; c != None; c = nodes[c].Next)
        {
            v[i++] = nodes[c].X;
            v[i++] = nodes[c].Y;
        }

        for (int c = first; c != start; c = nodes[c].Next)
        {
            v[i++] = nodes[c].X;
            v[i++] = nodes[c].Y;
        }

        // The ring's nodes go back to the free list at once.
        nodes[last].Next = _nodeFree;
        _nodeFree = first;
        key = best;
        area2 = a2;
        return n;
    }

    private void FreeMembers(int root)
    {
        for (int s = root; s != None;)
        {
            int next = _memberNext[s];
            _memberNext[s] = _slotFree;
            _slotFree = s;
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
        int s;
        if (_slotFree != None)
        {
            s = _slotFree;
            _slotFree = _memberNext[s];
        }
        else
        {
            if (_slotCount == _parent.Length)
            {
                int size = _parent.Length * 2;
                Array.Resize(ref _parent, size);
                Array.Resize(ref _pixels, size);
                Array.Resize(ref _value, size);
                Array.Resize(ref _order, size);
                Array.Resize(ref _stamp, size);
                Array.Resize(ref _memberNext, size);
                Array.Resize(ref _memberTail, size);
                Array.Resize(ref _ringHead, size);
                Array.Resize(ref _ringTail, size);
                Array.Resize(ref _junctionHead, size);
                Array.Resize(ref _junctionTail, size);
                Array.Resize(ref _junctionCount, size);
            }

            s = _slotCount++;
        }

        _parent[s] = s;
        _pixels[s] = 0;
        _value[s] = value;
        _order[s] = NewOrder();
        _stamp[s] = None;
        _memberNext[s] = None;
        _memberTail[s] = s;
        _ringHead[s] = None;
        _ringTail[s] = None;
        _junctionHead[s] = None;
        _junctionTail[s] = None;
        _junctionCount[s] = 0;
        return s;
    }

    private int Find(int s)
    {
        while (_parent[s] != s)
        {
            int p = _parent[s];
            _parent[s] = _parent[p];
            s = p;
        }

        return s;
    }

    /// <summary>Merges two component roots; the one with the earlier first pixel stays the root.</summary>
    private int Union(int a, int b)
    {
        if (_order[b] < _order[a])
        {
            (a, b) = (b, a);
        }

        _parent[b] = a;
        _pixels[a] += _pixels[b];
        _stamp[a] = Math.Max(_stamp[a], _stamp[b]);
        SetOrderState(_order[b], Dead, default);

        _memberNext[_memberTail[a]] = b;
        _memberTail[a] = _memberTail[b];

        if (_ringHead[b] != None)
        {
            if (_ringHead[a] == None)
            {
                _ringHead[a] = _ringHead[b];
            }
            else
            {
                _cellNext[_ringTail[a]] = _ringHead[b];
            }

            _ringTail[a] = _ringTail[b];
        }

        // Pinches between the two are now inside one component: join them across. Each such junction is in both
        // lists, so walking the shorter one finds them all (and the walks cost O(n log n) over a whole mask).
        int shorter = _junctionCount[a] <= _junctionCount[b] ? a : b;
        ResolveAcross(shorter, a);
        if (_junctionHead[b] != None)
        {
            if (_junctionHead[a] == None)
            {
                _junctionHead[a] = _junctionHead[b];
            }
            else
            {
                _cellNext[_junctionTail[a]] = _junctionHead[b];
            }

            _junctionTail[a] = _junctionTail[b];
        }

        _junctionCount[a] += _junctionCount[b];
        return a;
    }
}
