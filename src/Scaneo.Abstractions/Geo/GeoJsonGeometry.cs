using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Scaneo.Geo;

/// <summary>
/// Reads and writes GeoJSON geometries (RFC 7946) with NetTopologySuite's System.Text.Json converter, without
/// reflection-based serialization (trimming- and AOT-safe): the converter is obtained once and called directly.
/// </summary>
public static class GeoJsonGeometry
{
    private static readonly JsonSerializerOptions Options = new();
    private static readonly JsonConverter<Geometry> Converter = CreateConverter();

    /// <summary>Gets the geometry factory used for geometries read from GeoJSON (SRID 4326).</summary>
    public static GeometryFactory Factory { get; } = new(new PrecisionModel(), 4326);

    /// <summary>Writes a geometry as a GeoJSON geometry object.</summary>
    /// <param name="writer">The writer, positioned where a value may be written.</param>
    /// <param name="geometry">The geometry.</param>
    public static void Write(Utf8JsonWriter writer, Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(geometry);
        Converter.Write(writer, geometry, Options);
    }

    /// <summary>Returns a geometry as GeoJSON text.</summary>
    /// <param name="geometry">The geometry.</param>
    /// <returns>The GeoJSON geometry object.</returns>
    public static string ToJson(Geometry geometry)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, geometry);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a GeoJSON geometry object.</summary>
    /// <param name="reader">The reader, positioned on the geometry's StartObject token.</param>
    /// <returns>The geometry (SRID 4326 unless the data says otherwise).</returns>
    /// <exception cref="JsonException">The value is not a GeoJSON geometry.</exception>
    public static Geometry Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a GeoJSON geometry object, found {reader.TokenType}.");
        }

        Geometry? geometry;
        try
        {
            geometry = Converter.Read(ref reader, typeof(Geometry), Options);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            // NTS's converter reports some malformed input (an unknown "type") with non-JSON exceptions.
            throw new JsonException("Expected a GeoJSON geometry object: " + ex.Message, ex);
        }

        return geometry ?? throw new JsonException("Expected a GeoJSON geometry object, found null.");
    }

    /// <summary>Parses GeoJSON geometry text.</summary>
    /// <param name="json">The GeoJSON geometry object.</param>
    /// <returns>The geometry.</returns>
    /// <exception cref="JsonException">The text is not a GeoJSON geometry.</exception>
    public static Geometry Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return Read(ref reader);
    }

    private static JsonConverter<Geometry> CreateConverter()
    {
        var factory = new GeoJsonConverterFactory(new GeometryFactory(new PrecisionModel(), 4326));
        return (JsonConverter<Geometry>)factory.CreateConverter(typeof(Geometry), Options)!;
    }
}
