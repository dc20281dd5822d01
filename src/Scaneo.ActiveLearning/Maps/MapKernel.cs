using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Scaneo.ActiveLearning.Scoring;

namespace Scaneo.ActiveLearning.Maps;

/// <summary>
/// The per-pixel pass: softmax (for logits) and the measure across <see cref="Vector{T}"/> lanes, writing the map
/// and accumulating count, sum and max. Pixel vectors that hold nodata, masked pixels or invalid values drop to
/// an exact double-precision path for those pixels only, which also builds the error that names the pixel.
/// </summary>
/// <remarks>
/// Pixels are processed in chunks of <see cref="ChunkPixels"/> in stages (validate and find the top two, then for
/// logits the exponential sums, then the measure) rather than doing everything pixel vector by pixel vector: each
/// stage's iterations are independent, so the CPU overlaps the long exp dependency chains of consecutive vectors
/// (the fully vector-by-vector pass ran at about half the speed). The scratch rows stay in L1.
/// </remarks>
internal sealed class MapKernel
{
    private const float Ln2 = 0.693147180559945309f;

    // Bits of 1.0f.
    private const uint OneBits = 0x3F800000;

    /// <summary>Pixels per stage chunk: 4 scratch rows of 512 floats (8 KB) stay in L1 beside the input lines.</summary>
    public const int ChunkPixels = 512;

    private readonly float[] _data;
    private readonly int _plane;
    private readonly int _width;
    private readonly int _classes;
    private readonly UncertaintyMeasure _measure;
    private readonly ScoreInput _input;
    private readonly double _temperature;

    // Softmax runs in log₂ units: t = (z − max)·log₂e / T, so each term is one FMA and a 2^t.
    private readonly float _log2Scale;
    private readonly float _scale;
    private readonly bool _normalize;
    private readonly bool _checkNoData;
    private readonly bool _hasNoData;
    private readonly bool _noDataIsNaN;
    private readonly float _noData;
    private readonly byte[]? _mask;
    private readonly bool _needsSecond;

    public MapKernel(float[] data, int width, int height, int classes, UncertaintyMeasure measure, ScoreInput input, double temperature, bool normalize, double? noData, byte[]? mask)
    {
        _data = data;
        _width = width;
        _plane = width * height;
        _classes = classes;
        _measure = measure;
        _input = input;
        _temperature = temperature;
        _log2Scale = (float)(1.0 / (temperature * Math.Log(2)));
        _normalize = normalize;
        _scale = !normalize ? 1f : classes < 2 ? 0f : measure switch
        {
            UncertaintyMeasure.LeastConfidence => (float)classes / (classes - 1),
            UncertaintyMeasure.Entropy => (float)(1.0 / Math.Log(classes)),
            _ => 1f,
        };
        _hasNoData = noData.HasValue;
        _noDataIsNaN = noData is double nd && double.IsNaN(nd);

        // NaN nodata needs no comparison: NaN already fails the finiteness and range checks.
        _checkNoData = _hasNoData && !_noDataIsNaN;
        _noData = (float)(noData ?? 0);
        _mask = mask;
        _needsSecond = measure is UncertaintyMeasure.Margin or UncertaintyMeasure.Ratio;
    }

    /// <summary>Computes pixels [<paramref name="start"/>, <paramref name="end"/>) into <paramref name="output"/> (element 0 = pixel <paramref name="start"/>).</summary>
    public BlockStats Run(int start, int end, Span<float> output)
    {
        ref float o = ref MemoryMarshal.GetReference(output);
        int origin = start;
        int lanes = Vector<float>.Count;
        var stats = new Accumulator();
        Span<float> first = stackalloc float[ChunkPixels];
        Span<float> second = stackalloc float[ChunkPixels];
        Span<float> sum = stackalloc float[ChunkPixels];
        Span<float> weighted = stackalloc float[ChunkPixels];
        Span<bool> bad = stackalloc bool[ChunkPixels / Vector<float>.Count];
        var scratch = new Scratch(first, second, sum, weighted, bad);

        int i = start;
        while (end - i >= lanes)
        {
            int vectors = Math.Min(ChunkPixels, end - i) / lanes;
            RunChunk(i, vectors, ref Unsafe.Add(ref o, i - origin), scratch, ref stats);
            i += vectors * lanes;
        }

        for (; i < end; i++)
        {
            Unsafe.Add(ref o, i - origin) = Scalar(i, ref stats);
        }

        return stats.ToBlockStats();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Load(ref float d, nint index) =>
        Unsafe.ReadUnaligned<Vector<float>>(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref d, index)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref float d, nint index, Vector<float> value) =>
        Unsafe.WriteUnaligned(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref d, index)), value);

    /// <remarks><paramref name="o"/> is the output slot of pixel <paramref name="start"/>.</remarks>
    private void RunChunk(int start, int vectors, ref float o, Scratch scratch, ref Accumulator stats)
    {
        if (_input == ScoreInput.Logits)
        {
            ValidateLogits(start, vectors, scratch);
            if (_measure != UncertaintyMeasure.Ratio)
            {
                if (_measure == UncertaintyMeasure.Entropy)
                {
                    SumExponentials<WithEntropyTerms>(start, vectors, scratch);
                }
                else
                {
                    SumExponentials<WithoutEntropyTerms>(start, vectors, scratch);
                }
            }
        }
        else
        {
            if (_measure == UncertaintyMeasure.Entropy)
            {
                ValidateProbabilities<WithEntropyTerms>(start, vectors, scratch);
            }
            else
            {
                ValidateProbabilities<WithoutEntropyTerms>(start, vectors, scratch);
            }
        }

        Finish(start, vectors, ref o, scratch, ref stats);
    }

    /// <summary>Stage 1 (logits): flags vectors with nodata, masked or non-finite pixels; stores max (and runner-up) times log₂e / T.</summary>
    private void ValidateLogits(int start, int vectors, Scratch scratch)
    {
        ref float d = ref MemoryMarshal.GetArrayDataReference(_data);
        ref float m1Row = ref MemoryMarshal.GetReference(scratch.First);
        ref float m2Row = ref MemoryMarshal.GetReference(scratch.Second);
        int lanes = Vector<float>.Count;
        nint plane = _plane;
        int classes = _classes;
        bool needsSecond = _needsSecond;
        var noData = new Vector<float>(_noData);
        var scale = new Vector<float>(_log2Scale);
        for (int v = 0; v < vectors; v++)
        {
            nint i = start + (v * lanes);
            var m1 = new Vector<float>(float.NegativeInfinity);
            var m2 = m1;
            var total = Vector<float>.Zero;
            var flagged = Vector<int>.Zero;
            for (int c = 0; c < classes; c++)
            {
                Vector<float> x = Load(ref d, i + (c * plane));
                total += x;
                if (_checkNoData)
                {
                    flagged |= Vector.Equals(x, noData);
                }

                if (needsSecond)
                {
                    m2 = VectorMath.Max(m2, VectorMath.Min(m1, x));
                }

                m1 = VectorMath.Max(m1, x);
            }

            // NaN and ±∞ propagate into the sum, and s − s is 0 only for finite s: one check for all classes.
            // (A sum overflowing float only sends those pixels to the exact path.)
            flagged |= ~Vector.Equals(total - total, Vector<float>.Zero);
            scratch.Bad[v] = !Vector.EqualsAll(flagged, Vector<int>.Zero) || (_mask is not null && AnyMasked(_mask, (int)i));
            Store(ref m1Row, v * lanes, m1 * scale);
            if (needsSecond)
            {
                Store(ref m2Row, v * lanes, m2 * scale);
            }
        }
    }

    /// <summary>
    /// Stage 2 (logits): S = Σ 2^t and, for entropy, A = Σ 2^t·t with t = (z − max)·log₂e / T, per pixel vector over
    /// the classes, with S and A in registers. The C exponentials of a vector are independent chains, and
    /// consecutive vectors are too; this order beat one pass per pair of classes through scratch rows by 5–10%
    /// (least confidence and entropy from logits, L1-resident and full-size).
    /// </summary>
    private void SumExponentials<TEntropy>(int start, int vectors, Scratch scratch)
        where TEntropy : struct, IEntropyFlag
    {
        ref float d = ref MemoryMarshal.GetArrayDataReference(_data);
        ref float m1Row = ref MemoryMarshal.GetReference(scratch.First);
        ref float sRow = ref MemoryMarshal.GetReference(scratch.Sum);
        ref float aRow = ref MemoryMarshal.GetReference(scratch.Weighted);
        int lanes = Vector<float>.Count;
        int count = vectors * lanes;
        var scale = new Vector<float>(_log2Scale);
        nint plane = _plane;
        int classes = _classes;
        for (int j = 0; j < count; j += lanes)
        {
            Vector<float> m = Load(ref m1Row, j);
            var sum = Vector<float>.Zero;
            var weighted = Vector<float>.Zero;
            nint b = start + j;
            for (int c = 0; c < classes; c++, b += plane)
            {
                Vector<float> t = VectorMath.MultiplyAdd(Load(ref d, b), scale, -m);
                Vector<float> e = VectorMath.Exp2NonPositive(t);
                sum += e;
                if (TEntropy.Enabled)
                {
                    weighted = VectorMath.MultiplyAdd(e, t, weighted);
                }
            }

            Store(ref sRow, j, sum);
            if (TEntropy.Enabled)
            {
                Store(ref aRow, j, weighted);
            }
        }
    }

    /// <summary>
    /// Stage 1 (probabilities): flags vectors out of [0, 1], not summing to 1, nodata or masked; stores the top two
    /// and, for entropy, Σ p ln p (= −H, negated in <see cref="Finish"/>). The logs are computed here rather than
    /// in a stage of their own: the C logs of one pixel vector are independent chains already, and one pass saves
    /// reloading the inputs and a scratch row per class (entropy of probabilities ~10% faster).
    /// </summary>
    private void ValidateProbabilities<TEntropy>(int start, int vectors, Scratch scratch)
        where TEntropy : struct, IEntropyFlag
    {
        ref float hRow = ref MemoryMarshal.GetReference(scratch.Sum);
        ref float d = ref MemoryMarshal.GetArrayDataReference(_data);
        ref float m1Row = ref MemoryMarshal.GetReference(scratch.First);
        ref float m2Row = ref MemoryMarshal.GetReference(scratch.Second);
        int lanes = Vector<float>.Count;
        nint plane = _plane;
        int classes = _classes;
        bool needsSecond = _needsSecond;
        var noData = new Vector<float>(_noData);
        var tolerance = new Vector<float>((float)ProbabilityMath.SumTolerance);
        for (int v = 0; v < vectors; v++)
        {
            nint i = start + (v * lanes);
            var m1 = Vector<float>.Zero;
            var m2 = Vector<float>.Zero;
            var s = Vector<float>.Zero;
            var flagged = Vector<int>.Zero;
            var highestBits = Vector<uint>.Zero;
            var h = Vector<float>.Zero;
            for (int c = 0; c < classes; c++)
            {
                Vector<float> x = Load(ref d, i + (c * plane));
                if (TEntropy.Enabled)
                {
                    // 0·ln 0 = 0: the log of 0 (or of a subnormal) is finite, about −88, and multiplied by 0. Lanes
                    // out of range give garbage here, but their vector is recomputed exactly.
                    h = VectorMath.MultiplyAdd(x, VectorMath.Log(x), h);
                }

                // Read as unsigned integers, exactly the floats in [+0, 1] are at most 1.0's bits: negatives (−0
                // included, which the exact path then accepts) have the sign bit set and NaN and ∞ are larger. One
                // integer max per class instead of two comparisons and three logic operations.
                highestBits = Vector.Max(highestBits, Vector.AsVectorUInt32(x));
                if (_checkNoData)
                {
                    flagged |= Vector.Equals(x, noData);
                }

                s += x;
                if (needsSecond)
                {
                    m2 = VectorMath.Max(m2, VectorMath.Min(m1, x));
                }

                m1 = VectorMath.Max(m1, x);
            }

            flagged |= Vector.AsVectorInt32(Vector.GreaterThan(highestBits, new Vector<uint>(OneBits)));
            flagged |= Vector.GreaterThan(Vector.Abs(s - Vector<float>.One), tolerance);
            scratch.Bad[v] = !Vector.EqualsAll(flagged, Vector<int>.Zero) || (_mask is not null && AnyMasked(_mask, (int)i));
            Store(ref m1Row, v * lanes, m1);
            if (TEntropy.Enabled)
            {
                Store(ref hRow, v * lanes, h);
            }

            if (needsSecond)
            {
                Store(ref m2Row, v * lanes, m2);
            }
        }
    }

    /// <summary>Stage 3: the measure from the stage rows, written to the map; flagged vectors go to the exact path.</summary>
    /// <remarks><paramref name="o"/> is the output slot of pixel <paramref name="start"/>.</remarks>
    private void Finish(int start, int vectors, ref float o, Scratch scratch, ref Accumulator stats)
    {
        ref float m1Row = ref MemoryMarshal.GetReference(scratch.First);
        ref float m2Row = ref MemoryMarshal.GetReference(scratch.Second);
        ref float sRow = ref MemoryMarshal.GetReference(scratch.Sum);
        ref float aRow = ref MemoryMarshal.GetReference(scratch.Weighted);
        int lanes = Vector<float>.Count;
        var scale = new Vector<float>(_scale);
        var ln2 = new Vector<float>(Ln2);
        bool logits = _input == ScoreInput.Logits;
        for (int v = 0; v < vectors; v++)
        {
            int j = v * lanes;
            int i = start + j;
            if (scratch.Bad[v])
            {
                for (int k = i; k < i + lanes; k++)
                {
                    Unsafe.Add(ref o, k - start) = Scalar(k, ref stats);
                }

                continue;
            }

            Vector<float> u;
            if (logits)
            {
                u = _measure switch
                {
                    // p(1) = e^0 / S = 1 / S.
                    UncertaintyMeasure.LeastConfidence => Vector<float>.One - VectorMath.Reciprocal(Load(ref sRow, j)),

                    // p(2) / p(1) = e2 with e2 = 2^(t₂ − t₁); 1 − margin = 1 − (1 − e2) / S.
                    UncertaintyMeasure.Ratio => VectorMath.Exp2NonPositive(Load(ref m2Row, j) - Load(ref m1Row, j)),
                    UncertaintyMeasure.Margin => Vector<float>.One
                        - ((Vector<float>.One - VectorMath.Exp2NonPositive(Load(ref m2Row, j) - Load(ref m1Row, j))) * VectorMath.Reciprocal(Load(ref sRow, j))),

                    // H = −Σ p ln p with ln p = t·ln 2 − ln S: H = ln S − ln 2 · Σ e·t / S (one log per pixel).
                    _ => VectorMath.Log(Load(ref sRow, j)) - (ln2 * Load(ref aRow, j) * VectorMath.Reciprocal(Load(ref sRow, j))),
                };
            }
            else
            {
                u = _measure switch
                {
                    UncertaintyMeasure.LeastConfidence => Vector<float>.One - Load(ref m1Row, j),
                    UncertaintyMeasure.Margin => Vector<float>.One - (Load(ref m1Row, j) - Load(ref m2Row, j)),
                    UncertaintyMeasure.Ratio => Load(ref m2Row, j) / Load(ref m1Row, j),
                    _ => -Load(ref sRow, j),
                };
            }

            if (_normalize)
            {
                u *= scale;
            }

            // Rounding can leave −1e−8 for a one-hot pixel; uncertainty is never negative.
            u = VectorMath.Max(u, Vector<float>.Zero);
            Store(ref o, j, u);
            stats.Add(u);
        }

        stats.Flush();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AnyMasked(byte[] mask, int i)
    {
        // A zero byte among the next Vector<float>.Count mask bytes (8 with AVX2, 4 with SSE, 16 with AVX-512).
        for (int k = i; k < i + Vector<float>.Count; k++)
        {
            if (mask[k] == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The exact double-precision path for one pixel: its value, or NaN for nodata/masked.</summary>
    private float Scalar(int i, ref Accumulator stats)
    {
        int classes = _classes;
        Span<double> values = classes <= 128 ? stackalloc double[classes] : new double[classes];
        Span<double> p = classes <= 128 ? stackalloc double[classes] : new double[classes];
        bool valid = _mask is null || _mask[i] != 0;
        for (int c = 0; c < classes && valid; c++)
        {
            float x = _data[i + (c * _plane)];
            if (_hasNoData && (_noDataIsNaN ? float.IsNaN(x) : x == _noData))
            {
                valid = false;
            }

            values[c] = x;
        }

        if (!valid)
        {
            return float.NaN;
        }

        if (!ProbabilityMath.TryToProbabilities(values, _input, _temperature, p))
        {
            string where = string.Create(CultureInfo.InvariantCulture, $"pixel (row {i / _width}, column {i % _width})");
            ProbabilityMath.ToProbabilities(values, _input, _temperature, p, where, i);
        }

        float u = (float)ProbabilityMath.Measure(p, _measure, _normalize);
        stats.Add(u);
        return u;
    }

    /// <summary>Compile-time switch for the entropy terms (Σ 2^t·t for logits, Σ p ln p for probabilities), so the other measures' loops carry no dead work.</summary>
    private interface IEntropyFlag
    {
        static abstract bool Enabled { get; }
    }

    private readonly struct WithEntropyTerms : IEntropyFlag
    {
        public static bool Enabled => true;
    }

    private readonly struct WithoutEntropyTerms : IEntropyFlag
    {
        public static bool Enabled => false;
    }

    /// <summary>The per-chunk scratch rows (stack memory owned by <see cref="Run"/>).</summary>
    private readonly ref struct Scratch(Span<float> first, Span<float> second, Span<float> sum, Span<float> weighted, Span<bool> bad)
    {
        public Span<float> First { get; } = first;

        public Span<float> Second { get; } = second;

        public Span<float> Sum { get; } = sum;

        public Span<float> Weighted { get; } = weighted;

        public Span<bool> Bad { get; } = bad;
    }

    /// <summary>Count, sum and max of the valid pixels; float lanes are flushed to a double sum once per chunk.</summary>
    private struct Accumulator
    {
        private Vector<float> _lanes;
        private Vector<float> _laneMax;
        private double _sum;
        private long _count;
        private float _max;

        public Accumulator()
        {
            _laneMax = new Vector<float>(float.NegativeInfinity);
            _max = float.NegativeInfinity;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(Vector<float> u)
        {
            _lanes += u;
            _laneMax = VectorMath.Max(_laneMax, u);
            _count += Vector<float>.Count;
        }

        public void Add(float u)
        {
            _sum += u;
            _count++;
            _max = Math.Max(_max, u);
        }

        /// <summary>Moves the float lanes into the double sum, so the image sum keeps double accuracy on 100 Mpx maps.</summary>
        public void Flush()
        {
            _sum += Vector.Sum(_lanes);
            _lanes = Vector<float>.Zero;
        }

        public BlockStats ToBlockStats()
        {
            Flush();
            float max = _max;
            for (int l = 0; l < Vector<float>.Count; l++)
            {
                max = Math.Max(max, _laneMax[l]);
            }

            return new BlockStats(_sum, _count, max);
        }
    }
}
