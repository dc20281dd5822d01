using System.Numerics;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// The band the polygonizer reads: row-major class values at an offset in an array, and validity bytes (non-zero =
/// valid) at an offset in another, or none when every pixel is valid. The caller keeps both arrays for the call.
/// </summary>
internal readonly struct MaskBand<T>(T[] data, int offset, byte[]? validity, int validityOffset, int width, int height)
    where T : unmanaged, IBinaryInteger<T>
{
    /// <summary>Gets the array holding the class values.</summary>
    public T[] Data { get; } = data;

    /// <summary>Gets the index of pixel (0, 0) in <see cref="Data"/>.</summary>
    public int Offset { get; } = offset;

    /// <summary>Gets the array holding the validity bytes, or <see langword="null"/> when every pixel is valid.</summary>
    public byte[]? Validity { get; } = validity;

    /// <summary>Gets the index of pixel (0, 0) in <see cref="Validity"/>.</summary>
    public int ValidityOffset { get; } = validityOffset;

    /// <summary>Gets the width in pixels.</summary>
    public int Width { get; } = width;

    /// <summary>Gets the height in pixels.</summary>
    public int Height { get; } = height;

    /// <summary>The class values of row <paramref name="y"/>.</summary>
    public ReadOnlySpan<T> Row(int y) => Data.AsSpan(Offset + (y * Width), Width);

    /// <summary>The class values of rows [<paramref name="first"/>, <paramref name="end"/>), row after row.</summary>
    public ReadOnlySpan<T> Rows(int first, int end) => Data.AsSpan(Offset + (first * Width), (end - first) * Width);

    /// <summary>The validity bytes of row <paramref name="y"/>, or an empty span when every pixel is valid.</summary>
    public ReadOnlySpan<byte> ValidityRow(int y) => Validity is null ? default : Validity.AsSpan(ValidityOffset + (y * Width), Width);

    /// <summary>The class value of pixel (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public T ValueAt(int x, int y) => Data[Offset + (y * Width) + x];

    /// <summary>Whether pixel (<paramref name="x"/>, <paramref name="y"/>) lies in the band, is valid and holds <paramref name="value"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool Holds(int x, int y, T value)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
        {
            return false;
        }

        int i = (y * Width) + x;
        return Data[Offset + i] == value && (Validity is null || Validity[ValidityOffset + i] != 0);
    }

    /// <summary>
    /// The first column in [<paramref name="start"/>, <paramref name="end"/>) of row <paramref name="y"/> that
    /// <see cref="Holds"/> <paramref name="value"/>, or −1; columns and rows outside the band hold nothing.
    /// </summary>
    public int FirstHolding(int y, int start, int end, T value)
    {
        for (int x = start; x < end; x++)
        {
            if (Holds(x, y, value))
            {
                return x;
            }
        }

        return -1;
    }
}
