using System.Globalization;
using System.Numerics;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// Turns a class mask (one band of integer class values) into one polygon per connected region, with GDAL's
/// polygonize semantics for 4-connectivity and always-valid output for 8-connectivity.
/// </summary>
/// <remarks>
/// <para>
/// Coordinates are pixel corners through the raster's full geotransform (identity when it has none), then
/// optionally reprojected vertex by vertex; exteriors are counter-clockwise and holes clockwise after that
/// (RFC 7946), whatever the sign of the transform's determinant. Only corners where the boundary turns are
/// emitted. Regions come out in the row-major order of their first pixel, so the output is deterministic.
/// </para>
/// <para>
/// The work is one pass to run-length encode and label the band (union-find over runs) and one pass that traces
/// every ring along pixel edges exactly once; holes are attached to their region through the labels, without
/// any point-in-polygon search. Time and memory are linear in pixels plus boundary length.
/// </para>
/// <para>
/// With <see cref="PolygonizeOptions.MaxDegreeOfParallelism"/> above 1 the band is cut into horizontal strips that are
/// run-length encoded, labelled (union-find, merged at the seams) and traced on several threads; each ring is traced
/// by the strip holding its first eastward segment, so the output is byte-identical to the sequential one. On masks
/// of short runs, each strip is scanned row by row instead and builds the regions lying within it, and a window of
/// rows around each seam builds the regions crossing it, so the memory stays far below the mask there too.
/// </para>
/// <para>Use the static <see cref="Polygonize(Raster, PolygonizeOptions?)"/> for a one-shot call, or an instance to reuse options and stream.</para>
/// </remarks>
public sealed class MaskPolygonizer
{
    /// <summary>Initializes a polygonizer with the given options.</summary>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="PolygonizeOptions.Default"/>.</param>
    /// <exception cref="ScaneoValidationException">An option is out of range.</exception>
    public MaskPolygonizer(PolygonizeOptions? options = null)
    {
        Options = options ?? PolygonizeOptions.Default;
        ValidateOptions(Options);
    }

    /// <summary>Gets the options.</summary>
    public PolygonizeOptions Options { get; }

    /// <summary>Polygonizes a mask in one call.</summary>
    /// <param name="mask">A raster whose band <see cref="PolygonizeOptions.Band"/> holds integer class values (uint8, int8, uint16, int16 or int32).</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The regions in the row-major order of their first pixel.</returns>
    /// <exception cref="ScaneoValidationException">The raster type, band or an option is not acceptable.</exception>
    public static IReadOnlyList<PolygonizedRegion> Polygonize(Raster mask, PolygonizeOptions? options = null) =>
        new MaskPolygonizer(options).Polygonize(mask, CancellationToken.None);

    /// <summary>Polygonizes a mask and collects every region.</summary>
    /// <param name="mask">A raster whose band <see cref="PolygonizeOptions.Band"/> holds integer class values.</param>
    /// <param name="cancellationToken">Cancels the work between rows.</param>
    /// <returns>The regions in the row-major order of their first pixel.</returns>
    /// <exception cref="ScaneoValidationException">The raster type, band or validity mask is not acceptable.</exception>
    public IReadOnlyList<PolygonizedRegion> Polygonize(Raster mask, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ValidateInput(mask, Options);
        return mask switch
        {
            RasterBuffer<byte> b => Collect(b, cancellationToken),
            RasterBuffer<sbyte> b => Collect(b, cancellationToken),
            RasterBuffer<ushort> b => Collect(b, cancellationToken),
            RasterBuffer<short> b => Collect(b, cancellationToken),
            RasterBuffer<int> b => Collect(b, cancellationToken),
            _ => throw UnsupportedType(mask),
        };
    }

    /// <summary>
    /// Polygonizes a mask lazily: each region is yielded as soon as the scan has passed its last row (in the
    /// row-major order of first pixels), so consumers can write features while the mask is still being traced.
    /// On masks of short runs (per-pixel noise, where state per run would outgrow the mask), the working memory
    /// besides the mask is two rows of runs plus the components still open at the current row (plus completed regions
    /// waiting for an earlier, larger one), as in <see cref="Polygonize(Raster, CancellationToken)"/>, which returns the
    /// same regions, byte for byte. With <see cref="PolygonizeOptions.SimplifyTolerance"/>, or a parallel
    /// <see cref="PolygonizeOptions.MaxDegreeOfParallelism"/> on a mask of long runs, the whole output is built first.
    /// </summary>
    /// <param name="mask">A raster whose band <see cref="PolygonizeOptions.Band"/> holds integer class values.</param>
    /// <param name="cancellationToken">Cancels the work between rows.</param>
    /// <returns>The regions.</returns>
    /// <exception cref="ScaneoValidationException">The raster type, band or validity mask is not acceptable.</exception>
    public IEnumerable<PolygonizedRegion> PolygonizeStream(Raster mask, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mask);
        ValidateInput(mask, Options);
        return mask switch
        {
            RasterBuffer<byte> b => Stream(b, cancellationToken),
            RasterBuffer<sbyte> b => Stream(b, cancellationToken),
            RasterBuffer<ushort> b => Stream(b, cancellationToken),
            RasterBuffer<short> b => Stream(b, cancellationToken),
            RasterBuffer<int> b => Stream(b, cancellationToken),
            _ => throw UnsupportedType(mask),
        };
    }

    private static ScaneoValidationException UnsupportedType(Raster mask) => new(
        "Raster.DataType",
        mask.DataType.ToName(),
        "must be an integer class mask: uint8, int8, uint16, int16 or int32.");

    private List<PolygonizedRegion> Collect<T>(RasterBuffer<T> mask, CancellationToken cancellationToken)
        where T : unmanaged, IBinaryInteger<T>
    {
        Job<T> job = Prepare(mask, streaming: false, cancellationToken);
        List<PolygonizedRegion> output;
        try
        {
            output = new List<PolygonizedRegion>(job.OutputCapacityHint);
            Trace(job, output, cancellationToken);
        }
        finally
        {
            // The regions own their geometries: nothing pooled is needed for simplification or by the caller.
            job.Release();
        }

        return job.Tolerance > 0 ? Simplify(job, output, cancellationToken) : output;
    }

    private IEnumerable<PolygonizedRegion> Stream<T>(RasterBuffer<T> mask, CancellationToken cancellationToken)
        where T : unmanaged, IBinaryInteger<T>
    {
        Job<T> job = Prepare(mask, streaming: true, cancellationToken);

        // The finally block runs when the enumeration ends, fails or is disposed early; an enumerator abandoned
        // without disposal leaves the rented arrays to the garbage collector, which is safe.
        try
        {
            if (job.Tolerance > 0 || job.StripStart is not null)
            {
                var all = new List<PolygonizedRegion>(job.OutputCapacityHint);
                Trace(job, all, cancellationToken);
                job.Release();
                foreach (PolygonizedRegion region in job.Tolerance > 0 ? Simplify(job, all, cancellationToken) : all)
                {
                    yield return region;
                }

                yield break;
            }

            var ready = new List<PolygonizedRegion>();
            while (!job.Engine.Done)
            {
                cancellationToken.ThrowIfCancellationRequested();
                job.Engine.Step(ready);
                foreach (PolygonizedRegion region in ready)
                {
                    yield return region;
                }

                ready.Clear();
            }
        }
        finally
        {
            job.Release();
        }
    }

    private static void Trace<T>(Job<T> job, List<PolygonizedRegion> output, CancellationToken cancellationToken)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (job.StripStart is not null)
        {
            if (job.NewScanlineEngine is { } newEngine)
            {
                ScanlineStrips.Run(newEngine, job.StripRooms!, job.StripStart, job.Degree, output, job.SeamWindowRows, cancellationToken);
            }
            else
            {
                job.Tracing.RunParallel(job.StripStart, job.Degree, output, cancellationToken);
            }

            return;
        }

        while (!job.Engine.Done)
        {
            cancellationToken.ThrowIfCancellationRequested();
            job.Engine.Step(output);
        }
    }

    private Job<T> Prepare<T>(RasterBuffer<T> mask, bool streaming, CancellationToken cancellationToken)
        where T : unmanaged, IBinaryInteger<T>
    {
        PolygonizeOptions o = Options;
        int width = mask.Width;
        int height = mask.Height;
        int pixels = width * height;
        GeoTransform gt = mask.GeoTransform ?? GeoTransform.Identity;
        double? noData = o.NoData ?? (o.IgnoreRasterNoData ? null : mask.NoData);
        var filter = new ValueFilter(noData, o.ExcludedValues);

        T[] data = mask.GetArray();
        int offset = o.Band * pixels;
        byte[]? validity = null;
        int validityOffset = 0;
        if (!o.ValidityMask.IsEmpty)
        {
            if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray(o.ValidityMask, out ArraySegment<byte> segment) && segment.Array is not null)
            {
                validity = segment.Array;
                validityOffset = segment.Offset;
            }
            else
            {
                validity = o.ValidityMask.ToArray();
            }
        }

        double pixelArea = gt.PixelArea;
        long minimumPixels = 0;
        if (o.MinimumArea > 0)
        {
            double inPixels = o.MinimumAreaUnit == PolygonizeUnit.Pixels ? o.MinimumArea : o.MinimumArea / pixelArea;
            minimumPixels = (long)Math.Min(Math.Ceiling(inPixels), long.MaxValue);
        }

        bool simplify = o.SimplifyTolerance > 0;
        IMapTransform? reprojection = o.MapTransform;
        int srid = (reprojection is not null ? reprojection.Target.Epsg : mask.Crs?.Epsg) ?? 0;
        GeometryFactory factory = o.GeometryFactory ?? new GeometryFactory(new PrecisionModel(), srid, PackedCoordinateSequenceFactory.DoubleFactory);

        int degree = o.MaxDegreeOfParallelism == -1 ? Environment.ProcessorCount : o.MaxDegreeOfParallelism;
        int[]? stripStart = degree > 1 || o.StripRows > 0 ? ParallelStrips.Split(height, degree, o.StripRows) : null;
        if (stripStart is { Length: 2 } && o.StripRows == 0)
        {
            // Too few rows to split: the sequential path gives the same output and keeps streaming.
            stripStart = null;
        }

        double tolerance = !simplify ? 0 : o.SimplifyToleranceUnit == PolygonizeUnit.Pixels ? o.SimplifyTolerance * Math.Sqrt(pixelArea) : o.SimplifyTolerance;
        var job = new Job<T>(stripStart, degree, tolerance, reprojection, factory);
        try
        {
            if (o.SieveThreshold > 1)
            {
                // The sieve works on a copy: the caller's raster is never modified. The copy is only read while tracing.
                T[] copy = job.RentSieved(pixels);
                Array.Copy(data, offset, copy, 0, pixels);
                MaskSieve.Apply(copy.AsSpan(0, pixels), width, height, validity is null ? default : validity.AsSpan(validityOffset, pixels), filter, o.Connectivity, o.SieveThreshold, cancellationToken);
                data = copy;
                offset = 0;
            }

            var band = new MaskBand<T>(data, offset, validity, validityOffset, width, height);

            // With simplification the rings are reprojected after it, not as they are written.
            IMapTransform? ringReprojection = simplify ? null : reprojection;
            if (UsesScanline(o, band.Rows(0, height), width, height))
            {
                // The scanline engine holds two rows of runs and the open components, where the tracing engine labels
                // the whole band first, so it serves masks whose per-run state would outgrow the mask. Both give the
                // same regions, byte for byte. With threads, a collecting call runs it in strips and seam windows
                // (ScanlineStrips), which keep that bound; a stream runs on the calling thread and streams.
                if (stripStart is not null && !streaming)
                {
                    // The strips make their own engines and size the output list from their rooms.
                    object reprojectionLock = new();
                    job.UseScanlineStrips(
                        () => new ScanlineEngine<T>(band, filter, o.Connectivity, factory, gt, ringReprojection, o.FillHolesBelow, minimumPixels, reprojectionLock),
                        ScanlineStrips.Rooms(band, stripStart),
                        o.SeamWindowRows > 0 ? o.SeamWindowRows : ScanlineStrips.DefaultWindowRows);
                    return job;
                }

                job.RunSequentially();
                job.Start(new ScanlineEngine<T>(band, filter, o.Connectivity, factory, gt, ringReprojection, o.FillHolesBelow, minimumPixels));
                return job;
            }

            RunTable runs = job.Keep(stripStart is null
                ? RunTable.Build<T>(data.AsSpan(offset, pixels), width, height, validity is null ? default : validity.AsSpan(validityOffset, pixels), filter, eightConnected: false, cancellationToken)
                : RunTable.BuildParallel(data, offset, width, height, validity, validityOffset, filter, eightConnected: false, stripStart, degree, cancellationToken));
            job.Start(new PolygonizeEngine<T>(band, runs, o.Connectivity, factory, gt, ringReprojection, o.FillHolesBelow, minimumPixels));
            return job;
        }
        catch
        {
            job.Release();
            throw;
        }
    }

    /// <summary>
    /// Whether a call uses the scanline engine: when forced, never with strips forced by <see cref="PolygonizeOptions.StripRows"/>,
    /// else when the tracing engine's run table (estimated from sampled rows) would be larger than the mask, whatever
    /// <see cref="PolygonizeOptions.MaxDegreeOfParallelism"/>.
    /// </summary>
    internal static bool UsesScanline<T>(PolygonizeOptions o, ReadOnlySpan<T> band, int width, int height)
        where T : unmanaged, IBinaryInteger<T> =>
        o.UseScanline ?? (o.StripRows == 0 && (long)RunTable.EstimateRuns(band, width, height) * RunTable.BytesPerRun > (long)band.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());

    private static List<PolygonizedRegion> Simplify<T>(Job<T> job, List<PolygonizedRegion> regions, CancellationToken cancellationToken)
        where T : unmanaged, IBinaryInteger<T>
    {
        var coverage = new Geometry[regions.Count];
        for (int i = 0; i < coverage.Length; i++)
        {
            coverage[i] = regions[i].Geometry;
        }

        Geometry[] simplified = CoverageSimplifier.Simplify(coverage, job.Tolerance);
        var result = new List<PolygonizedRegion>(simplified.Length);
        for (int i = 0; i < simplified.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Geometry g = GeometryRebuilder.Rebuild(simplified[i], job.Reprojection, job.Factory);
            result.Add(new PolygonizedRegion(regions[i].Value, g, regions[i].PixelCount));
        }

        return result;
    }

    private static void ValidateOptions(PolygonizeOptions o)
    {
        if (o.Band < 0)
        {
            throw Invalid("Band", o.Band, "must be a 0-based band index.");
        }

        if (o.Connectivity is not (Connectivity.Four or Connectivity.Eight))
        {
            throw new ScaneoValidationException("PolygonizeOptions.Connectivity", o.Connectivity.ToString(), "must be Four or Eight.");
        }

        if (o.NoData is double nd && double.IsInfinity(nd))
        {
            throw Invalid("NoData", nd, "must be a finite number or NaN.");
        }

        if (o.SieveThreshold < 0)
        {
            throw Invalid("SieveThreshold", o.SieveThreshold, "must be 0 (off) or a positive number of pixels.");
        }

        if (o.FillHolesBelow < 0)
        {
            throw Invalid("FillHolesBelow", o.FillHolesBelow, "must be 0 (off) or a positive number of pixels.");
        }

        if (!(o.MinimumArea >= 0) || double.IsInfinity(o.MinimumArea))
        {
            throw Invalid("MinimumArea", o.MinimumArea, "must be 0 (off) or a positive finite area.");
        }

        if (!(o.SimplifyTolerance >= 0) || double.IsInfinity(o.SimplifyTolerance))
        {
            throw Invalid("SimplifyTolerance", o.SimplifyTolerance, "must be 0 (off) or a positive finite distance.");
        }

        if (o.MaxDegreeOfParallelism is 0 or < -1)
        {
            throw Invalid("MaxDegreeOfParallelism", o.MaxDegreeOfParallelism, "must be a positive number of threads, or -1 for every processor.");
        }

        if (o.StripRows < 0)
        {
            throw Invalid("StripRows", o.StripRows, "must be 0 (automatic) or a positive number of rows.");
        }

        if (!Enum.IsDefined(o.MinimumAreaUnit) || !Enum.IsDefined(o.SimplifyToleranceUnit))
        {
            throw new ScaneoValidationException("PolygonizeOptions.Unit", o.MinimumAreaUnit + "/" + o.SimplifyToleranceUnit, "must be Pixels or MapUnits.");
        }
    }

    private static void ValidateInput(Raster mask, PolygonizeOptions o)
    {
        if (o.Band >= mask.BandCount)
        {
            throw Invalid("Band", o.Band, string.Create(CultureInfo.InvariantCulture, $"must be a band of the raster, in [0, {mask.BandCount})."));
        }

        if (!o.ValidityMask.IsEmpty && o.ValidityMask.Length != mask.PixelCount)
        {
            throw new ScaneoValidationException(
                "PolygonizeOptions.ValidityMask",
                o.ValidityMask.Length.ToString(CultureInfo.InvariantCulture) + " bytes",
                string.Create(CultureInfo.InvariantCulture, $"must hold one byte per pixel: {mask.Width} × {mask.Height} = {mask.PixelCount}."));
        }

        if (o.MapTransform is not null && mask.Crs is not null && !o.MapTransform.Source.Equals(mask.Crs))
        {
            throw new ScaneoValidationException(
                "PolygonizeOptions.MapTransform",
                o.MapTransform.Source.ToString(),
                "must transform from the raster's CRS " + mask.Crs + ".");
        }
    }

    private static ScaneoValidationException Invalid(string field, double value, string rule) =>
        new("PolygonizeOptions." + field, value.ToString(CultureInfo.InvariantCulture), rule);

    /// <summary>
    /// One polygonization: its settings, its engine and the rented arrays the engine reads (the sieved band, the run
    /// table, the engine's own), which <see cref="Release"/> returns together, once (see <see cref="PooledArray"/>).
    /// </summary>
    private sealed class Job<T>(int[]? stripStart, int degree, double tolerance, IMapTransform? reprojection, GeometryFactory factory)
        where T : unmanaged, IBinaryInteger<T>
    {
        private T[]? _sieved;
        private RunTable? _runs;
        private IRegionEngine? _engine;

        public IRegionEngine Engine => _engine ?? throw new InvalidOperationException("Polygonizer invariant broken: the job was not started.");

        public PolygonizeEngine<T> Tracing => _engine as PolygonizeEngine<T> ?? throw new InvalidOperationException("Polygonizer invariant broken: the parallel mode needs the tracing engine.");

        public int[]? StripStart { get; private set; } = stripStart;

        public int Degree { get; } = degree;

        public double Tolerance { get; } = tolerance;

        public IMapTransform? Reprojection { get; } = reprojection;

        public GeometryFactory Factory { get; } = factory;

        /// <summary>Rents the array for the sieved copy of the band.</summary>
        public T[] RentSieved(int pixels) => _sieved = PooledArray.Rent<T>(pixels, clear: false);

        /// <summary>Takes ownership of the run table.</summary>
        public RunTable Keep(RunTable runs) => _runs = runs;

        public void Start(IRegionEngine engine) => _engine = engine;

        /// <summary>Gets the maker of the engines of the scanline strips, when the strips run the scanline engine.</summary>
        public Func<ScanlineEngine<T>>? NewScanlineEngine { get; private set; }

        /// <summary>Drops the strips: the engine runs on the calling thread, and streams.</summary>
        public void RunSequentially() => StripStart = null;

        /// <summary>Gets the rows above and below a seam in the first window of the scanline strips.</summary>
        public int SeamWindowRows { get; private set; }

        /// <summary>Gets the room reserved in the output for each strip's regions, when the strips run the scanline engine.</summary>
        public int[]? StripRooms { get; private set; }

        /// <summary>Gets a capacity worth reserving for the collected output: the strips' rooms, or the engine's hint.</summary>
        public int OutputCapacityHint => StripRooms is { } rooms ? (int)Math.Min(ScanlineStrips.TotalRoom(rooms), Array.MaxLength) : Engine.OutputCapacityHint;

        /// <summary>
        /// Runs the strips with scanline engines from <paramref name="newEngine"/>, each writing into the room
        /// <paramref name="rooms"/> reserves for it in the output, with seam windows of <paramref name="windowRows"/> rows
        /// each side at first (see <see cref="ScanlineStrips"/>).
        /// </summary>
        public void UseScanlineStrips(Func<ScanlineEngine<T>> newEngine, int[] rooms, int windowRows)
        {
            NewScanlineEngine = newEngine;
            StripRooms = rooms;
            SeamWindowRows = windowRows;
        }

        /// <summary>
        /// Returns every rented array; later calls do nothing, and the engine fails loudly if used again. Call it only
        /// once the output is complete: the output itself never refers to rented memory.
        /// </summary>
        public void Release()
        {
            _engine?.Release();
            _runs?.Release();
            PooledArray.Return(ref _sieved);
        }
    }
}
