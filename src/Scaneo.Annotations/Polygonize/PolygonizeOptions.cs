using NetTopologySuite.Geometries;
using Scaneo.Geo;

namespace Scaneo.Annotations.Polygonize;

/// <summary>
/// How <see cref="MaskPolygonizer"/> turns a class mask into polygons. Every post-operation is off by default,
/// so the default output is exactly GDAL's 4-connected polygonize (always valid, holes as interior rings).
/// </summary>
public sealed record PolygonizeOptions
{
    /// <summary>Gets the default options: band 0, 4-connectivity, the raster's nodata, no post-operations.</summary>
    public static PolygonizeOptions Default { get; } = new();

    /// <summary>Gets the 0-based band holding the class values.</summary>
    public int Band { get; init; }

    /// <summary>Gets the pixel connectivity of a region (<see cref="Connectivity.Four"/> by default, as GDAL).</summary>
    public Connectivity Connectivity { get; init; } = Connectivity.Four;

    /// <summary>
    /// Gets the nodata value, whose pixels are never polygonized; <see langword="null"/> uses the raster's
    /// <see cref="Rasters.Raster.NoData"/> unless <see cref="IgnoreRasterNoData"/> is set.
    /// </summary>
    public double? NoData { get; init; }

    /// <summary>Gets a value indicating whether the raster's own nodata value is ignored (every value is then polygonized unless excluded).</summary>
    public bool IgnoreRasterNoData { get; init; }

    /// <summary>Gets further class values that are never polygonized (e.g. background 0).</summary>
    public IReadOnlyCollection<int>? ExcludedValues { get; init; }

    /// <summary>
    /// Gets a validity mask of width × height bytes, row-major: pixels whose byte is 0 are never polygonized
    /// (rasterio's convention: non-zero = include). Empty (the default) means every pixel is valid.
    /// </summary>
    public ReadOnlyMemory<byte> ValidityMask { get; init; }

    /// <summary>
    /// Gets a reprojection applied vertex by vertex after the geotransform (e.g. to EPSG:4326), or
    /// <see langword="null"/> to keep the raster's CRS. Rings are re-oriented after it (RFC 7946).
    /// </summary>
    public IMapTransform? MapTransform { get; init; }

    /// <summary>
    /// Gets the sieve threshold: before polygonizing, regions smaller than this many pixels take the value of
    /// their largest neighbour (GDALSieveFilter semantics, same connectivity; nodata and excluded pixels never
    /// change and are nobody's neighbour). 0 (default) disables the sieve.
    /// </summary>
    public int SieveThreshold { get; init; }

    /// <summary>Gets the minimum region area in <see cref="MinimumAreaUnit"/>; smaller regions are dropped. 0 (default) keeps all.</summary>
    public double MinimumArea { get; init; }

    /// <summary>Gets the unit of <see cref="MinimumArea"/> (pixels by default; map units² uses the geotransform's pixel area).</summary>
    public PolygonizeUnit MinimumAreaUnit { get; init; } = PolygonizeUnit.Pixels;

    /// <summary>
    /// Gets the hole-filling threshold: interior rings enclosing fewer than this many pixels are removed (the
    /// region then overlaps what was inside the hole). 0 (default) keeps every hole.
    /// </summary>
    public int FillHolesBelow { get; init; }

    /// <summary>
    /// Gets the simplification tolerance in <see cref="SimplifyToleranceUnit"/>; 0 (default) disables it. The whole
    /// output is simplified as one coverage (NetTopologySuite's <c>CoverageSimplifier</c>), so boundaries shared by
    /// neighbouring regions stay identical: no gaps, no overlaps. Simplification runs in the raster's CRS, before
    /// <see cref="MapTransform"/>, and needs the whole output, so streaming then yields only at the end.
    /// </summary>
    public double SimplifyTolerance { get; init; }

    /// <summary>Gets the unit of <see cref="SimplifyTolerance"/> (pixels by default: one pixel = √|det| map units).</summary>
    public PolygonizeUnit SimplifyToleranceUnit { get; init; } = PolygonizeUnit.Pixels;

    /// <summary>
    /// Gets the number of threads to use: 1 (default) scans sequentially and streams regions as they complete;
    /// −1 uses every processor; any other positive number caps the threads. In parallel the band is cut into
    /// horizontal strips that are scanned at once and merged at their seams; the output is identical
    /// to the sequential one (same regions, order, rings and coordinates), but
    /// <see cref="MaskPolygonizer.PolygonizeStream"/> then yields only once every strip is done, and calls to
    /// <see cref="MapTransform"/> are serialized (it need not be thread-safe). The sieve stays sequential. On masks of
    /// short runs (per-pixel noise), strips of the scanline engine build the regions within them and windows around
    /// the seams the regions crossing them, so the working memory stays far below the mask; a stream scans such masks
    /// on the calling thread whatever this value. There, most of the time goes to collecting the output objects,
    /// which stops every thread: two threads gain about 1.1×, and nothing when 8-connected regions are large enough
    /// that the seam windows grow to the whole band (3-class noise).
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>
    /// Gets the height of the strips of the parallel mode in rows, or 0 (default) to choose it from the height and
    /// the thread count. Tests force small strips so that small masks get many seams.
    /// </summary>
    internal int StripRows { get; init; }

    /// <summary>
    /// Gets the rows above and below a seam in the first window of the scanline engine's parallel mode, or 0 (default)
    /// for 32. Tests make it small so that windows on small masks have to grow.
    /// </summary>
    internal int SeamWindowRows { get; init; }

    /// <summary>
    /// Gets whether a sequential polygonization uses the scanline engine: by default (null) when the
    /// mask's runs are short enough that the tracing engine's per-run state would outgrow the mask. Tests and
    /// benchmarks force either engine.
    /// </summary>
    internal bool? UseScanline { get; init; }

    /// <summary>
    /// Gets the factory for output geometries, or <see langword="null"/> for a shared factory with packed double
    /// coordinates whose SRID is the output CRS's EPSG code (0 when unknown).
    /// </summary>
    public GeometryFactory? GeometryFactory { get; init; }
}
