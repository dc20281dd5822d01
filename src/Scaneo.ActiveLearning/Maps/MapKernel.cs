using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Scaneo.ActiveLearning.Scoring;

namespace Scaneo.ActiveLearning.Maps;

/// <summary>
/// The fused per-pixel pass: reads the C band values of <see cref="Vector{T}.Count"/> pixels at a time, computes
/// softmax (for logits) and the measure in registers, writes the map and accumulates count, sum and max. Lanes
/// that hold nodata, masked pixels or invalid values drop to an exact double-precision path for those pixels
/// only, which also builds the error that names the pixel.
/// </summary>
internal sealed class MapKernel
{
    private readonly float[] _data;
    private readonly int _plane;
    private readonly int _width;
    private readonly int _classes;
    private readonly UncertaintyMeasure _measure;
    private readonly ScoreInput _input;
    private readonly double _temperature;
    private readonly float _inverseTemperature;
    private readonly float _scale;
    private readonly bool _normalize;
    private readonly bool _hasNoData;
    private readonly bool _noDataIsNaN;
    private readonly float _noData;
    private readonly byte[]? _mask;

    public MapKernel(float[] data, int width, int height, int classes, UncertaintyMeasure measure, ScoreInput input, double temperature, bool normalize, double? noData, byte[]? mask)
    {
        _data = data;
        _width = width;
        _plane = width * height;
        _classes = classes;
        _measure = measure;
        _input = input;
        _temperature = temperature;
        _inverseTemperature = (float)(1.0 / temperature);
        _normalize = normalize;
        _scale = !normalize ? 1f : classes < 2 ? 0f : measure switch
        {
            UncertaintyMeasure.LeastConfidence => (float)classes / (classes - 1),
            UncertaintyMeasure.Entropy => (float)(1.0 / Math.Log(classes)),
            _ => 1f,
        };
        _hasNoData = noData.HasValue;
        _noDataIsNaN = noData is double nd && double.IsNaN(nd);
        _noData = (float)(noData ?? 0);
        _mask = mask;
    }

    public BlockStats Run(int start, int end, float[] output)
    {
        int lanes = Vector<float>.Count;
        double sum = 0;
        long count = 0;
        float max = float.NegativeInfinity;
        var sumAcc = Vector<float>.Zero;
        var maxAcc = new Vector<float>(float.NegativeInfinity);
        int pending = 0;
        ref float o = ref MemoryMarshal.GetArrayDataReference(output);
        int i = start;
        for (; i <= end - lanes; i += lanes)
        {
            if ((_mask is null || AllValid(_mask, i, lanes)) && TryVector(i, out Vector<float> u))
            {
                Unsafe.WriteUnaligned(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref o, i)), u);
                sumAcc += u;
                maxAcc = Vector.Max(maxAcc, u);
                count += lanes;

                // Flush the float lanes often so the image sum keeps double accuracy on 100 Mpx maps.
                if (++pending == 64)
                {
                    sum += Vector.Sum(sumAcc);
                    sumAcc = Vector<float>.Zero;
                    pending = 0;
                }
            }
            else
            {
                for (int k = i; k < i + lanes; k++)
                {
                    Scalar(k, output, ref sum, ref count, ref max);
                }
            }
        }

        for (; i < end; i++)
        {
            Scalar(i, output, ref sum, ref count, ref max);
        }

        sum += Vector.Sum(sumAcc);
        for (int l = 0; l < lanes; l++)
        {
            max = Math.Max(max, maxAcc[l]);
        }

        return new BlockStats(sum, count, max);
    }

    private static bool AllValid(byte[] mask, int i, int lanes)
    {
        for (int k = i; k < i + lanes; k++)
        {
            if (mask[k] == 0)
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Load(ref float d, nint index) =>
        Unsafe.ReadUnaligned<Vector<float>>(ref Unsafe.As<float, byte>(ref Unsafe.Add(ref d, index)));

    private bool TryVector(int i, out Vector<float> u)
    {
        ref float d = ref MemoryMarshal.GetArrayDataReference(_data);
        nint plane = _plane;
        int classes = _classes;
        var bad = Vector<int>.Zero;
        var noData = new Vector<float>(_noData);
        bool checkNoData = _hasNoData && !_noDataIsNaN;
        var m1 = new Vector<float>(float.NegativeInfinity);

        if (_input == ScoreInput.Logits)
        {
            var m2 = m1;
            var total = Vector<float>.Zero;
            for (int c = 0; c < classes; c++)
            {
                Vector<float> x = Load(ref d, i + (c * plane));
                total += x;
                if (checkNoData)
                {
                    bad |= Vector.Equals(x, noData);
                }

                m2 = Vector.Max(m2, Vector.Min(m1, x));
                m1 = Vector.Max(m1, x);
            }

            // NaN and ±∞ propagate into the sum, and s − s is 0 only for finite s: one check for all classes.
            // (A sum overflowing float only sends those pixels to the exact path.)
            bad |= ~Vector.Equals(total - total, Vector<float>.Zero);
            if (!Vector.EqualsAll(bad, Vector<int>.Zero))
            {
                u = default;
                return false;
            }

            var invT = new Vector<float>(_inverseTemperature);
            bool unitT = _inverseTemperature == 1f;
            Vector<float> e2 = VectorMath.Exp(unitT ? m2 - m1 : (m2 - m1) * invT);
            if (_measure == UncertaintyMeasure.Ratio)
            {
                u = e2;
            }
            else
            {
                var s = Vector<float>.Zero;
                var a = Vector<float>.Zero;
                bool entropy = _measure == UncertaintyMeasure.Entropy;
                for (int c = 0; c < classes; c++)
                {
                    Vector<float> y = Load(ref d, i + (c * plane)) - m1;
                    if (!unitT)
                    {
                        y *= invT;
                    }

                    Vector<float> e = VectorMath.Exp(y);
                    s += e;
                    if (entropy)
                    {
                        a = VectorMath.MultiplyAdd(e, y, a);
                    }
                }

                u = _measure switch
                {
                    // p(1) = e^0 / S = 1 / S; p(2) = e2 / S.
                    UncertaintyMeasure.LeastConfidence => Vector<float>.One - (Vector<float>.One / s),
                    UncertaintyMeasure.Margin => Vector<float>.One - ((Vector<float>.One - e2) / s),

                    // H = −Σ p ln p with ln p = y − ln S: H = ln S − Σ e·y / S (one log per pixel).
                    _ => VectorMath.Log(s) - (a / s),
                };
            }
        }
        else
        {
            var m2 = Vector<float>.Zero;
            var s = Vector<float>.Zero;
            var h = Vector<float>.Zero;
            bool entropy = _measure == UncertaintyMeasure.Entropy;
            var tiny = new Vector<float>(1.17549435e-38f);
            for (int c = 0; c < classes; c++)
            {
                Vector<float> x = Load(ref d, i + (c * plane));

                // NaN fails both comparisons, so this also rejects NaN.
                bad |= ~(Vector.GreaterThanOrEqual(x, Vector<float>.Zero) & Vector.LessThanOrEqual(x, Vector<float>.One));
                if (checkNoData)
                {
                    bad |= Vector.Equals(x, noData);
                }

                s += x;
                m2 = Vector.Max(m2, Vector.Min(m1, x));
                m1 = Vector.Max(m1, x);
                if (entropy)
                {
                    // 0·ln 0 = 0: ln of the smallest normal float is finite and multiplied by 0.
                    h -= x * VectorMath.Log(Vector.Max(x, tiny));
                }
            }

            bad |= Vector.GreaterThan(Vector.Abs(s - Vector<float>.One), new Vector<float>((float)ProbabilityMath.SumTolerance));
            if (!Vector.EqualsAll(bad, Vector<int>.Zero))
            {
                u = default;
                return false;
            }

            u = _measure switch
            {
                UncertaintyMeasure.LeastConfidence => Vector<float>.One - m1,
                UncertaintyMeasure.Margin => Vector<float>.One - (m1 - m2),
                UncertaintyMeasure.Ratio => m2 / m1,
                _ => h,
            };
        }

        if (_normalize)
        {
            u *= new Vector<float>(_scale);
        }

        // Rounding can leave −1e−8 for a one-hot pixel; uncertainty is never negative.
        u = Vector.Max(u, Vector<float>.Zero);
        return true;
    }

    private void Scalar(int i, float[] output, ref double sum, ref long count, ref float max)
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
            output[i] = float.NaN;
            return;
        }

        if (!ProbabilityMath.TryToProbabilities(values, _input, _temperature, p))
        {
            string where = string.Create(CultureInfo.InvariantCulture, $"pixel (row {i / _width}, column {i % _width})");
            ProbabilityMath.ToProbabilities(values, _input, _temperature, p, where, i);
        }

        float u = (float)ProbabilityMath.Measure(p, _measure, _normalize);
        output[i] = u;
        sum += u;
        count++;
        max = Math.Max(max, u);
    }
}
