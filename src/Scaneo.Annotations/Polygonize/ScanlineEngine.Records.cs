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

    private void AddSegmentStart(int root, long key) =>
        Append(ref _components[root].SegmentHead, ref _components[root].SegmentTail, NewCell(key));

    /// <summary>Appends cell <paramref name="c"/> to the list (<paramref name="head"/>, <paramref name="tail"/>).</summary>
    private void Append(ref int head, ref int tail, int c)
    {
        if (head == None)
        {
            head = c;
        }
        else
        {
            _cells[tail].Next = c;
        }

        tail = c;
    }

    /// <summary>Appends the list (<paramref name="head2"/>, <paramref name="tail2"/>) to the list (<paramref name="head"/>, <paramref name="tail"/>).</summary>
    private void Concatenate(ref int head, ref int tail, int head2, int tail2)
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
            _cells[tail].Next = head2;
        }

        tail = tail2;
    }

    /// <summary>Hands a whole list to the cells' free list at once.</summary>
    private void FreeList(ref int head, ref int tail)
    {
        if (head != None)
        {
            _cells[tail].Next = _cellFree;
            _cellFree = head;
        }

        head = None;
        tail = None;
    }

    private int NewCell(long key)
    {
        int c = Take(ref _cells, ref _cellCount, ref _cellFree);
        _cells[c] = new Cell { Key = key, Next = None };
        return c;
    }

    private void FreeCell(int c) => Give(_cells, ref _cellFree, c);

    /// <summary>
    /// A record index from the free list <paramref name="free"/> if it has one, else the next unused one of
    /// <paramref name="items"/> (doubled when full). The caller initializes the record.
    /// </summary>
    private static int Take<TItem>(ref TItem[] items, ref int used, ref int free)
        where TItem : struct, IFreeLink
    {
        if (free != None)
        {
            int i = free;
            free = items[i].FreeLink;
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
        where TItem : struct, IFreeLink
    {
        items[i].FreeLink = free;
        free = i;
    }

    /// <summary>A record whose free list runs through one of its fields, unused while the record is free.</summary>
    private interface IFreeLink
    {
        int FreeLink { get; set; }
    }

    /// <summary>A component slot: a union-find node, and for roots the component's pixel count, first pixel (row-major key of its top-left corner), class value, order number, last labelled row and lists.</summary>
    private struct Component : IFreeLink
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

        int IFreeLink.FreeLink { readonly get => MemberNext; set => MemberNext = value; }
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
    private struct Cell : IFreeLink
    {
        public long Key;
        public int Next;

        int IFreeLink.FreeLink { readonly get => Next; set => Next = value; }
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
