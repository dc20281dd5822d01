using System.Buffers;
using System.Globalization;
using Scaneo.ActiveLearning.Scoring;
using Scaneo.Rasters;

namespace Scaneo.ActiveLearning.Maps;

/// <summary>
/// Builds per-pixel uncertainty maps from C-band score rasters (band = class). One fused pass over the pixels:
/// softmax and the measure are computed across <see cref="System.Numerics.Vector{T}"/> lanes (8 pixels per
/// AVX2 step), with no per-pixel allocation, in parallel over row blocks for large maps.
/// </summary>
/// <remarks>
/// A pixel is nodata (NaN in the map, excluded from the statistics) when any band equals the raster's
/// <see cref="Raster.NoData"/> (NaN nodata matches NaN), or when <see cref="ValidityMask"/> is 0 there. Any
/// other NaN/∞, a probability outside [0, 1] or a probability pixel not summing to 1 (±1e-3) throws
/// <see cref="UncertaintyInputException"/> naming the pixel (the lowest such pixel index).
/// </remarks>
public sealed class UncertaintyMapBuilder
{
    private const int PixelsPerBlock = 1 << 16;
    private double _temperature = 1;
    private int _maxDegreeOfParallelism = -1;

    /// <summary>Gets or sets the measure (default <see cref="UncertaintyMeasure.Margin"/>).</summary>
    public UncertaintyMeasure Measure { get; set; } = UncertaintyMeasure.Margin;

    /// <summary>Gets or sets what the bands are (default probabilities).</summary>
    public ScoreInput Input { get; set; } = ScoreInput.Probabilities;

    /// <summary>Gets or sets the softmax temperature for logits; positive, default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a positive finite number.</exception>
    public double Temperature
    {
        get => _temperature;
        set
        {
            ProbabilityMath.RequireTemperature(value);
            _temperature = value;
        }
    }

    /// <summary>Gets or sets a value indicating whether values are scaled to [0, 1].</summary>
    public bool Normalize { get; set; }

    /// <summary>Gets or sets an optional one-band mask of the scores' size: 0 = skip the pixel (nodata), non-zero = valid.</summary>
    public RasterBuffer<byte>? ValidityMask { get; set; }

    /// <summary>Gets or sets the maximum number of threads (−1 = all cores, the default; 1 = sequential).</summary>
    /// <exception cref="ArgumentOutOfRangeException">0 or below −1.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        set
        {
            if (value == 0 || value < -1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Use −1 for all cores or a positive thread count.");
            }

            _maxDegreeOfParallelism = value;
        }
    }

    /// <summary>Computes the map.</summary>
    /// <param name="scores">C ≥ 1 bands of class scores.</param>
    /// <param name="cancellationToken">Cancels between row blocks.</param>
    /// <returns>The map and its statistics.</returns>
    /// <exception cref="UncertaintyInputException">An invalid pixel (named by row, column and band).</exception>
    /// <exception cref="ArgumentException">A validity mask of another size.</exception>
    public UncertaintyMap Build(RasterBuffer<float> scores, CancellationToken cancellationToken = default)
    {
        MapKernel kernel = CreateKernel(scores);

        // Every pixel is written (a value or NaN), so the 4-byte-per-pixel map skips the runtime's zeroing.
        float[] map = GC.AllocateUninitializedArray<float>(scores.Width * scores.Height);
        BlockStats total = RunBlocks(kernel, scores.Width, scores.Height, map, cancellationToken);
        var raster = new RasterBuffer<float>(map, scores.Width, scores.Height, 1, scores.GeoTransform, scores.Crs, double.NaN);
        return new UncertaintyMap(raster, scores, Summary(total));
    }

    /// <summary>
    /// Computes the image's statistics (valid pixels, sum, mean, max) in the same pass as <see cref="Build"/>, with
    /// the same validation and errors, without keeping the map: for ranking many images, where only the image
    /// score matters, this skips writing (and first touching) 4 bytes per pixel of fresh memory.
    /// </summary>
    /// <param name="scores">C ≥ 1 bands of class scores.</param>
    /// <param name="cancellationToken">Cancels between row blocks.</param>
    /// <returns>The statistics; equal to those of the map <see cref="Build"/> returns.</returns>
    /// <exception cref="UncertaintyInputException">An invalid pixel (named by row, column and band).</exception>
    /// <exception cref="ArgumentException">A validity mask of another size.</exception>
    public UncertaintySummary Summarize(RasterBuffer<float> scores, CancellationToken cancellationToken = default)
    {
        MapKernel kernel = CreateKernel(scores);
        BlockStats total = RunBlocks(kernel, scores.Width, scores.Height, map: null, cancellationToken);
        return Summary(total);
    }

    private UncertaintySummary Summary(BlockStats total) => new(Measure, Input, Normalize, total.Count, total.Sum, total.Max);

    private static int RowsPerBlock(int width) => Math.Max(1, PixelsPerBlock / width);

    private MapKernel CreateKernel(RasterBuffer<float> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ProbabilityMath.RequireDefined(Measure);
        ProbabilityMath.RequireDefined(Input);
        byte[]? mask = null;
        if (ValidityMask is { } m)
        {
            if (m.Width != scores.Width || m.Height != scores.Height)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The validity mask is {m.Width} × {m.Height}; expected the scores' size {scores.Width} × {scores.Height}."),
                    nameof(scores));
            }

            mask = m.GetArray();
        }

        return new MapKernel(scores.GetArray(), scores.Width, scores.Height, scores.BandCount, Measure, Input, _temperature, Normalize, scores.NoData, mask);
    }

    /// <summary>Runs the kernel over row blocks (in parallel unless told otherwise) and combines their statistics.</summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="width">Raster width.</param>
    /// <param name="height">Raster height.</param>
    /// <param name="map">The map to fill; without one, each block's values go to a pooled scratch block and are dropped.</param>
    /// <param name="cancellationToken">Cancels between blocks.</param>
    private BlockStats RunBlocks(MapKernel kernel, int width, int height, float[]? map, CancellationToken cancellationToken)
    {
        int rowsPerBlock = RowsPerBlock(width);
        int blocks = (height + rowsPerBlock - 1) / rowsPerBlock;
        var stats = new BlockStats[blocks];
        var errors = new UncertaintyInputException?[blocks];
        int firstBad = int.MaxValue;
        void Run(int b)
        {
            // Blocks after one that failed are skipped; blocks before it still run so the error names the first bad pixel.
            if (b > Volatile.Read(ref firstBad))
            {
                return;
            }

            int start = b * rowsPerBlock * width;
            int end = Math.Min(height, (b + 1) * rowsPerBlock) * width;

            // Pooled scratch stays warm from call to call: no fresh memory to fault in when only statistics are wanted.
            float[]? scratch = map is null ? ArrayPool<float>.Shared.Rent(end - start) : null;
            try
            {
                stats[b] = kernel.Run(start, end, map is null ? scratch.AsSpan(0, end - start) : map.AsSpan(start, end - start));
            }
            catch (UncertaintyInputException ex)
            {
                errors[b] = ex;
                int seen;
                while (b < (seen = Volatile.Read(ref firstBad)) && Interlocked.CompareExchange(ref firstBad, b, seen) != seen)
                {
                }
            }
            finally
            {
                if (scratch is not null)
                {
                    ArrayPool<float>.Shared.Return(scratch);
                }
            }
        }

        if (blocks == 1 || MaxDegreeOfParallelism == 1)
        {
            for (int b = 0; b < blocks && firstBad == int.MaxValue; b++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Run(b);
            }
        }
        else
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism, CancellationToken = cancellationToken };
            Parallel.For(0, blocks, options, Run);
        }

        if (firstBad != int.MaxValue)
        {
            throw errors[firstBad]!;
        }

        // Combined in block order so the sum does not depend on thread timing.
        double sum = 0;
        long count = 0;
        float max = float.NegativeInfinity;
        foreach (var s in stats)
        {
            sum += s.Sum;
            count += s.Count;
            max = Math.Max(max, s.Max);
        }

        return new BlockStats(sum, count, max);
    }
}
