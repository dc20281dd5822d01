using NetTopologySuite.Geometries;

namespace Scaneo.Annotations.Polygonize;

/// <summary>Components of the scanline engine: labelling unions, completion and the reorder buffer.</summary>
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

        _completionLine = y;
        foreach (int root in _completing)
        {
            Complete(root);
        }

        // Slots are freed last: until here, the runs above and the pinches of the other completing components refer to them.
        foreach (int root in _completing)
        {
            FreeMembers(root);
        }

        _completing.Clear();
    }

    private void Complete(int root)
    {
        if (_eightConnected)
        {
            CompleteMember(root);
            return;
        }

        ref Component component = ref _components[root];
        if ((_minimumPixels > 0 && component.Pixels < _minimumPixels) || !InScope(component.Scope))
        {
            FreeSegmentStarts(root);
            SetOrderState(component.Order, Dropped, default);
            return;
        }

        Polygon polygon = BuildPolygon(root);
        component = ref _components[root];
        SetOrderState(component.Order, Ready, new PolygonizedRegion(component.Value, polygon, component.Pixels));
    }

    private void FreeMembers(int root)
    {
        for (int s = root; s != None;)
        {
            int next = _components[s].MemberNext;
            _components[s].Generation++;
            Give(_components, ref _slotFree, s);
            s = next;
        }
    }

    /// <summary>Hands out the regions complete and next in order: to <paramref name="output"/>, or without one to the sink of a strip or window.</summary>
    private void Drain(List<PolygonizedRegion>? output)
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
                if (output is not null)
                {
                    output.Add(_orderRegion[i]);
                }
                else
                {
                    _sink!.Add(_orderRegion[i], _orderKey![i]);
                }

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
            _orderState = GrowRing(_orderState, _orderBase, _orderNext);
            _orderRegion = GrowRing(_orderRegion, _orderBase, _orderNext);
            if (_orderKey is not null)
            {
                _orderKey = GrowRing(_orderKey, _orderBase, _orderNext);
            }
        }

        _orderState[_orderNext & (_orderState.Length - 1)] = Open;
        return _orderNext++;
    }

    /// <summary>A ring buffer of twice the size with the pending window [<paramref name="from"/>, <paramref name="to"/>) in place modulo the new size.</summary>
    private static TItem[] GrowRing<TItem>(TItem[] items, int from, int to)
    {
        int size = items.Length;
        var grown = new TItem[size * 2];
        for (int o = from; o < to; o++)
        {
            grown[o & ((size * 2) - 1)] = items[o & (size - 1)];
        }

        return grown;
    }

    private int NewComponent(int value, long firstKey)
    {
        int s = Take(ref _components, ref _slotCount, ref _slotFree);
        int order = NewOrder();
        if (_orderKey is not null)
        {
            // A region leaves at the place of the component that holds its first pixel (a group's too).
            _orderKey[order & (_orderKey.Length - 1)] = firstKey;
        }

        _components[s] = new Component
        {
            Parent = s,
            FirstKey = firstKey,
            Value = value,
            Order = order,
            Stamp = None,
            MemberNext = None,
            MemberTail = s,
            SegmentHead = None,
            SegmentTail = None,
            Generation = _components[s].Generation,
        };
        if (_eightConnected)
        {
            _components[s].Group = NewGroup(_components[s].Order, value);
        }

        return s;
    }

    private int Find(int s) => FindRoot(_components, s);

    /// <summary>Merges two component roots; the one with the earlier first pixel stays the root.</summary>
    private int Union(int a, int b)
    {
        if (_components[b].Order < _components[a].Order)
        {
            (a, b) = (b, a);
        }

        _components[b].Parent = a;
        _components[a].Pixels += _components[b].Pixels;
        _components[a].Runs += _components[b].Runs;
        _components[a].Stamp = Math.Max(_components[a].Stamp, _components[b].Stamp);
        _components[a].Scope |= _components[b].Scope;
        SetOrderState(_components[b].Order, Dead, default);

        _components[_components[a].MemberTail].MemberNext = b;
        _components[a].MemberTail = _components[b].MemberTail;

        // The merged component's first pixel starts a segment that only it remembered.
        AddSegmentStart(a, _components[b].FirstKey);
        Concatenate(_cells, ref _components[a].SegmentHead, ref _components[a].SegmentTail, _components[b].SegmentHead, _components[b].SegmentTail);
        if (_eightConnected)
        {
            // Two open members of the groups become one.
            int group = UnionGroups(FindGroup(_components[a].Group), FindGroup(_components[b].Group));
            _groups[group].Live--;
            _components[a].Group = group;
        }

        return a;
    }
}
