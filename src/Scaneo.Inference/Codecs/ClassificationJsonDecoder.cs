using System.Text.Json;
using Scaneo.Inference.Processing;
using Scaneo.Predictions;

namespace Scaneo.Inference.Codecs;

/// <summary>
/// Decodes classification replies: SCANEO's bare list, <c>{"probabilities"}</c>, <c>{"logits"}</c>, <c>{"scores"}</c>,
/// Roboflow's <c>{"predictions":[{"class","confidence"}]}</c> and Label Studio's <c>choices</c> results.
/// </summary>
internal static class ClassificationJsonDecoder
{
    private const string Expected = "a classification reply: a list of numbers, {\"probabilities\": [...]}, {\"logits\": [...]}, {\"predictions\": [{\"class\", \"confidence\"}]} or Label Studio choices";

    public static ScoresReply Decode(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            if (JsonValues.Numbers(root) is { Length: > 0 } scores)
            {
                return new ScoresReply(scores, KindOf(scores));
            }

            // A batch of one: [[0.1, 0.7, 0.2]].
            if (root.GetArrayLength() == 1 && JsonValues.Numbers(root[0]) is { Length: > 0 } inner)
            {
                return new ScoresReply(inner, KindOf(inner));
            }

            if (root.GetArrayLength() > 0 && JsonValues.TryProperty(root[0], "result", out _))
            {
                return FromLabelStudio(root);
            }
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            if (JsonValues.TryProperty(root, "probabilities", out var p) && JsonValues.Numbers(p) is { Length: > 0 } probabilities)
            {
                return new ScoresReply(probabilities, ScoreKind.Probabilities);
            }

            if (JsonValues.TryProperty(root, "logits", out var l) && JsonValues.Numbers(l) is { Length: > 0 } logits)
            {
                return new ScoresReply(logits, ScoreKind.Logits);
            }

            if (JsonValues.TryProperty(root, "scores", out var s) && JsonValues.Numbers(s) is { Length: > 0 } plain)
            {
                return new ScoresReply(plain, KindOf(plain));
            }

            if (JsonValues.TryProperty(root, "predictions", out var preds))
            {
                if (JsonValues.Numbers(preds) is { Length: > 0 } list)
                {
                    return new ScoresReply(list, KindOf(list));
                }

                if (preds.ValueKind == JsonValueKind.Array && preds.GetArrayLength() > 0)
                {
                    return FromRoboflow(preds);
                }
            }

            if (JsonValues.TryProperty(root, "results", out var results) && results.ValueKind == JsonValueKind.Array)
            {
                return FromLabelStudio(results);
            }
        }

        throw new ReplyFormatException(Expected, "the reply is " + JsonValues.Kind(root));
    }

    /// <summary>Probabilities when every score is in [0, 1]; otherwise logits.</summary>
    internal static ScoreKind KindOf(IReadOnlyList<double> scores) =>
        scores.All(v => v is >= 0 and <= 1) ? ScoreKind.Probabilities : ScoreKind.Logits;

    private static ScoresReply FromRoboflow(JsonElement predictions)
    {
        var scores = new List<double>();
        var names = new List<string?>();
        var indexes = new List<int?>();
        foreach (var item in predictions.EnumerateArray())
        {
            double confidence = JsonValues.Number(item, "confidence", "score", "probability")
                ?? throw new ReplyFormatException(Expected, "a prediction without a numeric \"confidence\": " + JsonValues.Kind(item));
            scores.Add(confidence);
            names.Add(JsonValues.Text(item, "class", "label", "class_name"));
            indexes.Add(JsonValues.Index(item, "class_id"));
        }

        // With class ids for every entry the scores can be placed at their output positions.
        if (indexes.All(i => i is not null) && indexes.Distinct().Count() == indexes.Count)
        {
            int count = indexes.Max(i => i!.Value) + 1;
            var placed = new double[count];
            var placedNames = new string?[count];
            for (int k = 0; k < indexes.Count; k++)
            {
                placed[indexes[k]!.Value] = scores[k];
                placedNames[indexes[k]!.Value] = names[k];
            }

            return new ScoresReply(placed, ScoreKind.Probabilities, placedNames);
        }

        return new ScoresReply(scores, ScoreKind.Probabilities, names);
    }

    private static ScoresReply FromLabelStudio(JsonElement results)
    {
        var scores = new List<double>();
        var names = new List<string?>();
        foreach (var prediction in results.EnumerateArray())
        {
            double? predictionScore = JsonValues.Number(prediction, "score");
            if (!JsonValues.TryProperty(prediction, "result", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var item in items.EnumerateArray())
            {
                if (!JsonValues.TryProperty(item, "value", out var value) || !JsonValues.TryProperty(value, "choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                double score = JsonValues.Number(item, "score") ?? predictionScore ?? 1.0;
                foreach (var choice in choices.EnumerateArray())
                {
                    names.Add(choice.ValueKind == JsonValueKind.String ? choice.GetString() : choice.ToString());
                    scores.Add(score);
                }
            }
        }

        return scores.Count > 0
            ? new ScoresReply(scores, ScoreKind.Probabilities, names)
            : throw new ReplyFormatException(Expected, "Label Studio results without \"choices\"");
    }
}
