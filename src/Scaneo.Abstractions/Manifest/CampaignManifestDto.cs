using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scaneo.Manifest;

// The manifest's wire shape. Every member is nullable so that a missing value is reported by the mapper with its
// JSON path and a readable message, instead of by the serializer with the name of an internal type.
#pragma warning disable CA1002, CA2227, CA1819 // DTOs: mutable lists and arrays are what the serializer fills.

/// <summary>The root object of <c>campaign.json</c>.</summary>
internal sealed class CampaignManifestDto
{
    public int? SchemaVersion { get; set; }

    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public List<LabelDto?>? Labels { get; set; }

    public List<ImageDto?>? Images { get; set; }

    public List<ModelDto?>? Models { get; set; }
}

/// <summary>One entry of <c>labels</c>.</summary>
internal sealed class LabelDto
{
    public string? Name { get; set; }

    public string? Color { get; set; }
}

/// <summary>One entry of <c>images</c>.</summary>
internal sealed class ImageDto
{
    public string? Path { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    public int? Bands { get; set; }

    public string? DataType { get; set; }

    public CrsDto? Crs { get; set; }

    public double[]? GeoTransform { get; set; }

    public double[]? BoundsWgs84 { get; set; }
}

/// <summary>The <c>crs</c> of an image.</summary>
internal sealed class CrsDto
{
    public int? Epsg { get; set; }

    public string? Wkt { get; set; }
}

/// <summary>One entry of <c>models</c>.</summary>
internal sealed class ModelDto
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Version { get; set; }

    public string? Endpoint { get; set; }

    public string? Task { get; set; }

    public string? InputFormat { get; set; }

    public List<string?>? Preprocessing { get; set; }

    public List<string?>? Postprocessing { get; set; }

    public int? OutputCount { get; set; }

    public List<string?>? OutputNames { get; set; }

    public Dictionary<string, OutputIndexes>? LabelMapping { get; set; }
}

/// <summary>
/// The value of one <c>labelMapping</c> entry: <c>null</c> (unmapped), one output index, or an array of them.
/// </summary>
[JsonConverter(typeof(OutputIndexesConverter))]
internal sealed class OutputIndexes(int[] values)
{
    public int[] Values { get; } = values;
}

/// <summary>Reads and writes <see cref="OutputIndexes"/> in its three JSON forms.</summary>
internal sealed class OutputIndexesConverter : JsonConverter<OutputIndexes>
{
    private const string Expected = "must be null (unmapped), an output index, or an array of output indexes";

    public override bool HandleNull => true;

    public override OutputIndexes Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return new OutputIndexes([]);
            case JsonTokenType.Number:
                return new OutputIndexes([ReadIndex(ref reader)]);
            case JsonTokenType.StartArray:
                var indexes = new List<int>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.Number)
                    {
                        throw new JsonException($"{Expected}; found {Describe(reader.TokenType)} in the array.");
                    }

                    indexes.Add(ReadIndex(ref reader));
                }

                return new OutputIndexes([.. indexes]);
            default:
                throw new JsonException($"{Expected}; found {Describe(reader.TokenType)}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, OutputIndexes value, JsonSerializerOptions options)
    {
        // Unmapped is written as null and a single output as a bare number: the common cases stay readable.
        if (value is null || value.Values.Length == 0)
        {
            writer.WriteNullValue();
        }
        else if (value.Values.Length == 1)
        {
            writer.WriteNumberValue(value.Values[0]);
        }
        else
        {
            writer.WriteStartArray();
            foreach (int index in value.Values)
            {
                writer.WriteNumberValue(index);
            }

            writer.WriteEndArray();
        }
    }

    private static int ReadIndex(ref Utf8JsonReader reader)
    {
        if (!reader.TryGetInt32(out int index))
        {
            throw new JsonException($"{Expected}; found a number that is not a 32-bit integer.");
        }

        return index;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };
}

/// <summary>Source-generated (reflection-free, trimming- and AOT-safe) serializer metadata for the manifest.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(CampaignManifestDto))]
internal sealed partial class CampaignManifestJsonContext : JsonSerializerContext;
#pragma warning restore CA1002, CA2227, CA1819
