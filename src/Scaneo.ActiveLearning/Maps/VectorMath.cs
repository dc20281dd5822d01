using System.Numerics;
using System.Runtime.CompilerServices;

namespace Scaneo.ActiveLearning.Maps;

/// <summary>
/// Single-precision exp (of non-positive inputs) and log across <see cref="Vector{T}"/> lanes, written here rather
/// than taken from <c>Vector256.Exp2</c>/<c>Vector256.Log</c> because net8.0 has neither and both target frameworks
/// should run the same algorithm; the exp is also cheaper than a general one, as softmax only needs x ≤ 0.
/// The maps built on them are tested against a double-precision computation to 1e-5.
/// </summary>
internal static class VectorMath
{
    private const float RoundingShift = 12582912f;
    private const int RoundingShiftBits = 0x4B400000;
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

    /// <summary>
    /// 2^t per lane for t ≤ 0 (softmax terms after subtracting the maximum, in log₂ units): t is split into an
    /// integer n and f ∈ [−½, ½]; 2^f comes from a degree-5 minimax polynomial (relative error 9e−8, 2e−7 after
    /// float rounding) and 2^n is built in the exponent bits. Inputs below −126 give 2^−126 ≈ 1.2e−38, which
    /// contributes nothing measurable next to the 2^0 = 1 term every softmax row holds; a few ulp above 0 (from
    /// rounding in the caller) are fine.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Exp2NonPositive(Vector<float> t)
    {
        t = Vector.Max(t, new Vector<float>(-126f));

        // Adding 1.5·2^23 rounds t to an integer in the low mantissa bits (round to nearest even), without a
        // rounding instruction net8.0's Vector<T> lacks; the same bits, less the constant's, are n as an integer.
        Vector<float> shifted = t + new Vector<float>(RoundingShift);
        Vector<float> n = shifted - new Vector<float>(RoundingShift);
        Vector<int> exponent = Vector.AsVectorInt32(shifted) - new Vector<int>(RoundingShiftBits);
        Vector<float> f = t - n;
        Vector<float> p = new(1.326472690e-3f);
        p = MultiplyAdd(p, f, new Vector<float>(9.671512661e-3f));
        p = MultiplyAdd(p, f, new Vector<float>(5.550733744e-2f));
        p = MultiplyAdd(p, f, new Vector<float>(2.402224208e-1f));
        p = MultiplyAdd(p, f, new Vector<float>(6.931469776e-1f));
        p = MultiplyAdd(p, f, Vector<float>.One);
        Vector<float> pow2n = Vector.AsVectorSingle(Vector.ShiftLeft(exponent + new Vector<int>(127), 23));
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
