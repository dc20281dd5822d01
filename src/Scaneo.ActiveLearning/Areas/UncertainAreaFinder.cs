using System.Globalization;
using Scaneo.ActiveLearning.Maps;
using Scaneo.Annotations.Polygonize;
using Scaneo.Geo;
using Scaneo.Rasters;

namespace Scaneo.ActiveLearning.Areas;

/// <summary>
/// Finds the areas where a model is uncertain: cuts an uncertainty map (absolute T or top q%; optionally smoothed
/// first, see <see cref="SmoothingRadius"/>), labels the
/// 4-connected uncertain areas, drops those below a minimum area, polygonizes them with
/// <see cref="MaskPolygonizer"/> (georeferenced, optionally simplified and reprojected) and reports each area's
/// mean score — ready to become <see cref="AnnotationKind.UncertaintyRegion"/> annotations.
/// </summary>
/// <example>
/// <code>
/// var finder = new UncertainAreaFinder { Threshold = UncertaintyThreshold.TopFraction(0.05), MinimumArea = 16,
///     MapTransform = Reprojection.ToWgs84(map.Raster.Crs!) };
/// UncertainAreas areas = finder.Find(map.Raster);
/// IReadOnlyList&lt;Annotation&gt; marks = finder.CreateAnnotations(areas, "scene_01.tif");
/// </code>
/// </example>
public sealed class UncertainAreaFinder
{
    private double _minimumArea;
    private double _simplifyTolerance;
    private int _smoothingRadius;

    /// <summary>
    /// Gets or sets the radius r, in pixels, of the box mean ((2r + 1)² window, nodata ignored) applied to the map
    /// before the cut; 0 (the default) cuts the map as it is. Smoothing turns speckle into coherent areas; the
    /// areas' reported mean and maximum scores still come from the unsmoothed map.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative radius.</exception>
    public int SmoothingRadius
    {
        get => _smoothingRadius;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(SmoothingRadius));
            _smoothingRadius = value;
        }
    }

    /// <summary>Gets or sets the cut (default: the top 5% of valid pixels).</summary>
    public UncertaintyThreshold Threshold { get; set; } = UncertaintyThreshold.TopFraction(0.05);

    /// <summary>Gets or sets the minimum area of a region in <see cref="MinimumAreaUnit"/>; smaller ones are dropped (default 0: keep all).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double MinimumArea
    {
        get => _minimumArea;
        set => _minimumArea = RequireNonNegative(value, nameof(MinimumArea));
    }

    /// <summary>Gets or sets the unit of <see cref="MinimumArea"/> (pixels by default).</summary>
    public PolygonizeUnit MinimumAreaUnit { get; set; } = PolygonizeUnit.Pixels;

    /// <summary>Gets or sets the simplification tolerance in pixels (0: none; coverage simplification keeps neighbours gap-free).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or not finite.</exception>
    public double SimplifyTolerance
    {
        get => _simplifyTolerance;
        set => _simplifyTolerance = RequireNonNegative(value, nameof(SimplifyTolerance));
    }

    /// <summary>Gets or sets an optional reprojection of the polygons, e.g. <c>Reprojection.ToWgs84(crs)</c>; null keeps the map's CRS.</summary>
    public IMapTransform? MapTransform { get; set; }

    /// <summary>Gets or sets the label of the annotations (default <c>uncertain</c>).</summary>
    public string Label { get; set; } = "uncertain";

    /// <summary>Gets or sets the model name recorded in the annotations' provenance.</summary>
    public string ModelName { get; set; } = "scaneo-uncertainty";

    /// <summary>Gets or sets the model version recorded in the provenance, if known.</summary>
    public string? ModelVersion { get; set; }

    /// <summary>Gets or sets the clock stamping the annotations.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Cuts a map into a 0/1 mask with the map's size and georeferencing (1 = uncertain; NaN pixels are 0).</summary>
    /// <param name="map">One-band uncertainty map (NaN = nodata).</param>
    /// <param name="threshold">The cut.</param>
    /// <returns>The mask and the value the map was cut at.</returns>
    public static (RasterBuffer<byte> Mask, double ThresholdValue) ThresholdMask(RasterBuffer<float> map, UncertaintyThreshold threshold)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(threshold);
        ReadOnlySpan<float> u = map.GetBand(0);
        double cut = Resolve(u, threshold, out _);
        var mask = new RasterBuffer<byte>(map.Width, map.Height, 1, map.GeoTransform, map.Crs);
        Fill(u, threshold.Kind, cut, mask.Data);
        return (mask, cut);
    }

    /// <summary>Finds the uncertain areas of a map.</summary>
    /// <param name="map">One-band uncertainty map (NaN = nodata), e.g. <see cref="UncertaintyMap.Raster"/>.</param>
    /// <param name="cancellationToken">Cancels the polygonization.</param>
    /// <returns>The cut value, the uncertain fraction and the regions.</returns>
    public UncertainAreas Find(RasterBuffer<float> map, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(Threshold);
        int width = map.Width;
        int height = map.Height;
        ReadOnlySpan<float> u = map.GetBand(0);
        ReadOnlySpan<float> cutMap = _smoothingRadius > 0 ? BoxMean.Apply(u, width, height, _smoothingRadius) : u;
        double cut = Resolve(cutMap, Threshold, out long valid);
        byte[] mask = new byte[u.Length];
        long uncertain = Fill(cutMap, Threshold.Kind, cut, mask);

        int[] labels = new int[u.Length];
        var stats = Label4Connected(mask, u, width, height, labels);
        double pixelArea = map.GeoTransform?.PixelArea ?? 1;
        int[] keptId = new int[stats.Count + 1];
        var kept = new List<ComponentStats>();
        for (int k = 0; k < stats.Count; k++)
        {
            double area = MinimumAreaUnit == PolygonizeUnit.MapUnits ? stats[k].Count * pixelArea : stats[k].Count;
            if (area >= _minimumArea)
            {
                kept.Add(stats[k]);
                keptId[k + 1] = kept.Count;
            }
        }

        var regions = new List<UncertainRegion>(kept.Count);
        if (kept.Count > 0)
        {
            // One value per kept area: the polygonizer then yields exactly one region per area, in the same order.
            int[] ids = new int[labels.Length];
            for (int i = 0; i < labels.Length; i++)
            {
                ids[i] = keptId[labels[i]];
            }

            var idRaster = new RasterBuffer<int>(ids, width, height, 1, map.GeoTransform, map.Crs);
            var options = new PolygonizeOptions
            {
                ExcludedValues = [0],
                IgnoreRasterNoData = true,
                SimplifyTolerance = _simplifyTolerance,
                MapTransform = MapTransform,
            };
            foreach (var region in new MaskPolygonizer(options).Polygonize(idRaster, cancellationToken))
            {
                var s = kept[region.Value - 1];
                regions.Add(new UncertainRegion(region.Geometry, s.Count, s.Sum / s.Count, s.Max, s.First / width, s.First % width));
            }
        }

        return new UncertainAreas(cut, uncertain, valid, regions);
    }

    /// <summary>Turns regions into <see cref="AnnotationKind.UncertaintyRegion"/> annotations scored by their mean uncertainty.</summary>
    /// <param name="areas">Regions whose geometries are in EPSG:4326 (set <see cref="MapTransform"/> to a WGS84 reprojection).</param>
    /// <param name="imagePath">The image path relative to the campaign folder.</param>
    /// <returns>One annotation per region, ids <c>{imagePath}#uncertain-{n}</c>.</returns>
    /// <exception cref="ScaneoValidationException">A geometry not in EPSG:4326, or an empty image path.</exception>
    public IReadOnlyList<Annotation> CreateAnnotations(UncertainAreas areas, string imagePath)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var provenance = AnnotationProvenance.FromModel(ModelName, ModelVersion, ["uncertain-areas " + Threshold], TimeProvider.GetUtcNow());
        var result = new Annotation[areas.Regions.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var r = areas.Regions[i];
            result[i] = new Annotation(
                string.Create(CultureInfo.InvariantCulture, $"{imagePath}#uncertain-{i + 1}"),
                imagePath,
                Label,
                AnnotationKind.UncertaintyRegion,
                r.Geometry,
                r.MeanScore,
                provenance,
                provenance.PredictedAt!.Value);
        }

        return result;
    }

    internal static double Resolve(ReadOnlySpan<float> u, UncertaintyThreshold threshold, out long valid)
    {
        valid = 0;
        foreach (float v in u)
        {
            valid += float.IsNaN(v) ? 0 : 1;
        }

        if (threshold.Kind == UncertaintyThresholdKind.Absolute)
        {
            return threshold.Value;
        }

        if (valid == 0)
        {
            return double.PositiveInfinity;
        }

        float[] values = new float[valid];
        int j = 0;
        foreach (float v in u)
        {
            if (!float.IsNaN(v))
            {
                values[j++] = v;
            }
        }

        int k = (int)Math.Clamp(Math.Ceiling((threshold.Value * valid) - 1e-9), 1, valid);
        return UncertaintyAggregator.Select(values, values.Length - k);
    }

    private static long Fill(ReadOnlySpan<float> u, UncertaintyThresholdKind kind, double cut, Span<byte> mask)
    {
        long n = 0;
        float c = (float)cut;
        bool strict = kind == UncertaintyThresholdKind.Absolute;
        for (int i = 0; i < u.Length; i++)
        {
            // NaN compares false, so nodata is never uncertain. The absolute cut compares in double: u > T exactly.
            bool on = strict ? u[i] > cut : u[i] >= c;
            mask[i] = on ? (byte)1 : (byte)0;
            n += on ? 1 : 0;
        }

        return n;
    }

    private static List<ComponentStats> Label4Connected(byte[] mask, ReadOnlySpan<float> u, int width, int height, int[] labels)
    {
        var stats = new List<ComponentStats>();
        var stack = new Stack<int>();
        for (int start = 0; start < mask.Length; start++)
        {
            if (mask[start] == 0 || labels[start] != 0)
            {
                continue;
            }

            int id = stats.Count + 1;
            var s = new ComponentStats { First = start, Max = double.NegativeInfinity };
            labels[start] = id;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int p = stack.Pop();
                s.Count++;
                s.Sum += u[p];
                s.Max = Math.Max(s.Max, u[p]);
                int r = p / width;
                int c = p - (r * width);
                if (c > 0)
                {
                    Visit(p - 1);
                }

                if (c < width - 1)
                {
                    Visit(p + 1);
                }

                if (r > 0)
                {
                    Visit(p - width);
                }

                if (r < height - 1)
                {
                    Visit(p + width);
                }
            }

            stats.Add(s);

            void Visit(int q)
            {
                if (mask[q] != 0 && labels[q] == 0)
                {
                    labels[q] = id;
                    stack.Push(q);
                }
            }
        }

        return stats;
    }

    private static double RequireNonNegative(double value, string name)
    {
        if (!(value >= 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a non-negative finite number.");
        }

        return value;
    }

    private sealed class ComponentStats
    {
        public int First { get; set; }

        public long Count { get; set; }

        public double Sum { get; set; }

        public double Max { get; set; }
    }
}
