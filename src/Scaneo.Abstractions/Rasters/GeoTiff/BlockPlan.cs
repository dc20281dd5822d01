using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Scaneo.Rasters.GeoTiff;

/// <summary>
/// The strips or tiles a windowed, band-selected read touches, and how each block's samples land in the
/// band-sequential output. Blocks outside the window, and planes of unselected bands, are never read.
/// </summary>
internal sealed class BlockPlan
{
    private BlockPlan(List<Block> blocks) => Blocks = blocks;

    public IReadOnlyList<Block> Blocks { get; }

    public static BlockPlan Create(TiffLayout layout, RasterWindow window, int[] bands)
    {
        // Which output bands each stored plane feeds, with the sample offset inside a block pixel.
        var planes = new SortedDictionary<int, List<(int OutputBand, int Sample)>>();
        for (int k = 0; k < bands.Length; k++)
        {
            int plane = layout.Separate ? bands[k] : 0;
            int sample = layout.Separate ? 0 : bands[k];
            if (!planes.TryGetValue(plane, out var targets))
            {
                planes[plane] = targets = [];
            }

            targets.Add((k, sample));
        }

        int firstRow = window.Row / layout.BlockHeight;
        int lastRow = (window.Row + window.Height - 1) / layout.BlockHeight;
        int firstColumn = window.Column / layout.BlockWidth;
        int lastColumn = (window.Column + window.Width - 1) / layout.BlockWidth;
        var blocks = new List<Block>();
        foreach (var (plane, targets) in planes)
        {
            var targetArray = targets.ToArray();
            for (int by = firstRow; by <= lastRow; by++)
            {
                for (int bx = firstColumn; bx <= lastColumn; bx++)
                {
                    blocks.Add(new Block(layout.BlockIndex(plane, by, bx), by, bx, window, targetArray));
                }
            }
        }

        return new BlockPlan(blocks);
    }

    /// <summary>One strip or tile to read.</summary>
    internal sealed class Block(int index, int row, int column, RasterWindow window, (int OutputBand, int Sample)[] targets)
    {
        public int Index { get; } = index;

        public int Row { get; } = row;

        public int Column { get; } = column;

        /// <summary>Copies the window's part of a decoded block into the band-sequential output.</summary>
        /// <param name="layout">The layout.</param>
        /// <param name="decoded">The decoded block (host byte order), <c>RowsInBlock × BlockRowBytes</c> bytes.</param>
        /// <param name="output">The output raster's bytes.</param>
        public void CopyTo(TiffLayout layout, ReadOnlySpan<byte> decoded, Span<byte> output) =>
            Transfer(layout, decoded, output, accumulate: false);

        /// <summary>
        /// Undoes the horizontal predictor (TIFF predictor 2) while copying the window's part of a block into the
        /// output: one pass over the block instead of two, and rows, columns and bands outside the window are
        /// never accumulated. Sample by sample it adds each row's differences up from the block's first column, as
        /// libtiff's horAcc8/16/32/64 do in place before the copy.
        /// </summary>
        /// <param name="layout">The layout.</param>
        /// <param name="decoded">The inflated block (host byte order) with the predictor still applied.</param>
        /// <param name="output">The output raster's bytes.</param>
        public void AccumulateTo(TiffLayout layout, ReadOnlySpan<byte> decoded, Span<byte> output) =>
            Transfer(layout, decoded, output, accumulate: true);

        /// <summary>Zeroes the window's part of a block (a sparse block, stored with no bytes, reads as zeros).</summary>
        /// <param name="layout">The layout.</param>
        /// <param name="output">The output raster's bytes.</param>
        public void Clear(TiffLayout layout, Span<byte> output)
        {
            if (Locate(layout) is not Region r)
            {
                return;
            }

            int bytes = layout.BytesPerSample;
            foreach (var (outputBand, _) in targets)
            {
                for (int y = 0; y < r.Rows; y++)
                {
                    int d = (((outputBand * r.OutputHeight) + r.TargetRow + y) * r.OutputWidth) + r.TargetColumn;
                    output.Slice(d * bytes, r.Columns * bytes).Clear();
                }
            }
        }

        private static void Copy<TS>(ReadOnlySpan<TS> source, Span<TS> output, in Region r, (int OutputBand, int Sample)[] targets, bool accumulate)
            where TS : unmanaged, IBinaryInteger<TS>
        {
            int stride = r.SamplesPerPixel;
            int rowSamples = r.BlockWidth * stride;
            int columnEnd = r.SourceColumn + r.Columns;
            for (int y = 0; y < r.Rows; y++)
            {
                // One block row at a time for every band: the row stays in L1 while each band is gathered from it.
                var row = source.Slice((r.SourceRow + y) * rowSamples, rowSamples);
                foreach (var (outputBand, sample) in targets)
                {
                    var dst = output.Slice((((outputBand * r.OutputHeight) + r.TargetRow + y) * r.OutputWidth) + r.TargetColumn, r.Columns);
                    if (accumulate)
                    {
                        // The predictor's running sum starts at the block's first column, inside the window or not.
                        var lane = row.Slice(sample, ((columnEnd - 1) * stride) + 1);
                        ref TS src = ref MemoryMarshal.GetReference(lane);
                        ref TS dstRef = ref MemoryMarshal.GetReference(dst);
                        TS sum = TS.Zero;
                        int i = 0;
                        for (int x = 0; x < r.SourceColumn; x++, i += stride)
                        {
                            sum += Unsafe.Add(ref src, i);
                        }

                        for (int x = 0; x < dst.Length; x++, i += stride)
                        {
                            sum += Unsafe.Add(ref src, i);
                            Unsafe.Add(ref dstRef, x) = sum;
                        }
                    }
                    else if (stride == 1)
                    {
                        row.Slice(r.SourceColumn + sample, r.Columns).CopyTo(dst);
                    }
                    else
                    {
                        var lane = row.Slice((r.SourceColumn * stride) + sample, ((r.Columns - 1) * stride) + 1);
                        ref TS src = ref MemoryMarshal.GetReference(lane);
                        ref TS dstRef = ref MemoryMarshal.GetReference(dst);
                        for (int x = 0, i = 0; x < dst.Length; x++, i += stride)
                        {
                            Unsafe.Add(ref dstRef, x) = Unsafe.Add(ref src, i);
                        }
                    }
                }
            }
        }

        private void Transfer(TiffLayout layout, ReadOnlySpan<byte> decoded, Span<byte> output, bool accumulate)
        {
            if (Locate(layout) is not Region region)
            {
                return;
            }

            switch (layout.BytesPerSample)
            {
                case 1:
                    Copy(decoded, output, region, targets, accumulate);
                    break;
                case 2:
                    Copy(MemoryMarshal.Cast<byte, ushort>(decoded), MemoryMarshal.Cast<byte, ushort>(output), region, targets, accumulate);
                    break;
                case 4:
                    Copy(MemoryMarshal.Cast<byte, uint>(decoded), MemoryMarshal.Cast<byte, uint>(output), region, targets, accumulate);
                    break;
                default:
                    Copy(MemoryMarshal.Cast<byte, ulong>(decoded), MemoryMarshal.Cast<byte, ulong>(output), region, targets, accumulate);
                    break;
            }
        }

        /// <summary>Returns the part of this block inside the window, or <see langword="null"/> when there is none.</summary>
        private Region? Locate(TiffLayout layout)
        {
            int blockTop = Row * layout.BlockHeight;
            int blockLeft = Column * layout.BlockWidth;
            int rowStart = Math.Max(window.Row, blockTop);
            int rowEnd = Math.Min(Math.Min(window.Row + window.Height, blockTop + layout.RowsInBlock(Row)), layout.Height);
            int columnStart = Math.Max(window.Column, blockLeft);
            int columnEnd = Math.Min(Math.Min(window.Column + window.Width, blockLeft + layout.BlockWidth), layout.Width);
            if (rowEnd <= rowStart || columnEnd <= columnStart)
            {
                return null;
            }

            return new Region(
                rowStart - blockTop,
                columnStart - blockLeft,
                rowEnd - rowStart,
                columnEnd - columnStart,
                layout.BlockWidth,
                layout.SamplesPerBlockPixel,
                rowStart - window.Row,
                columnStart - window.Column,
                window.Width,
                window.Height);
        }

        private readonly record struct Region(
            int SourceRow,
            int SourceColumn,
            int Rows,
            int Columns,
            int BlockWidth,
            int SamplesPerPixel,
            int TargetRow,
            int TargetColumn,
            int OutputWidth,
            int OutputHeight);
    }
}
