using System.Numerics;
using System.Runtime.CompilerServices;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// The mask as horizontal runs of equal value and validity, row by row, labelled into connected components with
/// a union-find over runs. Memory is linear in the number of runs (far below the pixel count on real masks), and
/// the labels are numbered in row-major order of each component's first pixel, which fixes the output order.
/// </summary>
/// <remarks>
/// Every array is rented (see <see cref="PooledArray"/>), so it may be longer than its logical length (the run
/// count, the label count, the height + 1) and is only meaningful up to that length. The owner calls
/// <see cref="Release"/> once nothing reads the table any more.
/// </remarks>
internal sealed class RunTable
{
    /// <summary>The bytes the table holds per run: start, end, value and label.</summary>
    public const int BytesPerRun = 4 * sizeof(int);

    private int[] _start;
    private int[] _end;
    private int[] _value;
    private int[] _label;
    private int[] _rowOffset;
    private long[] _labelPixels = [];
    private int[] _labelLastRow = [];
    private int[] _labelValue = [];
    private int[] _pixelLabel = [];

    private RunTable(int width, int height, int capacity)
    {
        Width = width;
        Height = height;

        // Every entry below the logical lengths is written before it is read, so nothing is cleared.
        _rowOffset = PooledArray.Rent<int>(height + 1, clear: false);
        _start = PooledArray.Rent<int>(capacity, clear: false);
        _end = PooledArray.Rent<int>(capacity, clear: false);
        _value = PooledArray.Rent<int>(capacity, clear: false);
        _label = PooledArray.Rent<int>(capacity, clear: false);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Gets the index of the first run of each row; row r's runs are [RowOffset[r], RowOffset[r + 1]).</summary>
    public int[] RowOffset => _rowOffset;

    public int Count { get; private set; }

    public int LabelCount { get; private set; }

    public ReadOnlySpan<int> Start => _start.AsSpan(0, Count);

    public ReadOnlySpan<int> End => _end.AsSpan(0, Count);

    public ReadOnlySpan<int> Value => _value.AsSpan(0, Count);

    /// <summary>Gets each run's component label (0-based), or −1 for a run that is never polygonized.</summary>
    public ReadOnlySpan<int> Label => _label.AsSpan(0, Count);

    /// <summary>Gets each label's pixel count (entries [0, <see cref="LabelCount"/>) only).</summary>
    public long[] LabelPixels => _labelPixels;

    /// <summary>Gets each label's last row (entries [0, <see cref="LabelCount"/>) only).</summary>
    public int[] LabelLastRow => _labelLastRow;

    /// <summary>Gets each label's class value (entries [0, <see cref="LabelCount"/>) only).</summary>
    public int[] LabelValue => _labelValue;

    /// <summary>Gets a value indicating whether <see cref="BuildPixelLabelsIfRunsAreShort"/> built per-pixel labels (and the table is not released).</summary>
    public bool HasPixelLabels => _pixelLabel.Length > 0;

    /// <summary>
    /// Spreads the run labels over a per-pixel array when runs are short (on average under 4 pixels, as on noisy
    /// masks): label queries at diagonal pinches, which are frequent there (about one tracing step in five on random
    /// noise), then take one load instead of a walk over the row's runs — 12% off the labelling and tracing time of
    /// a noise mask. It costs 4 bytes per pixel, no more than the run arrays themselves take then.
    /// </summary>
    public void BuildPixelLabelsIfRunsAreShort()
    {
        long pixels = (long)Width * Height;
        if (pixels > 0 && (long)Count * 4 >= pixels && pixels <= Array.MaxLength)
        {
            BuildPixelLabels();
        }
    }

    /// <summary>Spreads the run labels over a per-pixel array (see <see cref="BuildPixelLabelsIfRunsAreShort"/>).</summary>
    public void BuildPixelLabels()
    {
        int[] pixelLabel = PooledArray.Rent<int>(Width * Height, clear: false);
        for (int row = 0; row < Height; row++)
        {
            int rowStart = row * Width;
            for (int r = _rowOffset[row]; r < _rowOffset[row + 1]; r++)
            {
                pixelLabel.AsSpan(rowStart + _start[r], _end[r] - _start[r]).Fill(_label[r]);
            }
        }

        _pixelLabel = pixelLabel;
    }

    /// <summary>The label of the pixel at (<paramref name="column"/>, <paramref name="row"/>); needs <see cref="HasPixelLabels"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int LabelAt(int row, int column) => _pixelLabel[(row * Width) + column];

    /// <summary>Run-length encodes a band and labels its components.</summary>
    public static RunTable Build<T>(ReadOnlySpan<T> band, int width, int height, ReadOnlySpan<byte> validity, ValueFilter filter, bool eightConnected, CancellationToken cancellationToken)
        where T : unmanaged, IBinaryInteger<T>
    {
        var table = new RunTable(width, height, EstimateRuns(band, width, height));
        try
        {
            table.AddRows(band, validity, filter, 0, height, cancellationToken);
            table.UnionRows(1, height, eightConnected, cancellationToken);
            table.Number();
            return table;
        }
        catch
        {
            table.Release();
            throw;
        }
    }

    /// <summary>
    /// Run-length encodes and labels a band strip by strip on several threads, with the seams merged afterwards:
    /// the table (runs, labels and their numbering) is identical to the one <see cref="Build"/> makes.
    /// </summary>
    /// <remarks>The strips are given by <c>stripStart</c>: the first row of each strip, then the height.</remarks>
    public static RunTable BuildParallel<T>(T[] data, int offset, int width, int height, byte[]? validity, int validityOffset, ValueFilter filter, bool eightConnected, int[] stripStart, int degree, CancellationToken cancellationToken)
        where T : unmanaged, IBinaryInteger<T>
    {
        int strips = stripStart.Length - 1;
        var parts = new RunTable?[strips];
        RunTable? table = null;
        try
        {
            ParallelStrips.Run(strips, degree, cancellationToken, s =>
            {
                int r0 = stripStart[s];
                int rows = stripStart[s + 1] - r0;
                ReadOnlySpan<T> band = data.AsSpan(offset + (r0 * width), rows * width);
                ReadOnlySpan<byte> mask = validity is null ? default : validity.AsSpan(validityOffset + (r0 * width), rows * width);
                var part = new RunTable(width, rows, EstimateRuns(band, width, rows));
                parts[s] = part;
                part.AddRows(band, mask, filter, 0, rows, cancellationToken);
            });

            var bases = new int[strips + 1];
            for (int s = 0; s < strips; s++)
            {
                bases[s + 1] = checked(bases[s] + parts[s]!.Count);
            }

            var merged = new RunTable(width, height, bases[strips]);
            table = merged;
            merged.Count = bases[strips];
            ParallelStrips.Run(strips, degree, cancellationToken, s =>
            {
                RunTable part = parts[s]!;
                int b = bases[s];
                int n = part.Count;
                part._start.AsSpan(0, n).CopyTo(merged._start.AsSpan(b));
                part._end.AsSpan(0, n).CopyTo(merged._end.AsSpan(b));
                part._value.AsSpan(0, n).CopyTo(merged._value.AsSpan(b));
                int[] label = merged._label;
                int[] partLabel = part._label;
                for (int i = 0; i < n; i++)
                {
                    label[b + i] = partLabel[i] < 0 ? -1 : b + i;
                }

                int r0 = stripStart[s];
                for (int r = 0; r <= part.Height; r++)
                {
                    merged._rowOffset[r0 + r] = b + part._rowOffset[r];
                }

                // The strip's runs now live in the merged table.
                part.Release();
                parts[s] = null;

                // Unions inside a strip only touch the strip's runs, so strips do not race.
                merged.UnionRows(r0 + 1, stripStart[s + 1], eightConnected, cancellationToken);
            });
            merged._rowOffset[height] = merged.Count;
            for (int s = 1; s < strips; s++)
            {
                merged.UnionRows(stripStart[s], stripStart[s] + 1, eightConnected, cancellationToken);
            }

            merged.Number();
            return merged;
        }
        catch
        {
            // Every worker has stopped here (ParallelStrips.Run waits for them), so nothing still uses these.
            foreach (RunTable? part in parts)
            {
                part?.Release();
            }

            table?.Release();
            throw;
        }
    }

    /// <summary>
    /// Returns every array to the pool. The table is unusable afterwards: its arrays are empty, so a late read fails
    /// with an index error instead of reading an array that another call now fills. A second call does nothing.
    /// </summary>
    public void Release()
    {
        Count = 0;
        LabelCount = 0;
        PooledArray.Return(ref _start);
        PooledArray.Return(ref _end);
        PooledArray.Return(ref _value);
        PooledArray.Return(ref _label);
        PooledArray.Return(ref _rowOffset);
        PooledArray.Return(ref _labelPixels);
        PooledArray.Return(ref _labelLastRow);
        PooledArray.Return(ref _labelValue);
        PooledArray.Return(ref _pixelLabel);
    }

    /// <summary>
    /// Estimates the run count from a sample of rows, so that the run arrays are allocated about once instead of
    /// doubling through several large-object-heap copies on noisy masks.
    /// </summary>
    internal static int EstimateRuns<T>(ReadOnlySpan<T> band, int width, int height)
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

    private void AddRows<T>(ReadOnlySpan<T> band, ReadOnlySpan<byte> validity, ValueFilter filter, int fromRow, int toRow, CancellationToken cancellationToken)
        where T : unmanaged, IBinaryInteger<T>
    {
        int width = Width;
        for (int row = fromRow; row < toRow; row++)
        {
            if ((row & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            RowOffset[row] = Count;
            ReadOnlySpan<T> line = band.Slice(row * width, width);
            ReadOnlySpan<byte> mask = validity.IsEmpty ? default : validity.Slice(row * width, width);
            int x = 0;
            while (x < width)
            {
                int end = RunEnd(line, mask, x, out bool valid);
                int iv = int.CreateTruncating(line[x]);
                Add(x, end, iv, valid && filter.IsValid(iv));
                x = end;
            }
        }

        RowOffset[toRow] = Count;
    }

    /// <summary>The end of the run that starts at column <paramref name="x"/> of a row: where the class value or the validity changes, or the row ends.</summary>
    /// <param name="line">The row's class values.</param>
    /// <param name="mask">The row's validity bytes, or empty when every pixel is valid.</param>
    /// <param name="x">The run's first column.</param>
    /// <param name="valid">Whether the run's pixels are valid per the mask (the value filter is the caller's).</param>
    /// <returns>The column after the run's last.</returns>
    public static int RunEnd<T>(ReadOnlySpan<T> line, ReadOnlySpan<byte> mask, int x, out bool valid)
        where T : unmanaged, IBinaryInteger<T>
    {
        int rest = line.Slice(x + 1).IndexOfAnyExcept(line[x]);
        int end = rest < 0 ? line.Length : x + 1 + rest;
        valid = true;
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

        return end;
    }

    /// <summary>
    /// Finds the run of row <paramref name="row"/> that holds column <paramref name="column"/>, starting from a run
    /// <paramref name="hint"/> of that row known to be near (a few steps either way, then a binary search).
    /// </summary>
    public int RunNear(int row, int column, int hint)
    {
        // The walk never leaves the row: a run ending at or before the column is not the row's last (that one ends
        // at the width), and a run starting after it is not the row's first (that one starts at 0).
        int[] start = _start;
        int[] end = _end;
        int j = hint;
        for (int step = 0; step < 8; step++)
        {
            if (column < start[j])
            {
                j--;
            }
            else if (column >= end[j])
            {
                j++;
            }
            else
            {
                return j;
            }
        }

        int lo = RowOffset[row];
        int hi = RowOffset[row + 1] - 1;
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

    /// <summary>Returns the label of a run (−1 when not polygonized).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int LabelOfRun(int run) => _label[run];

    /// <summary>
    /// Groups labels that touch diagonally with the same value (8-connectivity over 4-connected labels).
    /// Returns the group of each label; groups are numbered by their first pixel in row-major order.
    /// </summary>
    /// <returns>A rented array (entries [0, <see cref="LabelCount"/>)) that the caller returns to the pool.</returns>
    public int[] DiagonalGroups(out int groupCount)
    {
        int labels = LabelCount;
        int[] parent = PooledArray.Rent<int>(labels, clear: false);
        for (int i = 0; i < labels; i++)
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

        int[] group = PooledArray.Rent<int>(labels, clear: false);
        groupCount = 0;
        for (int l = 0; l < labels; l++)
        {
            int root = Find(parent, l);
            group[l] = root == l ? groupCount++ : group[root];
        }

        PooledArray.Return(ref parent);
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
            int size = Math.Max(16, checked(Count * 2));
            PooledArray.Grow(ref _start, size, Count);
            PooledArray.Grow(ref _end, size, Count);
            PooledArray.Grow(ref _value, size, Count);
            PooledArray.Grow(ref _label, size, Count);
        }

        _start[Count] = start;
        _end[Count] = end;
        _value[Count] = value;
        _label[Count] = valid ? Count : -1;
        Count++;
    }

    /// <summary>Unites the runs of each row r in [<paramref name="fromRow"/>, <paramref name="toRow"/>) with the touching runs of row r − 1.</summary>
    private void UnionRows(int fromRow, int toRow, bool eight, CancellationToken cancellationToken)
    {
        int[] parent = _label;
        for (int row = Math.Max(fromRow, 1); row < toRow; row++)
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
    }

    /// <summary>Numbers the components (union-find roots) in run order and gathers their statistics.</summary>
    private void Number()
    {
        int[] parent = _label;
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

        // Pixel counts are summed, so they start at zero; every label has a run, which sets its last row and value.
        long[] pixels = PooledArray.Rent<long>(labels, clear: true);
        int[] lastRow = PooledArray.Rent<int>(labels, clear: false);
        int[] value = PooledArray.Rent<int>(labels, clear: false);
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
        _labelPixels = pixels;
        _labelLastRow = lastRow;
        _labelValue = value;
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
