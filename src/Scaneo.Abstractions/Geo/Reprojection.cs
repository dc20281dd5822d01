using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace Scaneo.Geo;

/// <summary>
/// Coordinate transformations between CRSs with ProjNET (no EPSG database; see <see cref="CrsNotSupportedException"/>
/// for the codes built in). Geographic coordinates are (lon, lat). Accuracy: within 1 cm of PROJ across a UTM
/// zone. GRS80 datums (SIRGAS 2000, ETRS89, NAD83, GDA) are treated as equal to WGS 84, as PROJ does without
/// a transformation grid; their true difference is below a metre.
/// </summary>
public static class Reprojection
{
    private static readonly ConcurrentDictionary<(CrsReference Source, CrsReference Target), IMapTransform> Cache = new();
    private static readonly CoordinateTransformationFactory TransformFactory = new();

    /// <summary>Creates a transformation from one CRS to another (cached; thread-safe).</summary>
    /// <param name="source">The CRS of the input coordinates.</param>
    /// <param name="target">The CRS of the output coordinates.</param>
    /// <returns>The transformation.</returns>
    /// <exception cref="CrsNotSupportedException">A CRS is unknown without an EPSG database, or its WKT cannot be used.</exception>
    public static IMapTransform Create(CrsReference source, CrsReference target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (Cache.TryGetValue((source, target), out var cached))
        {
            return cached;
        }

        IMapTransform created;
        if (source.Equals(target))
        {
            created = new IdentityMapTransform(source);
        }
        else
        {
            var from = Resolve(source);
            var to = Resolve(target);
            try
            {
                var math = TransformFactory.CreateFromCoordinateSystems(from, to).MathTransform;
                created = new ProjNetMapTransform(source, target, math);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // ProjNET reports a projection or datum it cannot handle through several exception types (argument,
                // not-supported, missing-feature, even a null dereference on incomplete WKT): all of them mean
                // "this CRS cannot be transformed", which callers must see as one typed error.
                throw new CrsNotSupportedException(source, $"ProjNET cannot transform it to {target}: {ex.Message}", ex);
            }
        }

        return Cache.GetOrAdd((source, target), created);
    }

    /// <summary>Creates a transformation to WGS 84 (lon, lat).</summary>
    /// <param name="source">The CRS of the input coordinates.</param>
    /// <returns>The transformation.</returns>
    /// <exception cref="CrsNotSupportedException">The CRS is unknown or cannot be used.</exception>
    public static IMapTransform ToWgs84(CrsReference source) => Create(source, CrsReference.Wgs84);

    /// <summary>Returns whether a CRS can be transformed (it is built in, or its WKT parses).</summary>
    /// <param name="crs">The CRS.</param>
    /// <returns><see langword="true"/> when <see cref="ToWgs84"/> will succeed.</returns>
    public static bool IsSupported(CrsReference crs)
    {
        ArgumentNullException.ThrowIfNull(crs);
        try
        {
            ToWgs84(crs);
            return true;
        }
        catch (CrsNotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Returns the WKT1 of a CRS: its own WKT, or the built-in definition of its EPSG code.</summary>
    /// <param name="crs">The CRS.</param>
    /// <returns>The WKT, or <see langword="null"/> for an EPSG code that is not built in.</returns>
    public static string? GetWkt(CrsReference crs)
    {
        ArgumentNullException.ThrowIfNull(crs);
        if (crs.Wkt is { } wkt)
        {
            return wkt;
        }

        int code = crs.Epsg!.Value;
        return CrsCatalog.TryGetWkt(code);
    }

    /// <summary>
    /// Returns a copy of a geometry with every vertex transformed (no densification, like rasterio's
    /// <c>transform_geom</c>). The copy's SRID is the target's EPSG code, or 0.
    /// </summary>
    /// <param name="geometry">The geometry.</param>
    /// <param name="transform">The transformation.</param>
    /// <returns>The transformed copy.</returns>
    public static Geometry Transform(Geometry geometry, IMapTransform transform)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(transform);
        var copy = geometry.Copy();
        copy.Apply(new SequenceTransformer(transform));
        copy.GeometryChanged();
        copy.SRID = transform.Target.Epsg ?? 0;
        return copy;
    }

    private static CoordinateSystem Resolve(CrsReference crs)
    {
        if (crs.Epsg is int code)
        {
            if (code == 4326)
            {
                return GeographicCoordinateSystem.WGS84;
            }

            if (code == 3857)
            {
                return ProjectedCoordinateSystem.WebMercator;
            }

            if (code is >= 32601 and <= 32660 or >= 32701 and <= 32760)
            {
                return ProjectedCoordinateSystem.WGS84_UTM(code % 100, code < 32700);
            }

            if (CrsCatalog.TryGetWkt(code) is { } known)
            {
                return Parse(crs, known);
            }
        }

        if (crs.Wkt is { } wkt)
        {
            return Parse(crs, wkt);
        }

        throw new CrsNotSupportedException(crs, "this EPSG code is not built in (ProjNET has no EPSG database)");
    }

    private static CoordinateSystem Parse(CrsReference crs, string wkt)
    {
        try
        {
            return new CoordinateSystemFactory().CreateFromWkt(wkt);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or NotSupportedException or InvalidOperationException or NullReferenceException or IndexOutOfRangeException or InvalidCastException)
        {
            throw new CrsNotSupportedException(crs, "ProjNET cannot read its WKT (" + ex.Message + ")", ex);
        }
    }

    /// <summary>Transforms whole coordinate sequences at once through the batch API.</summary>
    private sealed class SequenceTransformer(IMapTransform transform) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            int n = seq.Count;
            if (n == 0)
            {
                return;
            }

            var x = new double[n];
            var y = new double[n];
            for (int i = 0; i < n; i++)
            {
                x[i] = seq.GetX(i);
                y[i] = seq.GetY(i);
            }

            transform.Transform(x, y);
            for (int i = 0; i < n; i++)
            {
                seq.SetX(i, x[i]);
                seq.SetY(i, y[i]);
            }
        }
    }
}
