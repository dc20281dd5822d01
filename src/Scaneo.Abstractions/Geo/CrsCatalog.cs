using System.Globalization;

namespace Scaneo.Geo;

/// <summary>
/// WKT1 definitions of the EPSG codes Scaneo knows without an EPSG database (ProjNET has none): WGS 84, Web
/// Mercator, WGS 84 UTM and the GRS80 UTM families (SIRGAS 2000, ETRS89, NAD83, GDA94, GDA2020) and their
/// geographic CRSs. GRS80 datums are related to WGS 84 by a zero shift (they differ by less than a metre,
/// which PROJ also ignores without a grid), so transformations between them only change the ellipsoid.
/// </summary>
internal static class CrsCatalog
{
    private const string Wgs84Spheroid = "SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]]";
    private const string Grs80Spheroid = "SPHEROID[\"GRS 1980\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"7019\"]]";
    private const string Degree = "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]]";

    /// <summary>Returns the WKT1 of a known EPSG code, or <see langword="null"/>.</summary>
    /// <param name="epsg">The code.</param>
    /// <returns>The WKT or null.</returns>
    public static string? TryGetWkt(int epsg)
    {
        if (epsg == 3857)
        {
            return "PROJCS[\"WGS 84 / Pseudo-Mercator\"," + Geographic(4326) + ",PROJECTION[\"Popular_Visualisation_Pseudo_Mercator\"],"
                + "PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",0],PARAMETER[\"scale_factor\",1],"
                + "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
                + "AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"3857\"]]";
        }

        if (Geographic(epsg) is { } geographic)
        {
            return geographic;
        }

        return TryGetUtm(epsg, out int geographicCode, out int zone, out bool north, out string name)
            ? Utm(epsg, name, Geographic(geographicCode)!, zone, north)
            : null;
    }

    /// <summary>Returns whether a code names a geographic (lat/lon) CRS rather than a projected one.</summary>
    /// <param name="epsg">The code.</param>
    /// <returns>True for geographic 2D CRSs.</returns>
    /// <remarks>
    /// Geographic 2D CRSs live in 4000–4999 in the EPSG registry, except a few projected and geocentric ones;
    /// newer geographic codes (GDA2020 7844) are listed explicitly.
    /// </remarks>
    public static bool IsGeographic(int epsg) =>
        epsg is 7844 || (epsg is >= 4000 and <= 4999 && epsg is not (4087 or 4088 or 4936 or 4978));

    /// <summary>Recognises the UTM families built from code.</summary>
    public static bool TryGetUtm(int epsg, out int geographicCode, out int zone, out bool north, out string name)
    {
        (geographicCode, zone, north, string? datum) = epsg switch
        {
            >= 32601 and <= 32660 => (4326, epsg - 32600, true, "WGS 84"),
            >= 32701 and <= 32760 => (4326, epsg - 32700, false, "WGS 84"),
            >= 31965 and <= 31976 => (4674, epsg - 31954, true, "SIRGAS 2000"),
            >= 31977 and <= 31985 => (4674, epsg - 31960, false, "SIRGAS 2000"),
            6210 => (4674, 23, true, "SIRGAS 2000"),
            6211 => (4674, 24, true, "SIRGAS 2000"),
            5396 => (4674, 26, false, "SIRGAS 2000"),
            >= 25828 and <= 25838 => (4258, epsg - 25800, true, "ETRS89"),
            >= 26901 and <= 26923 => (4269, epsg - 26900, true, "NAD83"),
            >= 28348 and <= 28358 => (4283, epsg - 28300, false, "GDA94"),
            >= 7846 and <= 7859 => (7844, epsg - 7800, false, "GDA2020"),
            _ => (0, 0, false, (string?)null),
        };
        if (datum is null)
        {
            name = string.Empty;
            return false;
        }

        bool mga = geographicCode is 4283 or 7844;
        name = string.Create(CultureInfo.InvariantCulture, $"{datum} / {(mga ? "MGA zone " : "UTM zone ")}{zone}{(mga ? string.Empty : north ? "N" : "S")}");
        return true;
    }

    /// <summary>Returns the GEOGCS WKT of a known geographic code, or <see langword="null"/>.</summary>
    /// <param name="epsg">The code.</param>
    /// <returns>The WKT or null.</returns>
    public static string? Geographic(int epsg) => epsg switch
    {
        4326 => "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\"," + Wgs84Spheroid + ",AUTHORITY[\"EPSG\",\"6326\"]]," + Degree + ",AUTHORITY[\"EPSG\",\"4326\"]]",
        4674 => Grs80Geographic("SIRGAS 2000", "Sistema_de_Referencia_Geocentrico_para_las_AmericaS_2000", 6674, 4674),
        4258 => Grs80Geographic("ETRS89", "European_Terrestrial_Reference_System_1989", 6258, 4258),
        4269 => Grs80Geographic("NAD83", "North_American_Datum_1983", 6269, 4269),
        4283 => Grs80Geographic("GDA94", "Geocentric_Datum_of_Australia_1994", 6283, 4283),
        7844 => Grs80Geographic("GDA2020", "Geocentric_Datum_of_Australia_2020", 1168, 7844),
        _ => null,
    };

    /// <summary>Builds a GEOGCS from an ellipsoid, for user-defined GeoTIFF CRSs.</summary>
    public static string GeographicFromEllipsoid(string name, string datum, string spheroid, double semiMajor, double inverseFlattening, double primeMeridian, bool wgs84Datum) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"GEOGCS[\"{Escape(name)}\",DATUM[\"{Escape(datum)}\",SPHEROID[\"{Escape(spheroid)}\",{semiMajor:R},{inverseFlattening:R}]{(wgs84Datum ? string.Empty : ",TOWGS84[0,0,0,0,0,0,0]")}],PRIMEM[\"Greenwich\",{primeMeridian:R}],UNIT[\"degree\",0.0174532925199433]]");

    /// <summary>Escapes a name for use inside a WKT string literal.</summary>
    public static string Escape(string text) => text.Replace("\"", "\"\"", StringComparison.Ordinal);

    private static string Grs80Geographic(string name, string datum, int datumCode, int code) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"GEOGCS[\"{name}\",DATUM[\"{datum}\",{Grs80Spheroid},TOWGS84[0,0,0,0,0,0,0],AUTHORITY[\"EPSG\",\"{datumCode}\"]],{Degree},AUTHORITY[\"EPSG\",\"{code}\"]]");

    private static string Utm(int epsg, string name, string geographic, int zone, bool north) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"PROJCS[\"{name}\",{geographic},PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{(zone * 6) - 183}],PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",500000],PARAMETER[\"false_northing\",{(north ? 0 : 10000000)}],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"{epsg}\"]]");
}
