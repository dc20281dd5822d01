using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// Rents the polygonizer's temporary per-run, per-label and per-row arrays from <see cref="ArrayPool{T}.Shared"/>.
/// On noisy masks these arrays hold hundreds of thousands of elements each, so allocating them per call put tens of
/// megabytes on the large-object heap, whose allocations count toward the gen2 budget: repeated calls kept
/// triggering full collections. Renting reuses them across calls instead.
/// </summary>
/// <remarks>
/// A rented array is at least as long as asked and holds whatever its last user left in it: callers index only the
/// logical length (never <c>.Length</c>), and ask for clearing whenever they rely on zero-initialisation. Nothing
/// rented may ever be reachable from the polygonizer's output, because the next call overwrites it.
/// </remarks>
internal static class PooledArray
{
    /// <summary>Rents an array of at least <paramref name="length"/> elements, its first <paramref name="length"/> zeroed when <paramref name="clear"/>.</summary>
    public static T[] Rent<T>(int length, bool clear)
    {
        if (length == 0)
        {
            return [];
        }

        T[] array = ArrayPool<T>.Shared.Rent(length);
        if (clear)
        {
            Array.Clear(array, 0, length);
        }

        return array;
    }

    /// <summary>
    /// Moves the first <paramref name="count"/> elements of a rented array into a rented one of at least
    /// <paramref name="length"/> elements, and returns the old one to the pool.
    /// </summary>
    public static void Grow<T>(ref T[] array, int length, int count)
    {
        T[] larger = Rent<T>(length, clear: false);
        array.AsSpan(0, count).CopyTo(larger);
        Return(ref array);
        array = larger;
    }

    /// <summary>
    /// Returns a rented array (nothing for <see langword="null"/> or empty) and leaves an empty one in its place, so
    /// that a later use fails loudly instead of reading an array another call now fills, and a second return is a no-op.
    /// </summary>
    /// <remarks>Arrays of references are cleared on return: the pool must not keep a call's geometries alive.</remarks>
    public static void Return<T>([NotNull] ref T[]? array)
    {
        T[]? rented = array;
        array = [];
        if (rented is { Length: > 0 })
        {
            ArrayPool<T>.Shared.Return(rented, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }
}
