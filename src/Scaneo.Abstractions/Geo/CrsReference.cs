using System.Globalization;

namespace Scaneo.Geo;

/// <summary>
/// A reference to a coordinate reference system: an EPSG code, a WKT definition, or both. User-defined
/// GeoTIFF CRSs have no EPSG code and carry what their keys describe as WKT.
/// </summary>
public sealed class CrsReference : IEquatable<CrsReference>
{
    private CrsReference(int? epsg, string? wkt)
    {
        Epsg = epsg;
        Wkt = wkt;
    }

    /// <summary>Gets WGS 84 geographic coordinates (EPSG:4326), axis order (lon, lat) in Scaneo.</summary>
    public static CrsReference Wgs84 { get; } = new(4326, null);

    /// <summary>Gets WGS 84 / Pseudo-Mercator (EPSG:3857).</summary>
    public static CrsReference WebMercator { get; } = new(3857, null);

    /// <summary>Gets the EPSG code, or <see langword="null"/> for a CRS known only by its WKT.</summary>
    public int? Epsg { get; }

    /// <summary>Gets the WKT definition, or <see langword="null"/> when only the EPSG code is known.</summary>
    public string? Wkt { get; }

    /// <summary>Creates a reference from an EPSG code.</summary>
    /// <param name="code">A positive EPSG code, e.g. 32631.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ScaneoValidationException">The code is not positive.</exception>
    public static CrsReference FromEpsg(int code)
    {
        if (code <= 0)
        {
            throw new ScaneoValidationException("CrsReference.Epsg", code.ToString(CultureInfo.InvariantCulture), "must be a positive EPSG code.");
        }

        return code == 4326 ? Wgs84 : new CrsReference(code, null);
    }

    /// <summary>Creates a reference from a WKT definition, optionally with its EPSG code.</summary>
    /// <param name="wkt">The WKT text (WKT1 as ProjNET reads it).</param>
    /// <param name="epsg">The EPSG code when known.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ScaneoValidationException">The WKT is empty.</exception>
    public static CrsReference FromWkt(string wkt, int? epsg = null)
    {
        if (string.IsNullOrWhiteSpace(wkt))
        {
            throw new ScaneoValidationException("CrsReference.Wkt", wkt, "must be a non-empty WKT definition.");
        }

        if (epsg is <= 0)
        {
            throw new ScaneoValidationException("CrsReference.Epsg", epsg.Value.ToString(CultureInfo.InvariantCulture), "must be a positive EPSG code.");
        }

        return new CrsReference(epsg, wkt.Trim());
    }

    /// <summary>Parses <c>EPSG:NNNN</c> (case-insensitive), a bare code, or WKT text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ScaneoValidationException">The text is empty or not one of those forms.</exception>
    public static CrsReference Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ScaneoValidationException("CrsReference", text, "must be \"EPSG:<code>\" or a WKT definition.");
        }

        string t = text.Trim();
        string digits = t.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase) ? t[5..] : t;
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int code))
        {
            return FromEpsg(code);
        }

        if (t.Contains('[', StringComparison.Ordinal))
        {
            return FromWkt(t);
        }

        throw new ScaneoValidationException("CrsReference", text, "must be \"EPSG:<code>\" or a WKT definition.");
    }

    /// <inheritdoc />
    public bool Equals(CrsReference? other) =>
        other is not null && Epsg == other.Epsg && (Epsg is not null || string.Equals(Wkt, other.Wkt, StringComparison.Ordinal));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CrsReference);

    /// <inheritdoc />
    public override int GetHashCode() => Epsg is int code ? code : StringComparer.Ordinal.GetHashCode(Wkt ?? string.Empty);

    /// <summary>Returns <c>EPSG:NNNN</c> when the code is known, otherwise the WKT.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Epsg is int code ? "EPSG:" + code.ToString(CultureInfo.InvariantCulture) : Wkt ?? string.Empty;
}
