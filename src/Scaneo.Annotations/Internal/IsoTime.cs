using System.Globalization;

namespace Scaneo.Annotations.Internal;

/// <summary>The UTC timestamp form the GeoPackage and STAC exporters write.</summary>
internal static class IsoTime
{
    // Millisecond UTC with a literal Z: the DATETIME form GeoPackage requires and what STAC readers parse most widely.
    public static string UtcMillis(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
