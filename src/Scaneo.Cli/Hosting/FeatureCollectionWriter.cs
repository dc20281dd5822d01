using System.Globalization;
using System.Text.Json;
using Scaneo.Geo;

namespace Scaneo.Cli.Hosting;

/// <summary>The opening of the GeoJSON FeatureCollections the CLI streams (polygonize, uncertainty regions).</summary>
internal static class FeatureCollectionWriter
{
    /// <summary>Writes <c>{"type":"FeatureCollection", ["crs": …,] "features": [</c>; the caller writes the features and closes both.</summary>
    public static void WriteStart(Utf8JsonWriter writer, CrsReference? crs)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        if (crs is { Epsg: int epsg } && epsg != 4326)
        {
            // RFC 7946 dropped "crs"; it is still what GDAL and QGIS read for non-WGS 84 GeoJSON.
            writer.WriteStartObject("crs");
            writer.WriteString("type", "name");
            writer.WriteStartObject("properties");
            writer.WriteString("name", "urn:ogc:def:crs:EPSG::" + epsg.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteStartArray("features");
    }
}
