using System.Runtime.InteropServices;

namespace Scaneo.Rasters.GeoTiff;

/// <summary>
/// TIFF predictors 2 (horizontal differencing) and 3 (floating point, byte planes) on decoded little-endian
/// blocks, row by row, exactly as libtiff's tif_predict.c does: both applied when writing, predictor 3 undone here
/// when reading (predictor 2 is undone during the block copy, <see cref="BlockPlan.Block.AccumulateTo"/>).
/// </summary>
internal static class TiffPredictor
{
    /// <summary>
    /// Applies horizontal differencing in place. Readers undo it while copying blocks out
    /// (<see cref="BlockPlan.Block.AccumulateTo"/>).
    /// </summary>
    public static void ApplyHorizontal(Span<byte> block, int rowBytes, int stride, int bytesPerSample)
    {
        int rows = block.Length / rowBytes;
        for (int r = 0; r < rows; r++)
        {
            var row = block.Slice(r * rowBytes, rowBytes);
            switch (bytesPerSample)
            {
                case 1:
                    Difference(row, stride);
                    break;
                case 2:
                    Difference(MemoryMarshal.Cast<byte, ushort>(row), stride);
                    break;
                case 4:
                    Difference(MemoryMarshal.Cast<byte, uint>(row), stride);
                    break;
                default:
                    Difference(MemoryMarshal.Cast<byte, ulong>(row), stride);
                    break;
            }
        }
    }

    /// <summary>Undoes the floating-point predictor in place: byte-wise accumulation, then byte planes back to values.</summary>
    /// <param name="block">Rows as stored.</param>
    /// <param name="rowBytes">Bytes per row.</param>
    /// <param name="stride">Samples per pixel in the block.</param>
    /// <param name="bytesPerSample">4 or 8.</param>
    /// <param name="scratch">At least <paramref name="rowBytes"/> bytes.</param>
    public static void UndoFloatingPoint(Span<byte> block, int rowBytes, int stride, int bytesPerSample, Span<byte> scratch)
    {
        int rows = block.Length / rowBytes;
        int count = rowBytes / bytesPerSample;
        var tmp = scratch[..rowBytes];
        for (int r = 0; r < rows; r++)
        {
            var row = block.Slice(r * rowBytes, rowBytes);
            Accumulate(row, stride);
            row.CopyTo(tmp);

            // Plane j holds byte j of every value, most significant first; the host is little-endian.
            for (int b = 0; b < bytesPerSample; b++)
            {
                var plane = tmp.Slice((bytesPerSample - b - 1) * count, count);
                for (int i = 0; i < count; i++)
                {
                    row[(i * bytesPerSample) + b] = plane[i];
                }
            }
        }
    }

    /// <summary>Applies the floating-point predictor in place.</summary>
    public static void ApplyFloatingPoint(Span<byte> block, int rowBytes, int stride, int bytesPerSample, Span<byte> scratch)
    {
        int rows = block.Length / rowBytes;
        int count = rowBytes / bytesPerSample;
        var tmp = scratch[..rowBytes];
        for (int r = 0; r < rows; r++)
        {
            var row = block.Slice(r * rowBytes, rowBytes);
            row.CopyTo(tmp);
            for (int b = 0; b < bytesPerSample; b++)
            {
                var plane = row.Slice((bytesPerSample - b - 1) * count, count);
                for (int i = 0; i < count; i++)
                {
                    plane[i] = tmp[(i * bytesPerSample) + b];
                }
            }

            Difference(row, stride);
        }
    }

    private static void Accumulate(Span<byte> v, int stride)
    {
        if (stride == 1)
        {
            // The common single-band mask: a running sum (wraps modulo 256 like libtiff's).
            byte acc = v.Length > 0 ? v[0] : (byte)0;
            for (int i = 1; i < v.Length; i++)
            {
                acc += v[i];
                v[i] = acc;
            }

            return;
        }

        for (int i = stride; i < v.Length; i++)
        {
            v[i] += v[i - stride];
        }
    }

    private static void Difference(Span<byte> v, int stride)
    {
        for (int i = v.Length - 1; i >= stride; i--)
        {
            v[i] -= v[i - stride];
        }
    }

    private static void Difference(Span<ushort> v, int stride)
    {
        for (int i = v.Length - 1; i >= stride; i--)
        {
            v[i] -= v[i - stride];
        }
    }

    private static void Difference(Span<uint> v, int stride)
    {
        for (int i = v.Length - 1; i >= stride; i--)
        {
            v[i] -= v[i - stride];
        }
    }

    private static void Difference(Span<ulong> v, int stride)
    {
        for (int i = v.Length - 1; i >= stride; i--)
        {
            v[i] -= v[i - stride];
        }
    }
}
