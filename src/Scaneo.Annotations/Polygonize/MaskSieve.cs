using System.Numerics;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// GDALSieveFilter on a copy of a band: regions smaller than the threshold take the value of their largest
/// neighbour, following chains of small neighbours to a large one; a small region with no large region at the end
/// of its chain stays. Nodata, excluded and masked-out pixels never change and are nobody's neighbour.
/// </summary>
internal static class MaskSieve
{
    /// <summary>Sieves <paramref name="band"/> (<paramref name="width"/> × <paramref name="height"/> pixels) in place.</summary>
    public static void Apply<T>(Span<T> band, int width, int height, ReadOnlySpan<byte> validity, ValueFilter filter, Connectivity connectivity, int threshold, CancellationToken cancellationToken)
        where T : unmanaged, IBinaryInteger<T>
    {
        bool eight = connectivity == Connectivity.Eight;
        RunTable runs = RunTable.Build<T>(band.Slice(0, width * height), width, height, validity, filter, eight, cancellationToken);

        // Rented scratch (see PooledArray): every label's largest neighbour starts unknown, and each row's labels
        // are written over the whole width (the runs of a row cover it) before they are read.
        int[] big = PooledArray.Rent<int>(runs.LabelCount, clear: false);
        int[] previous = PooledArray.Rent<int>(width, clear: false);
        int[] current = PooledArray.Rent<int>(width, clear: false);
        try
        {
            Sieve(band, width, height, runs, eight, threshold, big, previous, current);
        }
        finally
        {
            PooledArray.Return(ref current);
            PooledArray.Return(ref previous);
            PooledArray.Return(ref big);
            runs.Release();
        }
    }

    private static void Sieve<T>(Span<T> band, int width, int height, RunTable runs, bool eight, int threshold, int[] big, int[] previous, int[] current)
        where T : unmanaged, IBinaryInteger<T>
    {
        int labels = runs.LabelCount;
        long[] size = runs.LabelPixels;
        big.AsSpan(0, labels).Fill(-1);
        ReadOnlySpan<int> end = runs.End;
        ReadOnlySpan<int> label = runs.Label;
        ReadOnlySpan<int> start = runs.Start;

        // Largest neighbours are found pixel by pixel in GDAL's order (above, above-left, above-right, left),
        // because a strictly-larger rule makes ties go to the neighbour met first.
        for (int row = 0; row < height; row++)
        {
            for (int j = runs.RowOffset[row]; j < runs.RowOffset[row + 1]; j++)
            {
                current.AsSpan(start[j], end[j] - start[j]).Fill(label[j]);
            }

            for (int x = 0; x < width; x++)
            {
                int a = current[x];
                if (a < 0)
                {
                    continue;
                }

                if (row > 0)
                {
                    Compare(a, previous[x], size, big);
                    if (eight && x > 0)
                    {
                        Compare(a, previous[x - 1], size, big);
                    }

                    if (eight && x < width - 1)
                    {
                        Compare(a, previous[x + 1], size, big);
                    }
                }

                if (x > 0)
                {
                    Compare(a, current[x - 1], size, big);
                }
            }

            (previous, current) = (current, previous);
        }

        // Follow each small region's chain of largest neighbours to a region at least as large as the
        // threshold (GDAL's order and rules, including giving up on cycles and dead ends).
        var seen = new HashSet<int>();
        for (int p = 0; p < labels; p++)
        {
            if (size[p] >= threshold)
            {
                big[p] = -1;
                continue;
            }

            if (big[p] < 0)
            {
                continue;
            }

            seen.Clear();
            seen.Add(p);
            int final = p;
            bool found = false;
            while (!found)
            {
                final = big[final];
                if (final < 0 || !seen.Add(final))
                {
                    break;
                }

                found = size[final] >= threshold;
            }

            if (!found)
            {
                big[p] = -1;
                continue;
            }

            int cur = big[p];
            while (size[cur] < threshold)
            {
                int next = big[cur];
                big[cur] = final;
                cur = next;
            }

            big[p] = final;
        }

        for (int row = 0; row < height; row++)
        {
            for (int j = runs.RowOffset[row]; j < runs.RowOffset[row + 1]; j++)
            {
                int l = label[j];
                if (l >= 0 && big[l] >= 0)
                {
                    T target = T.CreateTruncating(runs.LabelValue[big[l]]);
                    band.Slice((row * width) + start[j], end[j] - start[j]).Fill(target);
                }
            }
        }
    }

    private static void Compare(int a, int b, long[] size, int[] big)
    {
        if (a < 0 || b < 0 || a == b)
        {
            return;
        }

        if (big[a] == -1 || size[big[a]] < size[b])
        {
            big[a] = b;
        }

        if (big[b] == -1 || size[big[b]] < size[a])
        {
            big[b] = a;
        }
    }
}
