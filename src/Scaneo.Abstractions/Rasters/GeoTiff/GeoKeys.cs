using System.Globalization;
using System.Text;
using Scaneo.Geo;

namespace Scaneo.Rasters.GeoTiff;

/// <summary>
/// The GeoKeyDirectory (tag 34735) of a GeoTIFF decoded into key → value, and the CRS it describes. EPSG codes
/// become <see cref="CrsReference.FromEpsg"/>; user-defined CRSs (32767) become WKT built from the keys, as
/// far as they allow.
/// </summary>
internal sealed class GeoKeys
{
    public const ushort ModelType = 1024;
    public const ushort RasterType = 1025;
    public const ushort Citation = 1026;
    public const ushort GeographicType = 2048;
    public const ushort GeogCitation = 2049;
    public const ushort GeodeticDatum = 2050;
    public const ushort PrimeMeridian = 2051;
    public const ushort GeogAngularUnits = 2054;
    public const ushort GeogEllipsoid = 2056;
    public const ushort GeogSemiMajorAxis = 2057;
    public const ushort GeogSemiMinorAxis = 2058;
    public const ushort GeogInvFlattening = 2059;
    public const ushort GeogPrimeMeridianLong = 2061;
    public const ushort ProjectedCsType = 3072;
    public const ushort PcsCitation = 3073;
    public const ushort Projection = 3074;
    public const ushort ProjCoordTrans = 3075;
    public const ushort ProjLinearUnits = 3076;
    public const ushort ProjLinearUnitSize = 3077;
    public const ushort ProjStdParallel1 = 3078;
    public const ushort ProjStdParallel2 = 3079;
    public const ushort ProjNatOriginLong = 3080;
    public const ushort ProjNatOriginLat = 3081;
    public const ushort ProjFalseEasting = 3082;
    public const ushort ProjFalseNorthing = 3083;
    public const ushort ProjFalseOriginLong = 3084;
    public const ushort ProjFalseOriginLat = 3085;
    public const ushort ProjFalseOriginEasting = 3086;
    public const ushort ProjFalseOriginNorthing = 3087;
    public const ushort ProjCenterLong = 3088;
    public const ushort ProjCenterLat = 3089;
    public const ushort ProjScaleAtNatOrigin = 3092;
    public const ushort ProjScaleAtCenter = 3093;
    public const ushort ProjAzimuthAngle = 3094;
    public const ushort ProjStraightVertPoleLong = 3095;

    public const int UserDefined = 32767;
    public const string EsriPeString = "ESRI PE String = ";

    private readonly Dictionary<ushort, ushort> _shorts = [];
    private readonly Dictionary<ushort, double[]> _doubles = [];
    private readonly Dictionary<ushort, string> _strings = [];

    private GeoKeys()
    {
    }

    /// <summary>Gets a value indicating whether the raster type is PixelIsPoint (GTRasterType = 2).</summary>
    public bool IsPixelIsPoint => Short(RasterType) == 2;

    /// <summary>Decodes a key directory; malformed entries are skipped, as GDAL does.</summary>
    /// <param name="directory">The GeoKeyDirectory shorts.</param>
    /// <param name="doubles">The GeoDoubleParams, if any.</param>
    /// <param name="ascii">The GeoAsciiParams, if any.</param>
    /// <returns>The keys.</returns>
    public static GeoKeys Parse(ReadOnlySpan<ushort> directory, ReadOnlySpan<double> doubles, string? ascii)
    {
        var keys = new GeoKeys();
        if (directory.Length < 4)
        {
            return keys;
        }

        int count = Math.Min(directory[3], (directory.Length - 4) / 4);
        for (int i = 0; i < count; i++)
        {
            var entry = directory.Slice(4 + (i * 4), 4);
            ushort id = entry[0];
            ushort location = entry[1];
            int n = entry[2];
            int offset = entry[3];
            switch (location)
            {
                case 0:
                    keys._shorts[id] = entry[3];
                    break;
                case 34736 when n >= 1 && offset + n <= doubles.Length:
                    keys._doubles[id] = doubles.Slice(offset, n).ToArray();
                    break;
                case 34737 when ascii is not null && n >= 1 && offset + n <= ascii.Length:
                    keys._strings[id] = ascii.Substring(offset, n).TrimEnd('|', '\0').Trim();
                    break;
                default:
                    break;
            }
        }

        return keys;
    }

    /// <summary>Returns the CRS the keys describe, or <see langword="null"/> when they describe none.</summary>
    /// <returns>The CRS.</returns>
    public CrsReference? ToCrs()
    {
        int? modelType = Short(ModelType);
        int? projected = Short(ProjectedCsType);
        int? geographic = Short(GeographicType);
        bool isProjected = modelType == 1 || (modelType is null && projected is not null);
        bool isGeographic = modelType == 2 || (modelType is null && projected is null && geographic is not null);

        if (isProjected)
        {
            if (projected is > 0 and < UserDefined)
            {
                return CrsReference.FromEpsg(projected.Value);
            }

            if (EsriWkt() is { } esri)
            {
                return CrsReference.FromWkt(esri);
            }

            return CrsReference.FromWkt(BuildProjectedWkt());
        }

        if (isGeographic)
        {
            if (geographic is > 0 and < UserDefined)
            {
                return CrsReference.FromEpsg(geographic.Value);
            }

            if (EsriWkt() is { } esri)
            {
                return CrsReference.FromWkt(esri);
            }

            return CrsReference.FromWkt(BuildGeographicWkt());
        }

        return null;
    }

    /// <summary>Builds the key directory, double and ASCII params for a CRS.</summary>
    /// <param name="crs">The CRS.</param>
    /// <param name="pixelIsPoint">Whether to declare PixelIsPoint (Scaneo always writes PixelIsArea).</param>
    /// <returns>The three tag values (doubles and ASCII may be empty).</returns>
    public static (ushort[] Directory, double[] Doubles, string Ascii) Build(CrsReference crs, bool pixelIsPoint = false)
    {
        var entries = new SortedDictionary<ushort, (ushort Location, ushort Count, ushort Value)>();
        var ascii = new StringBuilder();
        ushort rasterType = pixelIsPoint ? (ushort)2 : (ushort)1;
        entries[RasterType] = (0, 1, rasterType);
        if (crs.Epsg is int code && code < UserDefined)
        {
            bool geographic = CrsCatalog.IsGeographic(code);
            entries[ModelType] = (0, 1, geographic ? (ushort)2 : (ushort)1);
            entries[geographic ? GeographicType : ProjectedCsType] = (0, 1, (ushort)code);
        }
        else
        {
            // A CRS known only by WKT: GDAL reads an "ESRI PE String" citation back as the WKT.
            string wkt = crs.Wkt ?? string.Empty;
            bool geographic = wkt.TrimStart().StartsWith("GEOGCS", StringComparison.OrdinalIgnoreCase);
            entries[ModelType] = (0, 1, geographic ? (ushort)2 : (ushort)1);
            entries[geographic ? GeographicType : ProjectedCsType] = (0, 1, UserDefined);
            string citation = EsriPeString + wkt.Replace('|', ' ') + "|";
            entries[geographic ? GeogCitation : PcsCitation] = (34737, checked((ushort)citation.Length), (ushort)ascii.Length);
            ascii.Append(citation);
        }

        var directory = new List<ushort> { 1, 1, 0, (ushort)entries.Count };
        foreach (var (id, (location, count, value)) in entries)
        {
            directory.AddRange([id, location, count, value]);
        }

        return (directory.ToArray(), [], ascii.ToString());
    }

    private int? Short(ushort id) => _shorts.TryGetValue(id, out ushort v) ? v : null;

    private double? Double(ushort id) =>
        _doubles.TryGetValue(id, out double[]? v) ? v[0] : _shorts.TryGetValue(id, out ushort s) ? s : null;

    private string? Text(ushort id) => _strings.TryGetValue(id, out string? s) && s.Length > 0 ? s : null;

    private string? EsriWkt()
    {
        foreach (ushort id in (ReadOnlySpan<ushort>)[PcsCitation, GeogCitation, Citation])
        {
            if (Text(id) is { } text && text.StartsWith(EsriPeString, StringComparison.Ordinal))
            {
                string wkt = text[EsriPeString.Length..].Trim();
                if (wkt.Contains('[', StringComparison.Ordinal))
                {
                    return wkt;
                }
            }
        }

        return null;
    }

    private string BuildGeographicWkt()
    {
        int? code = Short(GeographicType);
        if (code is > 0 and < UserDefined && CrsCatalog.Geographic(code.Value) is { } known)
        {
            return known;
        }

        // GDAL writes "GCS Name = WGS 84|Datum = WGS_1984|Ellipsoid = …|Primem = …" as the geographic citation.
        string citation = Text(GeogCitation) ?? "unknown";
        string name = CitationPart(citation, "GCS Name = ") ?? (citation.Contains('|', StringComparison.Ordinal) ? "unknown" : citation);
        string? citedDatum = CitationPart(citation, "Datum = ");
        int? datum = Short(GeodeticDatum) is int d && d < UserDefined ? d : null;
        int? ellipsoid = Short(GeogEllipsoid);
        (string spheroid, double a, double invF) = ellipsoid switch
        {
            7030 => ("WGS 84", 6378137.0, 298.257223563),
            7019 => ("GRS 1980", 6378137.0, 298.257222101),
            7022 => ("International 1924", 6378388.0, 297.0),
            7004 => ("Bessel 1841", 6377397.155, 299.1528128),
            7008 => ("Clarke 1866", 6378206.4, 294.978698213898),
            _ => datum switch
            {
                6326 => ("WGS 84", 6378137.0, 298.257223563),
                6258 or 6269 or 6674 or 6283 => ("GRS 1980", 6378137.0, 298.257222101),
                _ => ("unknown", Double(GeogSemiMajorAxis) ?? 6378137.0, InverseFlattening()),
            },
        };
        bool wgs84 = datum == 6326 || (datum is null && ellipsoid == 7030);
        string datumName = datum switch
        {
            6326 => "WGS_1984",
            6258 => "European_Terrestrial_Reference_System_1989",
            6269 => "North_American_Datum_1983",
            6674 => "Sistema_de_Referencia_Geocentrico_para_las_AmericaS_2000",
            null => citedDatum ?? "unknown",
            _ => "EPSG datum " + datum.Value.ToString(CultureInfo.InvariantCulture),
        };
        return CrsCatalog.GeographicFromEllipsoid(name, datumName, spheroid, a, invF, Double(GeogPrimeMeridianLong) ?? 0, wgs84);
    }

    private double InverseFlattening()
    {
        if (Double(GeogInvFlattening) is double invF)
        {
            return invF;
        }

        if (Double(GeogSemiMajorAxis) is double a && Double(GeogSemiMinorAxis) is double b && a != b)
        {
            return a / (a - b);
        }

        return 298.257223563;
    }

    private static string? CitationPart(string citation, string prefix)
    {
        foreach (string part in citation.Split('|'))
        {
            string p = part.Trim();
            if (p.StartsWith(prefix, StringComparison.Ordinal) && p.Length > prefix.Length)
            {
                return p[prefix.Length..].Trim();
            }
        }

        return null;
    }

    private string BuildProjectedWkt()
    {
        string geographic = BuildGeographicWkt();
        string name = Text(PcsCitation) ?? Text(Citation) ?? "unknown";
        var inv = CultureInfo.InvariantCulture;
        int? projection = Short(Projection);

        // EPSG projection codes 16001–16060 / 16101–16160 are UTM north / south zones.
        if (projection is >= 16001 and <= 16060 or >= 16101 and <= 16160)
        {
            int zone = projection.Value % 100;
            bool north = projection.Value < 16100;
            return string.Create(inv, $"PROJCS[\"{CrsCatalog.Escape(name)}\",{geographic},PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{(zone * 6) - 183}],PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",{(north ? 0 : 10000000)}],{LinearUnit()}]");
        }

        double originLat = Double(ProjNatOriginLat) ?? Double(ProjFalseOriginLat) ?? Double(ProjCenterLat) ?? 0;
        double originLon = Double(ProjNatOriginLong) ?? Double(ProjFalseOriginLong) ?? Double(ProjCenterLong) ?? 0;
        double falseEasting = Double(ProjFalseEasting) ?? Double(ProjFalseOriginEasting) ?? 0;
        double falseNorthing = Double(ProjFalseNorthing) ?? Double(ProjFalseOriginNorthing) ?? 0;
        double scale = Double(ProjScaleAtNatOrigin) ?? Double(ProjScaleAtCenter) ?? 1;
        double sp1 = Double(ProjStdParallel1) ?? originLat;
        double sp2 = Double(ProjStdParallel2) ?? sp1;
        int? transform = Short(ProjCoordTrans);
        string? body = transform switch
        {
            1 => string.Create(inv, $"PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",{originLat:R}],PARAMETER[\"central_meridian\",{originLon:R}],PARAMETER[\"scale_factor\",{scale:R}],PARAMETER[\"false_easting\",{falseEasting:R}],PARAMETER[\"false_northing\",{falseNorthing:R}]"),
            7 when Double(ProjStdParallel1) is double lat1 => string.Create(inv, $"PROJECTION[\"Mercator_2SP\"],PARAMETER[\"standard_parallel_1\",{lat1:R}],PARAMETER[\"central_meridian\",{originLon:R}],PARAMETER[\"false_easting\",{falseEasting:R}],PARAMETER[\"false_northing\",{falseNorthing:R}]"),
            7 => string.Create(inv, $"PROJECTION[\"Mercator_1SP\"],PARAMETER[\"latitude_of_origin\",{originLat:R}],PARAMETER[\"central_meridian\",{originLon:R}],PARAMETER[\"scale_factor\",{scale:R}],PARAMETER[\"false_easting\",{falseEasting:R}],PARAMETER[\"false_northing\",{falseNorthing:R}]"),
            8 => string.Create(inv, $"PROJECTION[\"Lambert_Conformal_Conic_2SP\"],PARAMETER[\"standard_parallel_1\",{sp1:R}],PARAMETER[\"standard_parallel_2\",{sp2:R}],PARAMETER[\"latitude_of_origin\",{originLat:R}],PARAMETER[\"central_meridian\",{originLon:R}],PARAMETER[\"false_easting\",{falseEasting:R}],PARAMETER[\"false_northing\",{falseNorthing:R}]"),
            9 => string.Create(inv, $"PROJECTION[\"Lambert_Conformal_Conic_1SP\"],PARAMETER[\"latitude_of_origin\",{originLat:R}],PARAMETER[\"central_meridian\",{originLon:R}],PARAMETER[\"scale_factor\",{scale:R}],PARAMETER[\"false_easting\",{falseEasting:R}],PARAMETER[\"false_northing\",{falseNorthing:R}]"),
            11 => string.Create(inv, $"PROJECTION[\"Albers_Conic_Equal_Area\"],PARAMETER[\"standard_parallel_1\",{sp1:R}],PARAMETER[\"standard_parallel_2\",{sp2:R}],PARAMETER[\"latitude_of_center\",{originLat:R}],PARAMETER[\"longitude_of_center\",{originLon:R}],PARAMETER[\"false_easting\",{falseEasting:R}],PARAMETER[\"false_northing\",{falseNorthing:R}]"),
            10 => string.Create(inv, $"PROJECTION[\"Lambert_Azimuthal_Equal_Area\"],PARAMETER[\"latitude_of_center\",{originLat:R}],PARAMETER[\"longitude_of_center\",{originLon:R}],PARAMETER[\"false_easting\",{falseEasting:R}],PARAMETER[\"false_northing\",{falseNorthing:R}]"),
            _ => null,
        };

        // Without a projection we can express, describe what is known; transforming it fails with a clear error.
        body ??= string.Create(inv, $"PROJECTION[\"GeoTIFF coordinate transformation {transform?.ToString(inv) ?? "unknown"}\"]");
        return $"PROJCS[\"{CrsCatalog.Escape(name)}\",{geographic},{body},{LinearUnit()}]";
    }

    private string LinearUnit() => Short(ProjLinearUnits) switch
    {
        9002 => "UNIT[\"foot\",0.3048]",
        9003 => "UNIT[\"US survey foot\",0.304800609601219]",
        _ when Double(ProjLinearUnitSize) is double size => string.Create(CultureInfo.InvariantCulture, $"UNIT[\"unit\",{size:R}]"),
        _ => "UNIT[\"metre\",1]",
    };
}
