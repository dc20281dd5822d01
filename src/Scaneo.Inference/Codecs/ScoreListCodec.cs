using System.Text.Json;
using Scaneo.Predictions;

namespace Scaneo.Inference.Codecs;

/// <summary>
/// Writes and reads the per-class score list shape <c>[{"bbox": [x1, y1, x2, y2], "scores": [...]}]</c>, the detection
/// form SCANEO's label mapping ("position of the label in each box's list") refers to. Model servers written in .NET
/// (such as the reference model) can answer with <see cref="Write"/>.
/// </summary>
public static class ScoreListCodec
{
    /// <summary>Writes boxes with their per-class scores.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="boxes">Boxes; each needs <see cref="DetectedBox.ClassScores"/>.</param>
    /// <exception cref="ScaneoValidationException">A box has no class scores.</exception>
    public static void Write(Utf8JsonWriter writer, IEnumerable<DetectedBox> boxes)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(boxes);
        writer.WriteStartArray();
        foreach (var box in boxes)
        {
            if (box.ClassScores is not { Count: > 0 } scores)
            {
                throw new ScaneoValidationException("DetectedBox.ClassScores", null, "must hold the per-class scores to write a score list.");
            }

            writer.WriteStartObject();
            writer.WriteStartArray("bbox");
            writer.WriteNumberValue(box.Box.MinX);
            writer.WriteNumberValue(box.Box.MinY);
            writer.WriteNumberValue(box.Box.MaxX);
            writer.WriteNumberValue(box.Box.MaxY);
            writer.WriteEndArray();
            writer.WriteStartArray("scores");
            foreach (double s in scores)
            {
                writer.WriteNumberValue(s);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Returns boxes as score-list JSON bytes.</summary>
    /// <param name="boxes">The boxes.</param>
    /// <returns>UTF-8 JSON.</returns>
    public static byte[] Encode(IEnumerable<DetectedBox> boxes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, boxes);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a score list; each box's class is the argmax of its scores and its score the maximum.</summary>
    /// <param name="json">UTF-8 JSON.</param>
    /// <returns>The boxes.</returns>
    /// <exception cref="ReplyFormatException">The JSON is not a score list.</exception>
    public static IReadOnlyList<DetectedBox> Decode(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new ReplyFormatException("a score list [{\"bbox\", \"scores\"}]", "the reply is " + JsonValues.Kind(document.RootElement));
            }

            var context = new DetectionDecodeContext(1, 1, null, null, null);
            return DetectionJsonDecoder.Decode(document.RootElement, context).Boxes;
        }
        catch (JsonException ex)
        {
            throw new ReplyFormatException("a score list [{\"bbox\", \"scores\"}]", "invalid JSON: " + ex.Message, null, ex);
        }
    }
}
