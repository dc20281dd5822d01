namespace Scaneo.Annotations.Polygonize;

/// <summary>Records of the scanline engine: pinches, list cells and the free lists they are taken from, and its row and component structures.</summary>
internal sealed partial class ScanlineEngine<T>
{
    /// <summary>Records a pinch at corner (x, y) between the pixels of component slots <paramref name="slotA"/> and <paramref name="slotB"/>.</summary>
    private void AddPinch(int x, int y, int diagonal, int slotA, int slotB)
    {
        if (_pinchCount == _pinches.Length)
        {
            CompactPinches();
        }

        _pinches[_pinchCount++] = new Pinch
        {
            Key = PinchKey(x, y, diagonal),
            A = slotA,
            B = slotB,
            GenerationA = _components[slotA].Generation,
            GenerationB = _components[slotB].Generation,
        };

        if (_eightConnected)
        {
            // A diagonal contact: one 8-connected region.
            int a = Find(slotA);
            int b = Find(slotB);
            if (a != b)
            {
                UnionGroups(FindGroup(_components[a].Group), FindGroup(_components[b].Group));
            }

            // A diagonal contact across a seam joins the two sides as a vertical one does.
            MarkSeamCrossing(a, y);
        }
    }

    /// <summary>
    /// Drops the pinches whose two components are both complete (no tracing will ask for them), keeping the order,
    /// and doubles the array if that freed less than half of it: amortized constant work per pinch, and at most twice
    /// the pinches still open.
    /// </summary>
    private void CompactPinches()
    {
        int kept = 0;
        for (int i = 0; i < _pinchCount; i++)
        {
            ref Pinch pinch = ref _pinches[i];
            if (_components[pinch.A].Generation == pinch.GenerationA || _components[pinch.B].Generation == pinch.GenerationB)
            {
                _pinches[kept++] = pinch;
            }
        }

        _pinchCount = kept;
        if (kept > _pinches.Length / 2)
        {
            Array.Resize(ref _pinches, _pinches.Length * 2);
        }
    }

    /// <summary>The pinch at corner (x, y) on <paramref name="diagonal"/> as a key: row-major corner, then diagonal.</summary>
    private long PinchKey(int x, int y, int diagonal) => (StartKey(x, y) * 2) + diagonal;

    private void AddSegmentStart(int root, long key)
    {
        int c = Take(ref _cells, ref _cellCount, ref _cellFree);
        _cells[c] = new Cell { Key = key, Next = None };
        Append(_cells, ref _components[root].SegmentHead, ref _components[root].SegmentTail, c);
    }

    /// <summary>Hands the eastward segment starts of the complete component <paramref name="root"/> back to the free cells.</summary>
    private void FreeSegmentStarts(int root) =>
        GiveList(_cells, ref _cellFree, ref _components[root].SegmentHead, ref _components[root].SegmentTail);

    /// <summary>Appends record <paramref name="i"/> to the list (<paramref name="head"/>, <paramref name="tail"/>) of <paramref name="items"/>.</summary>
    private static void Append<TItem>(TItem[] items, ref int head, ref int tail, int i)
        where TItem : struct, ILinked => Concatenate(items, ref head, ref tail, i, i);

    /// <summary>Appends the list (<paramref name="head2"/>, <paramref name="tail2"/>) to the list (<paramref name="head"/>, <paramref name="tail"/>) of <paramref name="items"/>.</summary>
    private static void Concatenate<TItem>(TItem[] items, ref int head, ref int tail, int head2, int tail2)
        where TItem : struct, ILinked
    {
        if (head2 == None)
        {
            return;
        }

        if (head == None)
        {
            head = head2;
        }
        else
        {
            items[tail].Link = head2;
        }

        tail = tail2;
    }

    /// <summary>Hands the whole list (<paramref name="head"/>, <paramref name="tail"/>) of <paramref name="items"/> to the free list <paramref name="free"/> at once, and empties it.</summary>
    private static void GiveList<TItem>(TItem[] items, ref int free, ref int head, ref int tail)
        where TItem : struct, ILinked
    {
        if (head != None)
        {
            items[tail].Link = free;
            free = head;
        }

        head = None;
        tail = None;
    }

    /// <summary>The root of slot <paramref name="s"/> in the union-find over <paramref name="items"/>, halving the path on the way.</summary>
    private static int FindRoot<TItem>(TItem[] items, int s)
        where TItem : struct, IUnionFindNode
    {
        while (items[s].Parent != s)
        {
            int p = items[s].Parent;
            items[s].Parent = items[p].Parent;
            s = p;
        }

        return s;
    }

    /// <summary>
    /// A record index from the free list <paramref name="free"/> if it has one, else the next unused one of
    /// <paramref name="items"/> (doubled when full). The caller initializes the record.
    /// </summary>
    private static int Take<TItem>(ref TItem[] items, ref int used, ref int free)
        where TItem : struct, ILinked
    {
        if (free != None)
        {
            int i = free;
            free = items[i].Link;
            return i;
        }

        if (used == items.Length)
        {
            Array.Resize(ref items, items.Length * 2);
        }

        return used++;
    }

    /// <summary>Puts record <paramref name="i"/> on the free list <paramref name="free"/>, threaded through its own link field.</summary>
    private static void Give<TItem>(TItem[] items, ref int free, int i)
        where TItem : struct, ILinked
    {
        items[i].Link = free;
        free = i;
    }

    /// <summary>A record on a singly linked list of records: its owner's list while in use, the free list once freed, through the same field.</summary>
    private interface ILinked
    {
        int Link { get; set; }
    }

    /// <summary>A slot of a union-find over records.</summary>
    private interface IUnionFindNode
    {
        int Parent { get; set; }
    }

    /// <summary>A component slot: a union-find node, and for roots the component's pixel count, first pixel (row-major key of its top-left corner), class value, order number, last labelled row and lists.</summary>
    private struct Component : ILinked, IUnionFindNode
    {
        public long Pixels;
        public long FirstKey;
        public int Runs;
        public int Parent;
        public int Value;
        public int Order;
        public int Stamp;
        public int MemberNext;
        public int MemberTail;
        public int SegmentHead;
        public int SegmentTail;

        // 8-connectivity: the slot of the component's group (roots only).
        public int Group;

        // Counts the times the slot was freed, so that a pinch can tell a slot reused by a later component.
        public int Generation;

        // Within a strip or seam window: whether the component continues beyond its rows, or crosses seams (roots only).
        public ScopeFlags Scope;

        int ILinked.Link { readonly get => MemberNext; set => MemberNext = value; }

        int IUnionFindNode.Parent { readonly get => Parent; set => Parent = value; }
    }

    /// <summary>A pinch: its key and the slots (with their generations) of its two pixels' components when it was recorded.</summary>
    private struct Pinch
    {
        public long Key;
        public int A;
        public int B;
        public int GenerationA;
        public int GenerationB;
    }

    /// <summary>A list cell: an eastward segment start key.</summary>
    private struct Cell : ILinked
    {
        public long Key;
        public int Next;

        int ILinked.Link { readonly get => Next; set => Next = value; }
    }

    /// <summary>The runs of one row: starts (with the width after the last), values, and component slots (or none for pixels never polygonized).</summary>
    private sealed class RowRuns(int width)
    {
        public int Count { get; set; }

        public int[] Start { get; } = new int[width + 1];

        public int[] Value { get; } = new int[width];

        public int[] Slot { get; } = new int[width];
    }
}
