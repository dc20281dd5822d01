namespace Scaneo.Geo;

/// <summary>
/// Thrown when a CRS cannot be used for reprojection: an EPSG code Scaneo does not know without an EPSG database,
/// or a WKT ProjNET cannot parse or transform. The message says how to supply the CRS as WKT.
/// </summary>
public sealed class CrsNotSupportedException : ScaneoException
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="crs">The CRS that cannot be used.</param>
    /// <param name="reason">Why, e.g. "EPSG:2154 is not built in".</param>
    /// <param name="innerException">The ProjNET error, if any.</param>
    public CrsNotSupportedException(CrsReference crs, string reason, Exception? innerException = null)
        : base(
            $"{Describe(crs)}: {reason}. Built in: EPSG:4326, EPSG:3857, WGS 84 UTM (326zz/327zz), SIRGAS 2000 UTM (31965–31985, 6210, 6211, 5396), ETRS89 UTM (25828–25838), NAD83 UTM (26901–26923), GDA94/GDA2020 MGA; for any other CRS pass its WKT1, e.g. CrsReference.FromWkt(File.ReadAllText(\"crs.wkt\")) — `gdalsrsinfo -o wkt1 EPSG:<code>` or https://epsg.io/<code>.wkt prints it.",
            innerException)
    {
        Crs = crs;
    }

    /// <summary>Gets the CRS that cannot be used.</summary>
    public CrsReference Crs { get; }

    private static string Describe(CrsReference crs) =>
        crs.Epsg is int code ? "EPSG:" + code.ToString(System.Globalization.CultureInfo.InvariantCulture) : "CRS " + Shorten(crs.Wkt ?? string.Empty);

    private static string Shorten(string wkt) => wkt.Length <= 80 ? wkt : wkt[..77] + "...";
}
