using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Scaneo.ActiveLearning.Selection;

/// <summary>
/// k-center greedy (core-set, Sener &amp; Savarese): repeatedly picks the candidate farthest (Euclidean) from every
/// labelled or already-picked point. Keeps each candidate's distance to its nearest center and updates it in one
/// O(N·D) SIMD pass per pick, in parallel, fused with the search for the next farthest point.
/// </summary>
/// <example>
/// <code>
/// SelectionResult r = KCenterGreedySelector.Select(features, labelled: [0, 5], k: 100);
/// </code>
/// </example>
public sealed class KCenterGreedySelector
{
    private const int RowsPerChunk = 2048;
    private readonly float[] _data;
    private readonly int _count;
    private readonly int _dimension;
    private int _maxDegreeOfParallelism = -1;

    /// <summary>Initializes a selector over feature vectors (copied into one contiguous block).</summary>
    /// <param name="features">One vector per candidate, all of the same positive length, finite.</param>
    /// <exception cref="UncertaintyInputException">No vectors, different lengths, or a non-finite value (named by row and column).</exception>
    public KCenterGreedySelector(IReadOnlyList<float[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count == 0 || features[0] is not { Length: > 0 })
        {
            throw new UncertaintyInputException("features: expected at least one non-empty feature vector, found none.");
        }

        _count = features.Count;
        _dimension = features[0].Length;
        _data = new float[(long)_count * _dimension];
        for (int i = 0; i < _count; i++)
        {
            float[]? row = features[i];
            if (row is null || row.Length != _dimension)
            {
                throw new UncertaintyInputException(
                    string.Create(CultureInfo.InvariantCulture, $"row {i}: expected a feature vector of length {_dimension} like row 0, found {row?.Length.ToString(CultureInfo.InvariantCulture) ?? "null"}."), i);
            }

            for (int j = 0; j < row.Length; j++)
            {
                if (!float.IsFinite(row[j]))
                {
                    throw new UncertaintyInputException(
                        string.Create(CultureInfo.InvariantCulture, $"row {i}, column {j}: expected a finite feature, found {row[j]}."), i, j);
                }
            }

            row.CopyTo(_data, (long)i * _dimension);
        }
    }

    /// <summary>Gets or sets the indices of already-labelled candidates (centers from the start, never picked).</summary>
    public IReadOnlyCollection<int> Labelled { get; set; } = [];

    /// <summary>Gets or sets the seed choosing the first center when nothing is labelled.</summary>
    public int Seed { get; set; }

    /// <summary>Gets or sets the maximum number of threads (−1 = all cores).</summary>
    /// <exception cref="ArgumentOutOfRangeException">0 or below −1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        set
        {
            if (value == 0 || value < -1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Use −1 for all cores or a positive thread count.");
            }

            _maxDegreeOfParallelism = value;
        }
    }

    /// <summary>Picks k candidates with default settings.</summary>
    /// <param name="features">One vector per candidate.</param>
    /// <param name="labelled">Indices already labelled.</param>
    /// <param name="k">Batch size (capped at the unlabelled count).</param>
    /// <param name="seed">Seed of the first center when nothing is labelled.</param>
    /// <returns>Every candidate with its distance to the nearest center, and the picks in order.</returns>
    /// <exception cref="UncertaintyInputException">Invalid features.</exception>
    public static SelectionResult Select(IReadOnlyList<float[]> features, IReadOnlyCollection<int> labelled, int k, int seed = 0) =>
        new KCenterGreedySelector(features) { Labelled = labelled, Seed = seed }.Select(k);

    /// <summary>Picks k candidates.</summary>
    /// <param name="k">Batch size (capped at the unlabelled count).</param>
    /// <param name="cancellationToken">Cancels between picks.</param>
    /// <returns>Every candidate with its distance to the nearest center (at pick time for picked ones), and the picks in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Negative k or a labelled index outside the candidates.</exception>
    public SelectionResult Select(int k, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var labelled = Labelled ?? [];
        float[] minDist = new float[_count];
        Array.Fill(minDist, float.PositiveInfinity);
        bool[] isCenter = new bool[_count];
        foreach (int l in labelled)
        {
            if ((uint)l >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(Labelled), l, $"Labelled indices must be in [0, {_count}).");
            }

            isCenter[l] = true;
        }

        int take = Math.Min(k, _count - isCenter.Count(c => c));
        var entries = new SelectionEntry[_count];
        for (int i = 0; i < _count; i++)
        {
            entries[i] = new SelectionEntry(i, 0);
        }

        var picked = new List<int>(take);
        int next = -1;
        foreach (int l in labelled.Distinct())
        {
            cancellationToken.ThrowIfCancellationRequested();
            next = Update(l, minDist, isCenter);
        }

        if (take > 0 && next < 0)
        {
            // Nothing labelled: the first center is a seeded random candidate (its distance is undefined: +∞).
            next = new Random(Seed).Next(_count);
        }

        for (int r = 0; r < take; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int pick = next;
            entries[pick].PickOrder = r;
            entries[pick].Score = Math.Sqrt(minDist[pick]);
            picked.Add(pick);
            isCenter[pick] = true;
            next = Update(pick, minDist, isCenter);
        }

        for (int i = 0; i < _count; i++)
        {
            if (entries[i].PickOrder is null)
            {
                entries[i].Score = isCenter[i] ? 0 : Math.Sqrt(minDist[i]);
            }
        }

        return new SelectionResult(SelectionStrategy.KCenterGreedy, Seed, null, entries, picked);
    }

    /// <summary>Lowers every distance by the new center's and returns the farthest non-center (−1 if none).</summary>
    private int Update(int center, float[] minDist, bool[] isCenter)
    {
        minDist[center] = 0;
        int chunks = (_count + RowsPerChunk - 1) / RowsPerChunk;
        var best = new (float Distance, int Index)[chunks];
        if (chunks == 1 || _maxDegreeOfParallelism == 1)
        {
            for (int c = 0; c < chunks; c++)
            {
                best[c] = UpdateChunk(c, center, minDist, isCenter);
            }
        }
        else
        {
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = _maxDegreeOfParallelism }, c => best[c] = UpdateChunk(c, center, minDist, isCenter));
        }

        // Chunks compared in order, first index wins ties: the result does not depend on threads.
        (float d, int index) = (-1, -1);
        foreach (var b in best)
        {
            if (b.Distance > d)
            {
                (d, index) = b;
            }
        }

        return index;
    }

    private (float Distance, int Index) UpdateChunk(int chunk, int center, float[] minDist, bool[] isCenter)
    {
        int start = chunk * RowsPerChunk;
        int end = Math.Min(_count, start + RowsPerChunk);
        ReadOnlySpan<float> c = _data.AsSpan(center * _dimension, _dimension);
        float bestDistance = -1;
        int bestIndex = -1;
        for (int i = start; i < end; i++)
        {
            if (isCenter[i])
            {
                continue;
            }

            float d = SquaredDistance(_data.AsSpan(i * _dimension, _dimension), c);
            float m = minDist[i];
            if (d < m)
            {
                minDist[i] = m = d;
            }

            if (m > bestDistance)
            {
                bestDistance = m;
                bestIndex = i;
            }
        }

        return (bestDistance, bestIndex);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int lanes = Vector<float>.Count;
        var acc = Vector<float>.Zero;
        var acc2 = Vector<float>.Zero;
        ref float ra = ref MemoryMarshal.GetReference(a);
        ref float rb = ref MemoryMarshal.GetReference(b);
        int j = 0;

        // Two independent accumulators hide the add latency (128-d rows are 16 AVX2 steps).
        for (; j <= a.Length - (2 * lanes); j += 2 * lanes)
        {
            Vector<float> d = Unsafe.ReadUnaligned<Vector<float>>(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref ra, j)))
                - Unsafe.ReadUnaligned<Vector<float>>(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref rb, j)));
            Vector<float> e = Unsafe.ReadUnaligned<Vector<float>>(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref ra, j + lanes)))
                - Unsafe.ReadUnaligned<Vector<float>>(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref rb, j + lanes)));
            acc += d * d;
            acc2 += e * e;
        }

        for (; j <= a.Length - lanes; j += lanes)
        {
            Vector<float> d = Unsafe.ReadUnaligned<Vector<float>>(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref ra, j)))
                - Unsafe.ReadUnaligned<Vector<float>>(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref rb, j)));
            acc += d * d;
        }

        acc += acc2;
        float s = Vector.Sum(acc);
        for (; j < a.Length; j++)
        {
            float d = a[j] - b[j];
            s += d * d;
        }

        return s;
    }
}
