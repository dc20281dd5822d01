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
        public void CopyTo(TiffLayout layout, ReadOnlySpan<byte> decoded, Span<byte> output)
        {
            int blockTop = Row * layout.BlockHeight;
            int blockLeft = Column * layout.BlockWidth;
            int rowStart = Math.Max(window.Row, blockTop);
            int rowEnd = Math.Min(Math.Min(window.Row + window.Height, blockTop + layout.RowsInBlock(Row)), layout.Height);
            int columnStart = Math.Max(window.Column, blockLeft);
            int columnEnd = Math.Min(Math.Min(window.Column + window.Width, blockLeft + layout.BlockWidth), layout.Width);
            if (rowEnd <= rowStart || columnEnd <= columnStart)
            {
                return;
            }

            var region = new Region(
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
            foreach (var (outputBand, sample) in targets)
            {
                switch (layout.BytesPerSample)
                {
                    case 1:
                        Copy(decoded, output, region, outputBand, sample);
                        break;
                    case 2:
                        Copy(MemoryMarshal.Cast<byte, ushort>(decoded), MemoryMarshal.Cast<byte, ushort>(output), region, outputBand, sample);
                        break;
                    case 4:
                        Copy(MemoryMarshal.Cast<byte, uint>(decoded), MemoryMarshal.Cast<byte, uint>(output), region, outputBand, sample);
                        break;
                    default:
                        Copy(MemoryMarshal.Cast<byte, ulong>(decoded), MemoryMarshal.Cast<byte, ulong>(output), region, outputBand, sample);
                        break;
                }
            }
        }

        private static void Copy<TS>(ReadOnlySpan<TS> source, Span<TS> output, in Region r, int outputBand, int sample)
            where TS : unmanaged
        {
            int stride = r.SamplesPerPixel;
            for (int y = 0; y < r.Rows; y++)
            {
                int s = ((((r.SourceRow + y) * r.BlockWidth) + r.SourceColumn) * stride) + sample;
                int d = ((((outputBand * r.OutputHeight) + r.TargetRow + y) * r.OutputWidth) + r.TargetColumn);
                if (stride == 1)
                {
                    source.Slice(s, r.Columns).CopyTo(output.Slice(d, r.Columns));
                }
                else
                {
                    var src = source.Slice(s, ((r.Columns - 1) * stride) + 1);
                    var dst = output.Slice(d, r.Columns);
                    for (int x = 0; x < dst.Length; x++)
                    {
                        dst[x] = src[x * stride];
                    }
                }
            }
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
