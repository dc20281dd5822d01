using System.Numerics;
using System.Runtime.CompilerServices;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// The mask as horizontal runs of equal value and validity, row by row, labelled into connected components with
/// a union-find over runs. Memory is linear in the number of runs (far below the pixel count on real masks), and
/// the labels are numbered in row-major order of each component's first pixel, which fixes the output order.
/// </summary>
internal sealed class RunTable
{
    private int[] _start;
    private int[] _end;
    private int[] _value;
    private int[] _label;

    private RunTable(int width, int height, int capacity)
    {
        Width = width;
        Height = height;
        RowOffset = new int[height + 1];
        _start = new int[capacity];
        _end = new int[capacity];
        _value = new int[capacity];
        _label = new int[capacity];
        LabelPixels = [];
        LabelLastRow = [];
        LabelValue = [];
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Gets the index of the first run of each row; row r's runs are [RowOffset[r], RowOffset[r + 1]).</summary>
    public int[] RowOffset { get; }

    public int Count { get; private set; }

    public int LabelCount { get; private set; }

    public ReadOnlySpan<int> Start => _start.AsSpan(0, Count);

    public ReadOnlySpan<int> End => _end.AsSpan(0, Count);

    public ReadOnlySpan<int> Value => _value.AsSpan(0, Count);

    /// <summary>Gets each run's component label (0-based), or −1 for a run that is never polygonized.</summary>
    public ReadOnlySpan<int> Label => _label.AsSpan(0, Count);

    public long[] LabelPixels { get; private set; }

    public int[] LabelLastRow { get; private set; }

    public int[] LabelValue { get; private set; }

    /// <summary>Run-length encodes a band and labels its components.</summary>
    public static RunTable Build<T>(ReadOnlySpan<T> band, int width, int height, ReadOnlySpan<byte> validity, ValueFilter filter, bool eightConnected, CancellationToken cancellationToken)
        where T : unmanaged, IBinaryInteger<T>
    {
        var table = new RunTable(width, height, EstimateRuns(band, width, height));
        for (int row = 0; row < height; row++)
        {
            if ((row & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            table.RowOffset[row] = table.Count;
            ReadOnlySpan<T> line = band.Slice(row * width, width);
            ReadOnlySpan<byte> mask = validity.IsEmpty ? default : validity.Slice(row * width, width);
            int x = 0;
            while (x < width)
            {
                T v = line[x];
                int rest = line.Slice(x + 1).IndexOfAnyExcept(v);
                int end = rest < 0 ? width : x + 1 + rest;
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
                table.Add(x, end, iv, valid && filter.IsValid(iv));
                x = end;
            }
        }

        table.RowOffset[height] = table.Count;
        table.Label4Or8(eightConnected, cancellationToken);
        return table;
    }

    /// <summary>
    /// Estimates the run count from a sample of rows, so that the run arrays are allocated about once instead of
    /// doubling through several large-object-heap copies on noisy masks.
    /// </summary>
    private static int EstimateRuns<T>(ReadOnlySpan<T> band, int width, int height)
        where T : unmanaged, IBinaryInteger<T>
    {
        int samples = Math.Min(height, 32);
        long runs = 0;
        for (int k = 0; k < samples; k++)
        {
            ReadOnlySpan<T> line = band.Slice((int)((long)k * height / samples) * width, width);
            int x = 0;
            while (x < width)
            {
                int rest = line.Slice(x + 1).IndexOfAnyExcept(line[x]);
                x = rest < 0 ? width : x + 1 + rest;
                runs++;
            }
        }

        long estimate = (runs * height / samples * 9 / 8) + height + 16;
        return (int)Math.Min(estimate, Math.Min((long)width * height + 1, Array.MaxLength));
    }

    /// <summary>Finds the run of row <paramref name="row"/> that holds column <paramref name="column"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int RunAt(int row, int column)
    {
        int lo = RowOffset[row];
        int hi = RowOffset[row + 1] - 1;
        int[] start = _start;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (start[mid] <= column)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>Returns the label of a pixel (−1 when not polygonized).</summary>
    public int LabelAt(int row, int column) => _label[RunAt(row, column)];

    /// <summary>
    /// Groups labels that touch diagonally with the same value (8-connectivity over 4-connected labels).
    /// Returns the group of each label; groups are numbered by their first pixel in row-major order.
    /// </summary>
    public int[] DiagonalGroups(out int groupCount)
    {
        var parent = new int[LabelCount];
        for (int i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        for (int row = 1; row < Height; row++)
        {
            int i = RowOffset[row - 1];
            int pe = RowOffset[row];
            int j = pe;
            int ce = RowOffset[row + 1];
            while (i < pe && j < ce)
            {
                if (_end[i] < _end[j])
                {
                    i++;
                }
                else if (_end[i] > _end[j])
                {
                    j++;
                }
                else
                {
                    if (j + 1 < ce)
                    {
                        UnionDiagonal(parent, i, j + 1);
                    }

                    if (i + 1 < pe)
                    {
                        UnionDiagonal(parent, i + 1, j);
                    }

                    i++;
                    j++;
                }
            }
        }

        var group = new int[LabelCount];
        groupCount = 0;
        for (int l = 0; l < group.Length; l++)
        {
            int root = Find(parent, l);
            group[l] = root == l ? groupCount++ : group[root];
        }

        return group;
    }

    private void UnionDiagonal(int[] parent, int a, int b)
    {
        int la = _label[a];
        int lb = _label[b];
        if (la >= 0 && lb >= 0 && la != lb && _value[a] == _value[b])
        {
            Union(parent, la, lb);
        }
    }

    private void Add(int start, int end, int value, bool valid)
    {
        if (Count == _start.Length)
        {
            int size = checked(_start.Length * 2);
            Array.Resize(ref _start, size);
            Array.Resize(ref _end, size);
            Array.Resize(ref _value, size);
            Array.Resize(ref _label, size);
        }

        _start[Count] = start;
        _end[Count] = end;
        _value[Count] = value;
        _label[Count] = valid ? Count : -1;
        Count++;
    }

    private void Label4Or8(bool eight, CancellationToken cancellationToken)
    {
        int[] parent = _label;
        for (int row = 1; row < Height; row++)
        {
            if ((row & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int i = RowOffset[row - 1];
            int pe = RowOffset[row];
            int j = pe;
            int ce = RowOffset[row + 1];
            while (i < pe && j < ce)
            {
                if (parent[i] >= 0 && parent[j] >= 0 && _value[i] == _value[j])
                {
                    Union(parent, i, j);
                }

                if (_end[i] < _end[j])
                {
                    i++;
                }
                else if (_end[i] > _end[j])
                {
                    j++;
                }
                else
                {
                    if (eight)
                    {
                        if (j + 1 < ce && parent[i] >= 0 && parent[j + 1] >= 0 && _value[i] == _value[j + 1])
                        {
                            Union(parent, i, j + 1);
                        }

                        if (i + 1 < pe && parent[i + 1] >= 0 && parent[j] >= 0 && _value[i + 1] == _value[j])
                        {
                            Union(parent, i + 1, j);
                        }
                    }

                    i++;
                    j++;
                }
            }
        }

        // Roots are the smallest run index of each component, so numbering roots in run order numbers
        // components by their first pixel. A root's label is final before any later run reads it.
        int labels = 0;
        for (int r = 0; r < Count; r++)
        {
            int p = parent[r];
            if (p < 0)
            {
                continue;
            }

            if (p == r)
            {
                parent[r] = -2 - labels; // temporarily encoded to keep roots distinguishable from parents
                labels++;
            }
            else
            {
                int root = FindEncoded(parent, p);
                parent[r] = parent[root];
            }
        }

        var pixels = new long[labels];
        var lastRow = new int[labels];
        var value = new int[labels];
        for (int row = 0; row < Height; row++)
        {
            for (int r = RowOffset[row]; r < RowOffset[row + 1]; r++)
            {
                int p = parent[r];
                if (p == -1)
                {
                    continue;
                }

                int l = -2 - p;
                parent[r] = l;
                pixels[l] += _end[r] - _start[r];
                lastRow[l] = row;
                value[l] = _value[r];
            }
        }

        LabelCount = labels;
        LabelPixels = pixels;
        LabelLastRow = lastRow;
        LabelValue = value;
    }

    /// <summary>Follows parents (non-negative) to the root, which holds an encoded label (≤ −2).</summary>
    private static int FindEncoded(int[] parent, int i)
    {
        while (parent[i] >= 0)
        {
            i = parent[i];
        }

        return i;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        a = Find(parent, a);
        b = Find(parent, b);
        if (a < b)
        {
            parent[b] = a;
        }
        else if (b < a)
        {
            parent[a] = b;
        }
    }
}
