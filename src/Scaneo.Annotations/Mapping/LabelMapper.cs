using System.Globalization;
using Scaneo.Predictions;

namespace Scaneo.Annotations.Mapping;

/// <summary>
/// Applies a validated <see cref="LabelMapping"/> to model predictions: only mapped outputs ever produce a label,
/// and results do not depend on the order of the model's outputs (permuting outputs together with the mapping
/// gives the same labels and scores, ties included: they go to the label listed first in the mapping).
/// </summary>
public sealed class LabelMapper
{
    private readonly string[] _labels;
    private readonly int[] _mappedOutputs;

    /// <summary>Initializes a mapper.</summary>
    /// <param name="mapping">The mapping.</param>
    /// <param name="outputs">What is known of the model's outputs (used to resolve class names and check ranges).</param>
    /// <exception cref="LabelMappingException">The mapping is empty or out of the declared range.</exception>
    public LabelMapper(LabelMapping mapping, ModelOutputs? outputs = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        Outputs = outputs ?? ModelOutputs.Unknown;
        LabelMappingValidator.Validate(mapping, null, Outputs).GetMappingOrThrow();
        Mapping = mapping;
        _labels = [.. mapping.Labels.Where(mapping.IsMapped)];
        _mappedOutputs = [.. mapping.MappedOutputs];
    }

    /// <summary>Gets the mapping.</summary>
    public LabelMapping Mapping { get; }

    /// <summary>Gets what is known of the model's outputs.</summary>
    public ModelOutputs Outputs { get; }

    /// <summary>Gets the labels that receive predictions, in mapping order.</summary>
    public IReadOnlyList<string> MappedLabels => _labels;

    /// <summary>
    /// Maps a classification reply. Logits are turned into probabilities with a softmax over all outputs first.
    /// A label fed by several outputs scores the sum of their probabilities; when the score kind is
    /// <see cref="ScoreKind.Unknown"/> (scores not known to add up) it scores their maximum.
    /// </summary>
    /// <param name="prediction">The reply.</param>
    /// <param name="renormalize">Whether to rescale the mapped labels' scores to sum to 1.</param>
    /// <returns>The top mapped label, its score and the mapped distribution.</returns>
    /// <exception cref="LabelMappingException">The mapping names an output the reply does not have.</exception>
    /// <exception cref="ScaneoValidationException">Renormalisation was asked for scores that do not sum to a positive number.</exception>
    public MappedClassification MapClassification(ClassificationPrediction prediction, bool renormalize = false)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        int n = prediction.Scores.Count;
        CheckReturned(n);
        double[] p = prediction.Kind == ScoreKind.Logits ? Softmax(prediction.Scores) : [.. prediction.Scores];
        bool additive = prediction.Kind != ScoreKind.Unknown;
        var distribution = new LabelScore[_labels.Length];
        for (int l = 0; l < _labels.Length; l++)
        {
            // Sorted so that the result is the same whatever order the outputs come in.
            double[] values = [.. Mapping.GetOutputs(_labels[l]).Select(i => p[i]).Order()];
            distribution[l] = new LabelScore(_labels[l], additive ? SumAscending(values) : values[^1]);
        }

        if (renormalize)
        {
            double total = SumAscending([.. distribution.Select(d => d.Score).Order()]);
            if (!(total > 0) || distribution.Any(d => d.Score < 0))
            {
                throw new ScaneoValidationException(
                    "ClassificationPrediction.Scores",
                    total.ToString(CultureInfo.InvariantCulture),
                    "must be non-negative with a positive sum over the mapped outputs to be renormalised; pass ScoreKind.Logits for logits.");
            }

            for (int l = 0; l < distribution.Length; l++)
            {
                distribution[l] = distribution[l] with { Score = distribution[l].Score / total };
            }
        }

        int best = 0;
        for (int l = 1; l < distribution.Length; l++)
        {
            if (distribution[l].Score > distribution[best].Score)
            {
                best = l;
            }
        }

        return new MappedClassification(distribution[best].Label, distribution[best].Score, distribution);
    }

    /// <summary>
    /// Maps each detected box to a label: by its output index, else by its class name through the model's output
    /// names, else by the arg-max of its class-score vector restricted to mapped outputs. Boxes whose class is
    /// unmapped or unresolvable are dropped.
    /// </summary>
    /// <param name="prediction">The reply.</param>
    /// <returns>The mapped boxes, in reply order.</returns>
    public IReadOnlyList<MappedDetection> MapDetection(DetectionPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var result = new List<MappedDetection>(prediction.Boxes.Count);
        for (int b = 0; b < prediction.Boxes.Count; b++)
        {
            var box = prediction.Boxes[b];
            int? output = box.OutputIndex ?? Outputs.IndexOfName(box.ClassName) ?? (box.ClassName is null ? ArgMaxMapped(box.ClassScores) : null);
            if (output is int o && Mapping.TryGetLabel(o, out string? label))
            {
                result.Add(new MappedDetection(b, CanonicalLabel(label), o, box.Score, box.Box));
            }
        }

        return result;
    }

    /// <summary>Returns the class values (mask values) whose pixels belong to a label in a segmentation mask.</summary>
    /// <param name="label">Campaign label (case-insensitive).</param>
    /// <returns>The values; empty when unmapped.</returns>
    public IReadOnlyList<int> GetClassValues(string label) => Mapping.GetOutputs(label);

    /// <summary>
    /// The inverse mapping for training exports: the class index a label is trained as (its lowest output index).
    /// </summary>
    /// <param name="label">Campaign label (case-insensitive).</param>
    /// <returns>The class index, or <see langword="null"/> when the label is unmapped.</returns>
    public int? GetClassIndex(string label)
    {
        var outputs = Mapping.GetOutputs(label);
        return outputs.Count == 0 ? null : outputs.Min();
    }

    /// <summary>Returns the label a class index feeds.</summary>
    /// <param name="classIndex">The model output (class) index.</param>
    /// <returns>The label, or <see langword="null"/> when unmapped.</returns>
    public string? GetLabel(int classIndex) =>
        Mapping.TryGetLabel(classIndex, out string? label) ? CanonicalLabel(label) : null;

    private string CanonicalLabel(string label) =>
        _labels.FirstOrDefault(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase)) ?? label;

    private int? ArgMaxMapped(IReadOnlyList<double>? scores)
    {
        if (scores is null)
        {
            return null;
        }

        int? best = null;
        int bestRank = int.MaxValue;
        foreach (int o in _mappedOutputs)
        {
            if (o >= scores.Count)
            {
                continue;
            }

            // Ties across labels go to the label listed first, never to the output that happens to come first.
            Mapping.TryGetLabel(o, out string? label);
            int rank = Array.FindIndex(_labels, l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase));
            if (best is not int b || scores[o] > scores[b] || (scores[o] == scores[b] && rank < bestRank))
            {
                best = o;
                bestRank = rank;
            }
        }

        return best;
    }

    private void CheckReturned(int count) =>
        LabelMappingValidator.Validate(Mapping, null, Outputs.WithReturnedCount(count)).GetMappingOrThrow();

    private static double[] Softmax(IReadOnlyList<double> logits)
    {
        double max = logits.Max();
        double[] e = [.. logits.Select(x => Math.Exp(x - max))];
        double total = SumAscending([.. e.Order()]);
        return [.. e.Select(x => x / total)];
    }

    private static double SumAscending(double[] sorted)
    {
        double s = 0;
        foreach (double v in sorted)
        {
            s += v;
        }

        return s;
    }
}
