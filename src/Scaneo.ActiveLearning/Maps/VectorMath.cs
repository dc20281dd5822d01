using System.Numerics;
using System.Runtime.CompilerServices;

namespace Scaneo.ActiveLearning.Maps;

/// <summary>
/// Single-precision exp and log across <see cref="Vector{T}"/> lanes (Cephes polynomials, ~1–2 ulp), written
/// here rather than taken from <c>Vector256.Exp</c> so net8.0 gets the same code and the same results as net10.0.
/// The maps built on them are tested against a double-precision computation to 1e-5.
/// </summary>
internal static class VectorMath
{
    private const float ExpHigh = 88.3762626647949f;

    // exp(−87.33654) ≈ 1.2e−38 keeps 2^n a normal float; smaller values contribute < 1e−36 to any sum here.
    private const float ExpLow = -87.33654f;
    private const float Log2E = 1.44269504088896341f;
    private const float Ln2Hi = 0.693359375f;
    private const float Ln2Lo = -2.12194440e-4f;
    private const float SqrtHalf = 0.707106781186547524f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> MultiplyAdd(Vector<float> a, Vector<float> b, Vector<float> c)
    {
#if NET9_0_OR_GREATER
        return Vector.FusedMultiplyAdd(a, b, c);
#else
        return (a * b) + c;
#endif
    }

    /// <summary>e^x per lane; inputs below −87.3 give ~1.2e−38 instead of a denormal or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Exp(Vector<float> x)
    {
        x = Vector.Min(Vector.Max(x, new Vector<float>(ExpLow)), new Vector<float>(ExpHigh));
        Vector<float> fx = Vector.Floor(MultiplyAdd(x, new Vector<float>(Log2E), new Vector<float>(0.5f)));
        Vector<float> r = x - (fx * new Vector<float>(Ln2Hi)) - (fx * new Vector<float>(Ln2Lo));
        Vector<float> p = new(1.9875691500E-4f);
        p = MultiplyAdd(p, r, new Vector<float>(1.3981999507E-3f));
        p = MultiplyAdd(p, r, new Vector<float>(8.3334519073E-3f));
        p = MultiplyAdd(p, r, new Vector<float>(4.1665795894E-2f));
        p = MultiplyAdd(p, r, new Vector<float>(1.6666665459E-1f));
        p = MultiplyAdd(p, r, new Vector<float>(5.0000001201E-1f));
        p = MultiplyAdd(p, r * r, r + Vector<float>.One);
        Vector<int> n = Vector.ConvertToInt32(fx);
        Vector<float> pow2n = Vector.AsVectorSingle(Vector.ShiftLeft(n + new Vector<int>(127), 23));
        return p * pow2n;
    }

    /// <summary>Natural log per lane for positive normal inputs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log(Vector<float> x)
    {
        Vector<int> bits = Vector.AsVectorInt32(x);
        Vector<float> e = Vector.ConvertToSingle(Vector.ShiftRightLogical(bits, 23) - new Vector<int>(126));
        Vector<float> m = Vector.AsVectorSingle((bits & new Vector<int>(0x007FFFFF)) | new Vector<int>(0x3F000000));

        // m in [0.5, 1): fold to [sqrt(1/2), sqrt(2)) − 1 so the polynomial stays accurate.
        Vector<int> small = Vector.LessThan(m, new Vector<float>(SqrtHalf));
        e -= Vector.ConditionalSelect(small, Vector<float>.One, Vector<float>.Zero);
        m = m + Vector.ConditionalSelect(small, m, Vector<float>.Zero) - Vector<float>.One;
        Vector<float> z = m * m;
        Vector<float> y = new(7.0376836292E-2f);
        y = MultiplyAdd(y, m, new Vector<float>(-1.1514610310E-1f));
        y = MultiplyAdd(y, m, new Vector<float>(1.1676998740E-1f));
        y = MultiplyAdd(y, m, new Vector<float>(-1.2420140846E-1f));
        y = MultiplyAdd(y, m, new Vector<float>(1.4249322787E-1f));
        y = MultiplyAdd(y, m, new Vector<float>(-1.6668057665E-1f));
        y = MultiplyAdd(y, m, new Vector<float>(2.0000714765E-1f));
        y = MultiplyAdd(y, m, new Vector<float>(-2.4999993993E-1f));
        y = MultiplyAdd(y, m, new Vector<float>(3.3333331174E-1f));
        y = y * m * z;
        y = MultiplyAdd(e, new Vector<float>(Ln2Lo), y);
        y = MultiplyAdd(z, new Vector<float>(-0.5f), y);
        return MultiplyAdd(e, new Vector<float>(Ln2Hi), m + y);
    }
}
