using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scaneo;

/// <summary>
/// What a model does. An extensible enum: the four SCANEO tasks are predefined, other names round-trip unchanged
/// so that manifests written by newer versions still load.
/// </summary>
[JsonConverter(typeof(ModelTaskJsonConverter))]
public readonly struct ModelTask : IEquatable<ModelTask>
{
    private readonly string? _value;

    /// <summary>Initializes a task from its name (compared case-insensitively, stored in lower case).</summary>
    /// <param name="value">The name, e.g. <c>segmentation</c>.</param>
    /// <exception cref="ScaneoValidationException">The name is empty.</exception>
    public ModelTask(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ScaneoValidationException("ModelTask", value, "must be a non-empty task name such as classification, detection, segmentation or sam.");
        }

        _value = value.Trim().ToLowerInvariant();
    }

    /// <summary>Gets the classification task: one score per model output.</summary>
    public static ModelTask Classification { get; } = new("classification");

    /// <summary>Gets the detection task: boxes with classes and scores.</summary>
    public static ModelTask Detection { get; } = new("detection");

    /// <summary>Gets the segmentation task: a class mask (and optionally per-class scores).</summary>
    public static ModelTask Segmentation { get; } = new("segmentation");

    /// <summary>Gets the experimental SAM task: a geometry grown from points.</summary>
    public static ModelTask Sam { get; } = new("sam");

    /// <summary>Gets the task name in lower case (<c>default(ModelTask)</c> reads as classification).</summary>
    public string Value => _value ?? "classification";

    /// <summary>Gets a value indicating whether this is one of the four tasks Scaneo knows.</summary>
    public bool IsKnown => this == Classification || this == Detection || this == Segmentation || this == Sam;

    /// <inheritdoc />
    public bool Equals(ModelTask other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ModelTask other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Compares two tasks by name.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ModelTask left, ModelTask right) => left.Equals(right);

    /// <summary>Compares two tasks by name.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ModelTask left, ModelTask right) => !left.Equals(right);
}

/// <summary>Reads and writes <see cref="ModelTask"/> as its name.</summary>
public sealed class ModelTaskJsonConverter : JsonConverter<ModelTask>
{
    /// <inheritdoc />
    public override ModelTask Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected the task as a string (classification, detection, segmentation, sam), found {reader.TokenType}.");
        }

        try
        {
            return new ModelTask(reader.GetString()!);
        }
        catch (ScaneoValidationException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ModelTask value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
