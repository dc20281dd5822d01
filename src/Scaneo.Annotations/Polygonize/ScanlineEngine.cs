using System.Numerics;
using NetTopologySuite.Geometries;
using Scaneo.Geo;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// The 4-connected polygonizer in one pass over the rows, holding only two rows of runs, the boundary chains still
/// open at the current row line and the components not yet complete: its memory follows the open boundary, not the
/// mask, so a per-pixel noise mask needs a few hundred kilobytes of working state besides its output. Its regions are
/// exactly those of <see cref="PolygonizeEngine{T}"/> (same rings, same starting corners, same hole and region order),
/// which remains the engine of the parallel and 8-connected modes.
/// </summary>
/// <remarks>
/// <para>
/// Each row line y (the corners between rows y − 1 and y) is swept at the columns where a run of either row begins.
/// At each corner, for each class value around it, the edges of that value's boundary (component on the left, as
/// the ring tracer walks) are joined: a chain arriving at the corner continues with the one leaving it, and a chain
/// whose head meets its own tail is a closed ring. Chains hold only the corners where the boundary turns.
/// </para>
/// <para>
/// At a diagonal pinch (a value in two diagonal pixels only) the pairing depends on whether both pixels belong to
/// the same component, which may only become known rows later. Such corners wait as junctions: joined across the
/// corner when the two components merge, around each pixel when either component is complete.
/// </para>
/// <para>
/// Components are labelled by a union-find over the runs of consecutive rows. A component is complete once a row
/// holds none of its runs; its rings are then rotated to start at their first eastward segment in row-major order
/// (where the tracer starts them) and its holes sorted by that start. Regions leave through a reorder buffer in the
/// order of their first pixels, as the tracing engine hands them out.
/// </para>
/// </remarks>
internal sealed class ScanlineEngine<T> : IRegionEngine
    where T : unmanaged, IBinaryInteger<T>
{
    private const int None = -1;

    // Head slot codes: index << 2 | tag.
    private const int TagRightHead0 = 0;
    private const int TagRightHead1 = 1;
    private const int TagCarryHead = 2;
    private const int TagJunction = 3;

    private const byte Open = 0;
    private const byte Dead = 1;
    private const byte Ready = 2;
    private const byte Dropped = 3;

    private static readonly LinearRing[] NoHoles = [];

    private readonly T[] _data;
    private readonly int _offset;
    private readonly byte[]? _validity;
    private readonly int _validityOffset;
    private readonly int _width;
    private readonly int _height;
    private readonly ValueFilter _filter;
    private readonly GeometryFactory _factory;
    private readonly RingWriter _writer;
    private readonly long _fillHolesBelow;
    private readonly long _minimumPixels;

    private RowRuns _above;
    private RowRuns _below;
    private int _line;

    // Components: union-find over slots, reused once a component is complete.
    private int[] _parent = new int[64];
    private long[] _pixels = new long[64];
    private int[] _value = new int[64];
    private int[] _order = new int[64];
    private int[] _stamp = new int[64];
    private int[] _memberNext = new int[64];
    private int[] _memberTail = new int[64];
    private int[] _ringHead = new int[64];
    private int[] _ringTail = new int[64];
    private int[] _junctionHead = new int[64];
    private int[] _junctionTail = new int[64];
    private int[] _junctionCount = new int[64];
    private int _slotCount;
    private int _slotFree = None;

    // Chains: singly linked corner lists with the slot holding their head.
    private Chain[] _chains = new Chain[64];
    private int _chainCount;
    private int _chainFree = None;

    // Corner nodes of chains and closed rings.
    private Node[] _nodes = new Node[256];
    private int _nodeCount;
    private int _nodeFree = None;

    // Junctions: ends 0 and 1 arrive, 2 and 3 leave; around each pixel pairs 0→2 and 1→3, across 0→3 and 1→2.
    private int[] _junctionEnds = new int[64 * 4];
    private int[] _junctionX = new int[64];
    private int[] _junctionY = new int[64];
    private int[] _junctionA = new int[64];
    private int[] _junctionB = new int[64];
    private int[] _junctionRefs = new int[64];
    private bool[] _junctionResolved = new bool[64];
    private int _junctionRecords;
    private int _junctionFree = None;

    // List cells (value, next) for the per-component ring and junction lists.
    private int[] _cellValue = new int[256];
    private int[] _cellNext = new int[256];
    private int _cellCount;
    private int _cellFree = None;

    private int _carryHead = None;
    private int _carryTail = None;

    // Reorder buffer over order numbers [_orderBase, _orderNext).
    private byte[] _orderState = new byte[256];
    private PolygonizedRegion[] _orderRegion = new PolygonizedRegion[256];
    private int _orderBase;
    private int _orderNext;

    private int[] _vertices = new int[256];
    private readonly List<int> _completing = [];
    private readonly List<(long Key, LinearRing Ring)> _holeOrder = [];

    public ScanlineEngine(T[] data, int offset, byte[]? validity, int validityOffset, int width, int height, ValueFilter filter, GeometryFactory factory, GeoTransform gt, IMapTransform? reprojection, long fillHolesBelow, long minimumPixels)
    {
        _data = data;
        _offset = offset;
        _validity = validity;
        _validityOffset = validityOffset;
        _width = width;
        _height = height;
        _filter = filter;
        _factory = factory;
        _writer = new RingWriter(factory, gt, reprojection, reprojectionLock: null);
        _fillHolesBelow = fillHolesBelow;
        _minimumPixels = minimumPixels;
        _above = new RowRuns(width, TagRightHead0);
        _below = new RowRuns(width, TagRightHead1);
    }

    /// <inheritdoc/>
    /// <remarks>The region count is not known before the last row; the output list grows as needed.</remarks>
    public int OutputCapacityHint => 0;

    /// <summary>
    /// Gets the bytes of the engine's working arrays (rows, components, chains, corners, junctions, lists, ring
    /// scratch, reorder flags), without the completed regions waiting in the reorder buffer, which are output.
    /// </summary>
    internal long WorkingBytes =>
        (2L * ((5L * _width) + 1) * sizeof(int))
        + ((long)_parent.Length * ((11 * sizeof(int)) + sizeof(long)))
        + ((long)_chains.Length * 4 * sizeof(int))
        + ((long)_nodes.Length * 3 * sizeof(int))
        + ((long)_junctionX.Length * ((9 * sizeof(int)) + sizeof(bool)))
        + ((long)_cellValue.Length * 2 * sizeof(int))
        + ((long)_vertices.Length * sizeof(int))
        + _orderState.Length;

    /// <summary>Gets a value indicating whether every row line has been swept and every region handed out.</summary>
    public bool Done => _line > _height && _orderBase == _orderNext;

    /// <summary>Sweeps the next row line and appends the regions that are complete and next in order.</summary>
    public void Step(List<PolygonizedRegion> output)
    {
        if (_line <= _height)
        {
            SweepLine(_line);
            _line++;
        }

        Drain(output);
    }

    /// <inheritdoc/>
    /// <remarks>Nothing is rented: the working state is small and belongs to the engine.</remarks>
    public void Release()
    {
    }

    private void SweepLine(int y)
    {
        (_above, _below) = (_below, _above);
        if (y == 0)
        {
            _above.Count = 0;
        }

        if (y < _height)
        {
            ReadRow(y, _below);
            Label(y);
        }
        else
        {
            _below.Count = 0;
        }

        Sweep(y);
        CompleteEnded(y);
    }

    private void ReadRow(int row, RowRuns runs)
    {
        ReadOnlySpan<T> line = _data.AsSpan(_offset + (row * _width), _width);
        ReadOnlySpan<byte> mask = _validity is null ? default : _validity.AsSpan(_validityOffset + (row * _width), _width);
        int count = 0;
        int x = 0;
        while (x < _width)
        {
            T v = line[x];
            int rest = line.Slice(x + 1).IndexOfAnyExcept(v);
            int end = rest < 0 ? _width : x + 1 + rest;
            bool valid = true;
            if (!mask.IsEmpty)
            {
                valid = mask[x] != 0;
                ReadOnlySpan<byte> m = mask.Slice(x + 1, end - x - 1);
                int k = valid ? m.IndexOf((byte)0) : m.IndexOfAnyExcept((byte)0);
                if (k >= 0)
                {
                    end = x + 1 + k;
                }
            }

            int iv = int.CreateTruncating(v);
            runs.Start[count] = x;
            runs.Value[count] = iv;
            runs.Slot[count] = valid && _filter.IsValid(iv) ? 0 : None;
            count++;
            x = end;
        }

        runs.Start[count] = _width;
        runs.Count = count;
    }

    /// <summary>Labels the runs of row <paramref name="y"/> (now <see cref="_below"/>) against the row above.</summary>
    private void Label(int y)
    {
        RowRuns above = _above;
        RowRuns below = _below;
        int k = 0;
        for (int b = 0; b < below.Count; b++)
        {
            if (below.Slot[b] == None)
            {
                continue;
            }

            int s = below.Start[b];
            int e = below.Start[b + 1];
            int value = below.Value[b];
            while (k < above.Count && above.Start[k + 1] <= s)
            {
                k++;
            }

            int root = None;
            for (int q = k; q < above.Count && above.Start[q] < e; q++)
            {
                if (above.Slot[q] != None && above.Value[q] == value)
                {
                    int r = Find(above.Slot[q]);
                    root = root == None ? r : r == root ? root : Union(root, r);
                }
            }

            if (root == None)
            {
                root = NewComponent(value);
            }

            below.Slot[b] = root;
            _pixels[root] += e - s;
            _stamp[root] = y;
        }
    }

    private void Sweep(int y)
    {
        RowRuns above = _above;
        RowRuns below = _below;
        int nw = None;
        int sw = None;
        int ne = above.Count > 0 ? 0 : None;
        int se = below.Count > 0 ? 0 : None;
        int x = 0;
        _carryHead = None;
        _carryTail = None;
        while (true)
        {
            Corner(x, y, nw, ne, sw, se);
            if (x == _width)
            {
                break;
            }

            int next = _width;
            if (ne != None)
            {
                next = Math.Min(next, above.Start[ne + 1]);
            }

            if (se != None)
            {
                next = Math.Min(next, below.Start[se + 1]);
            }

            x = next;
            nw = ne;
            sw = se;
            if (ne != None && above.Start[ne + 1] == x)
            {
                ne = ne + 1 < above.Count ? ne + 1 : None;
            }

            if (se != None && below.Start[se + 1] == x)
            {
                se = se + 1 < below.Count ? se + 1 : None;
            }
        }
    }

    /// <summary>Joins the boundary edges meeting at corner (x, y) for each class value of the four pixels around it.</summary>
    private void Corner(int x, int y, int nw, int ne, int sw, int se)
    {
        RowRuns above = _above;
        RowRuns below = _below;
        bool vnw = nw != None && above.Slot[nw] != None;
        bool vne = ne != None && above.Slot[ne] != None;
        bool vsw = sw != None && below.Slot[sw] != None;
        bool vse = se != None && below.Slot[se] != None;
        int cnw = vnw ? above.Value[nw] : 0;
        int cne = vne ? above.Value[ne] : 0;
        int csw = vsw ? below.Value[sw] : 0;
        int cse = vse ? below.Value[se] : 0;

        int westHead = _carryHead;
        int westTail = _carryTail;
        _carryHead = None;
        _carryTail = None;

        if (vnw)
        {
            CornerOf(x, y, nw, ne, sw, se, true, vne && cne == cnw, vsw && csw == cnw, vse && cse == cnw, westHead, westTail);
        }

        if (vne && !(vnw && cnw == cne))
        {
            CornerOf(x, y, nw, ne, sw, se, false, true, vsw && csw == cne, vse && cse == cne, westHead, westTail);
        }

        if (vsw && !(vnw && cnw == csw) && !(vne && cne == csw))
        {
            CornerOf(x, y, nw, ne, sw, se, false, false, true, vse && cse == csw, westHead, westTail);
        }

        if (vse && !(vnw && cnw == cse) && !(vne && cne == cse) && !(vsw && csw == cse))
        {
            CornerOf(x, y, nw, ne, sw, se, false, false, false, true, westHead, westTail);
        }
    }

    /// <summary>The edges of one class value at a corner, from which of the four pixels hold it.</summary>
    private void CornerOf(int x, int y, int nw, int ne, int sw, int se, bool inNw, bool inNe, bool inSw, bool inSe, int westHead, int westTail)
    {
        RowRuns above = _above;
        RowRuns below = _below;
        if (inNw == inNe && inSw == inSe && inNw == inSw)
        {
            return;
        }

        if (inNw && inSe && !inNe && !inSw)
        {
            // Pinch across NW–SE. Arriving: from the north (NW's east side) and from the south (SE's west side);
            // leaving: westward (NW's bottom) and eastward (SE's top).
            int component = Find(below.Slot[se]);
            int fromSouth = NewChain(component);
            below.LeftTail[se] = fromSouth;
            int toEast = NewChain(component);
            SetHead(toEast, TagCarryHead);
            _carryHead = toEast;
            AddJunction(x, y, above.RightHead[nw], fromSouth, westTail, toEast, above.Slot[nw], below.Slot[se]);
            return;
        }

        if (inNe && inSw && !inNw && !inSe)
        {
            // Pinch across NE–SW. Arriving: from the west (SW's top) and from the east (NE's bottom); leaving:
            // southward (SW's east side) and northward (NE's west side).
            int component = Find(below.Slot[sw]);
            int fromEast = NewChain(Find(above.Slot[ne]));
            _carryTail = fromEast;
            int toSouth = NewChain(component);
            SetHead(toSouth, (sw << 2) | below.Tag);
            below.RightHead[sw] = toSouth;
            AddJunction(x, y, westHead, fromEast, toSouth, above.LeftTail[ne], below.Slot[sw], above.Slot[ne]);
            return;
        }

        // One edge arrives and one leaves. Arriving: north (NW's east side going south), south (SE's west side going
        // north), west (SW's top going east), east (NE's bottom going west).
        int arriving;
        bool arrivesNew;
        bool arrivesVertical;
        if (inNw && !inNe)
        {
            arriving = above.RightHead[nw];
            arrivesNew = false;
            arrivesVertical = true;
        }
        else if (inSe && !inSw)
        {
            arriving = None;
            arrivesNew = true;
            arrivesVertical = true;
        }
        else if (inSw && !inNw)
        {
            arriving = westHead;
            arrivesNew = false;
            arrivesVertical = false;
        }
        else
        {
            arriving = None;
            arrivesNew = true;
            arrivesVertical = false;
        }

        // Leaving: north (NE's west side), south (SW's east side), west (NW's bottom), east (SE's top).
        int leaving;
        bool leavesNew;
        bool leavesVertical;
        if (inNe && !inNw)
        {
            leaving = above.LeftTail[ne];
            leavesNew = false;
            leavesVertical = true;
        }
        else if (inSw && !inSe)
        {
            leaving = None;
            leavesNew = true;
            leavesVertical = true;
        }
        else if (inNw && !inSw)
        {
            leaving = westTail;
            leavesNew = false;
            leavesVertical = false;
        }
        else
        {
            leaving = None;
            leavesNew = true;
            leavesVertical = false;
        }

        bool turn = arrivesVertical != leavesVertical;
        if (!arrivesNew && !leavesNew)
        {
            Join(arriving, leaving, x, y, turn);
            return;
        }

        int chain;
        if (!arrivesNew)
        {
            // The arriving chain goes on along the new edge.
            chain = arriving;
            if (turn)
            {
                Append(chain, x, y);
            }
        }
        else if (!leavesNew)
        {
            // The leaving chain starts earlier, on the new edge.
            chain = leaving;
            if (turn)
            {
                Prepend(chain, x, y);
            }
        }
        else
        {
            // A corner where the value's boundary begins: both edges are new (always a turn).
            int pixelSlot = inSe ? below.Slot[se] : below.Slot[sw];
            chain = NewChain(Find(pixelSlot));
            Append(chain, x, y);
        }

        if (arrivesNew)
        {
            // Its tail waits at the far end of the new arriving edge.
            if (arrivesVertical)
            {
                below.LeftTail[se] = chain;
            }
            else
            {
                _carryTail = chain;
            }
        }

        if (leavesNew)
        {
            if (leavesVertical)
            {
                below.RightHead[sw] = chain;
                SetHead(chain, (sw << 2) | below.Tag);
            }
            else
            {
                _carryHead = chain;
                SetHead(chain, TagCarryHead);
            }
        }
    }

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

    /// <summary>Resolves across the junctions of <paramref name="list"/> whose two pixels now share <paramref name="root"/>, dropping every resolved one from the list.</summary>
    private void ResolveAcross(int list, int root)
    {
        int previous = None;
        int count = 0;
        for (int c = _junctionHead[list]; c != None;)
        {
            int j = _cellValue[c];
            int next = _cellNext[c];
            bool resolved = _junctionResolved[j];
            if (!resolved && Find(_junctionA[j]) == root && Find(_junctionB[j]) == root)
            {
                Resolve(j, across: true);
                resolved = true;
            }

            if (resolved)
            {
                ReleaseJunction(j);
                if (previous == None)
                {
                    _junctionHead[list] = next;
                }
                else
                {
                    _cellNext[previous] = next;
                }

                FreeCell(c);
            }
            else
            {
                previous = c;
                count++;
            }

            c = next;
        }

        _junctionTail[list] = previous;
        _junctionCount[list] = count;
    }

    private void AddJunction(int x, int y, int arriving0, int arriving1, int around0, int around1, int slotA, int slotB)
    {
        int j;
        if (_junctionFree != None)
        {
            j = _junctionFree;
            _junctionFree = _junctionRefs[j];
        }
        else
        {
            if (_junctionRecords == _junctionX.Length)
            {
                int size = _junctionX.Length * 2;
                Array.Resize(ref _junctionX, size);
                Array.Resize(ref _junctionY, size);
                Array.Resize(ref _junctionA, size);
                Array.Resize(ref _junctionB, size);
                Array.Resize(ref _junctionRefs, size);
                Array.Resize(ref _junctionResolved, size);
                Array.Resize(ref _junctionEnds, size * 4);
            }

            j = _junctionRecords++;
        }

        _junctionResolved[j] = false;
        _junctionX[j] = x;
        _junctionY[j] = y;
        _junctionA[j] = slotA;
        _junctionB[j] = slotB;
        _junctionEnds[4 * j] = arriving0;
        _junctionEnds[(4 * j) + 1] = arriving1;
        _junctionEnds[(4 * j) + 2] = around0;
        _junctionEnds[(4 * j) + 3] = around1;
        SetHead(arriving0, ((4 * j) << 2) | TagJunction);
        SetHead(arriving1, (((4 * j) + 1) << 2) | TagJunction);

        int a = Find(slotA);
        int b = Find(slotB);
        if (a == b)
        {
            Resolve(j, across: true);
            _junctionRefs[j] = _junctionFree;
            _junctionFree = j;
            return;
        }

        _junctionRefs[j] = 2;
        AddJunctionCell(a, j);
        AddJunctionCell(b, j);
    }

    private void AddJunctionCell(int root, int j)
    {
        int c = NewCell(j);
        if (_junctionHead[root] == None)
        {
            _junctionHead[root] = c;
        }
        else
        {
            _cellNext[_junctionTail[root]] = c;
        }

        _junctionTail[root] = c;
        _junctionCount[root]++;
    }

    private void ReleaseJunction(int j)
    {
        if (--_junctionRefs[j] == 0)
        {
            _junctionRefs[j] = _junctionFree;
            _junctionFree = j;
        }
    }

    private void Resolve(int j, bool across)
    {
        _junctionResolved[j] = true;
        int e = 4 * j;
        int x = _junctionX[j];
        int y = _junctionY[j];

        // The leaving ends are tails, which joins never move; an arriving end is re-read after the first join, which
        // may have handed it the first chain (when the second arriving chain was the first join's leaving one).
        int around0 = _junctionEnds[e + 2];
        int around1 = _junctionEnds[e + 3];
        Join(_junctionEnds[e], across ? around1 : around0, x, y, turn: true);
        Join(_junctionEnds[e + 1], across ? around0 : around1, x, y, turn: true);
    }

    /// <summary>Continues chain <paramref name="a"/> (its head at the corner) with chain <paramref name="b"/> (its tail there).</summary>
    private void Join(int a, int b, int x, int y, bool turn)
    {
        if (turn)
        {
            Append(a, x, y);
        }

        if (a == b)
        {
            CloseRing(a);
            return;
        }

        if (_chains[b].First != None)
        {
            if (_chains[a].Last == None)
            {
                _chains[a].First = _chains[b].First;
            }
            else
            {
                _nodes[_chains[a].Last].Next = _chains[b].First;
            }

            _chains[a].Last = _chains[b].Last;
        }

        SetHead(a, _chains[b].HeadSlot);
        FreeChain(b);
    }

    private void CloseRing(int chain)
    {
        int root = Find(_chains[chain].Component);
        int c = NewCell(_chains[chain].First);
        if (_ringHead[root] == None)
        {
            _ringHead[root] = c;
        }
        else
        {
            _cellNext[_ringTail[root]] = c;
        }

        _ringTail[root] = c;
        FreeChain(chain);
    }

    /// <summary>Records that <paramref name="chain"/>'s head is held by the slot <paramref name="code"/>, and stores it there.</summary>
    private void SetHead(int chain, int code)
    {
        _chains[chain].HeadSlot = code;
        int index = code >> 2;
        switch (code & 3)
        {
            case TagCarryHead:
                _carryHead = chain;
                break;
            case TagJunction:
                _junctionEnds[index] = chain;
                break;
            default:
                ((code & 3) == _above.Tag ? _above : _below).RightHead[index] = chain;
                break;
        }
    }

    private int NewChain(int component)
    {
        int c;
        if (_chainFree != None)
        {
            c = _chainFree;
            _chainFree = _chains[c].First;
        }
        else
        {
            if (_chainCount == _chains.Length)
            {
                Array.Resize(ref _chains, _chains.Length * 2);
            }

            c = _chainCount++;
        }

        _chains[c] = new Chain { First = None, Last = None, HeadSlot = None, Component = component };
        return c;
    }

    private void FreeChain(int c)
    {
        _chains[c].First = _chainFree;
        _chainFree = c;
    }

    private void Append(int chain, int x, int y)
    {
        int n = NewNode(x, y);
        if (_chains[chain].Last == None)
        {
            _chains[chain].First = n;
        }
        else
        {
            _nodes[_chains[chain].Last].Next = n;
        }

        _chains[chain].Last = n;
    }

    private void Prepend(int chain, int x, int y)
    {
        int n = NewNode(x, y);
        _nodes[n].Next = _chains[chain].First;
        _chains[chain].First = n;
        if (_chains[chain].Last == None)
        {
            _chains[chain].Last = n;
        }
    }

    private int NewNode(int x, int y)
    {
        int n;
        if (_nodeFree != None)
        {
            n = _nodeFree;
            _nodeFree = _nodes[n].Next;
        }
        else
        {
            if (_nodeCount == _nodes.Length)
            {
                Array.Resize(ref _nodes, _nodes.Length * 2);
            }

            n = _nodeCount++;
        }

        _nodes[n] = new Node { X = x, Y = y, Next = None };
        return n;
    }

    private int NewCell(int value)
    {
        int c;
        if (_cellFree != None)
        {
            c = _cellFree;
            _cellFree = _cellNext[c];
        }
        else
        {
            if (_cellCount == _cellValue.Length)
            {
                int size = _cellValue.Length * 2;
                Array.Resize(ref _cellValue, size);
                Array.Resize(ref _cellNext, size);
            }

            c = _cellCount++;
        }

        _cellValue[c] = value;
        _cellNext[c] = None;
        return c;
    }

    private void FreeCell(int c)
    {
        _cellNext[c] = _cellFree;
        _cellFree = c;
    }

    private struct Node
    {
        public int X;
        public int Y;
        public int Next;
    }

    private struct Chain
    {
        public int First;
        public int Last;
        public int HeadSlot;
        public int Component;
    }

    /// <summary>The runs of one row: starts (with the width after the last), values, component slots (or none for pixels never polygonized) and the chains waiting at each run's sides.</summary>
    private sealed class RowRuns(int width, int tag)
    {
        public int Tag { get; } = tag;

        public int Count { get; set; }

        public int[] Start { get; } = new int[width + 1];

        public int[] Value { get; } = new int[width];

        public int[] Slot { get; } = new int[width];

        /// <summary>Gets, per run, the chain whose tail is the bottom of the run's west side (walked northward).</summary>
        public int[] LeftTail { get; } = new int[width];

        /// <summary>Gets, per run, the chain whose head is the bottom of the run's east side (walked southward).</summary>
        public int[] RightHead { get; } = new int[width];
    }
}
