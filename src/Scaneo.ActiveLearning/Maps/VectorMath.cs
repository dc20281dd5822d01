using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
    private const float Ln2 = 0.693147180559945309f;

    // Bits of the float nearest √½.
    private const int SqrtHalfBits = 0x3F3504F3;

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
    /// Lane-wise maximum as the hardware computes it (vmaxps: the second operand when either is NaN or both are
    /// zeros). From .NET 9, <see cref="Vector.Max{T}(Vector{T}, Vector{T})"/> follows IEEE 754:2019 for NaN and
    /// signed zeros, which costs eight instructions per call on x64 instead of one; in the map kernels, which take a
    /// maximum per class and per exponential, that was a fifth to a quarter of the time. The kernels never depend on
    /// those cases: lanes holding NaN are flagged and recomputed exactly.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Max(Vector<float> a, Vector<float> b)
    {
#if NET9_0_OR_GREATER
        return Vector.MaxNative(a, b);
#else
        return Vector.Max(a, b);
#endif
    }

    /// <summary>Lane-wise minimum as the hardware computes it; see <see cref="Max"/> for why.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Min(Vector<float> a, Vector<float> b)
    {
#if NET9_0_OR_GREATER
        return Vector.MinNative(a, b);
#else
        return Vector.Min(a, b);
#endif
    }

    /// <summary>
    /// 1 / x per lane for x ≥ 1 (softmax sums), within 3e−7 relative. With AVX it is the hardware estimate refined by
    /// one Newton step, because vdivps has a fraction of the throughput of the multiply-adds that replace it
    /// (single-threaded least confidence from logits: 23 → 18 ms in most alternating runs); elsewhere it is a plain
    /// division.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Reciprocal(Vector<float> x)
    {
        if (Avx.IsSupported && Vector<float>.Count == Vector256<float>.Count)
        {
            Vector<float> r = Avx.Reciprocal(x.AsVector256()).AsVector();
            return MultiplyAdd(r, MultiplyAdd(-x, r, Vector<float>.One), r);
        }

        return Vector<float>.One / x;
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
        t = Max(t, new Vector<float>(-126f));
        Vector<float> f;
        Vector<int> n;
        if (Avx.IsSupported && Vector<float>.Count == Vector256<float>.Count)
        {
            // vroundps (ties to even, as below) is one instruction where the shift trick is two dependent adds.
            Vector<float> rounded = Avx.RoundToNearestInteger(t.AsVector256()).AsVector();
            f = t - rounded;

            // The plain conversion: Vector.ConvertToInt32 saturates from .NET 9 (five instructions), and rounded is a
            // small integer already.
            n = Avx.ConvertToVector256Int32WithTruncation(rounded.AsVector256()).AsVector();
        }
        else
        {
            // Adding 1.5·2^23 rounds t to an integer n in the low mantissa bits (round to nearest even), without a
            // rounding instruction net8.0's Vector<T> lacks.
            Vector<float> shifted = t + new Vector<float>(RoundingShift);
            f = t - (shifted - new Vector<float>(RoundingShift));
            n = Vector.AsVectorInt32(shifted);
        }

        // Estrin's scheme: three independent pairs, then two levels: a dependency chain three multiply-adds deep
        // instead of Horner's five, for one extra multiply.
        Vector<float> f2 = f * f;
        Vector<float> p01 = MultiplyAdd(new Vector<float>(6.931469776e-1f), f, Vector<float>.One);
        Vector<float> p23 = MultiplyAdd(new Vector<float>(5.550733744e-2f), f, new Vector<float>(2.402224208e-1f));
        Vector<float> p45 = MultiplyAdd(new Vector<float>(1.326472690e-3f), f, new Vector<float>(9.671512661e-3f));
        Vector<float> p = MultiplyAdd(MultiplyAdd(p45, f2, p23), f2, p01);

        // Times 2^n by adding n to p's exponent field: shifting n left by 23 moves it (two's complement; in the shift
        // path the constant's bits are pushed out) into the exponent field. Two integer operations instead of
        // building 2^n and multiplying. The result stays a normal float: n = −126 only for t ∈ [−126, −125.5],
        // where f ≥ 0 and so p ≥ 1.
        return Vector.AsVectorSingle(Vector.AsVectorInt32(p) + Vector.ShiftLeft(n, 23));
    }

    /// <summary>
    /// Natural log per lane for positive inputs: within 3.2e−7 plus one float rounding of the result (so
    /// x · |error| ≤ 4e−7 for x ≤ 1, which is what entropy terms need). x is split as 2^e · m with m ∈ [√½, √2), and ln m = u + u²·P(u) with u = m − 1 and
    /// P a degree-5 near-minimax fit. Zero and subnormal inputs give a finite value ≤ −87, so p · ln p comes out as
    /// 0 for them without a clamp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log(Vector<float> x)
    {
        // Subtracting √½'s bits first makes the exponent field roll over at √½ instead of at 1, so e and m come out
        // of the same integer without a comparison and select.
        Vector<int> shifted = Vector.AsVectorInt32(x) - new Vector<int>(SqrtHalfBits);
        Vector<float> e = Vector.ConvertToSingle(Vector.ShiftRightArithmetic(shifted, 23));
        Vector<float> u = Vector.AsVectorSingle((shifted & new Vector<int>(0x007FFFFF)) + new Vector<int>(SqrtHalfBits)) - Vector<float>.One;

        // P by Estrin's scheme and e·ln 2 + u beside it, so the chain from u is four multiply-adds deep, not seven.
        Vector<float> u2 = u * u;
        Vector<float> p01 = MultiplyAdd(new Vector<float>(3.33155423e-1f), u, new Vector<float>(-5.00014842e-1f));
        Vector<float> p23 = MultiplyAdd(new Vector<float>(2.04926103e-1f), u, new Vector<float>(-2.48977721e-1f));
        Vector<float> p45 = MultiplyAdd(new Vector<float>(1.19861491e-1f), u, new Vector<float>(-1.87616542e-1f));
        Vector<float> p = MultiplyAdd(MultiplyAdd(p45, u2, p23), u2, p01);
        return MultiplyAdd(u2, p, MultiplyAdd(e, new Vector<float>(Ln2), u));
    }
}
