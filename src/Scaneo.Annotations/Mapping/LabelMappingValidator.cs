using System.Globalization;

namespace Scaneo.Annotations.Mapping;

/// <summary>
/// Checks a label mapping against the campaign's labels and the model's outputs and reports every problem at once,
/// with a dry-run summary. A mapping is valid exactly when it is injective (no output feeds two labels, no index
/// repeats), every index is in range (<c>0 ≤ index &lt; count</c> for every known count — upstream's check is off
/// by one), every label belongs to the campaign, and at least one output is mapped.
/// </summary>
public static class LabelMappingValidator
{
    /// <summary>Validates a draft mapping.</summary>
    /// <param name="draft">The mapping as stated.</param>
    /// <param name="campaignLabels">The campaign's labels, or <see langword="null"/> to skip the unknown-label check.</param>
    /// <param name="outputs">What is known of the model's outputs (<see cref="ModelOutputs.Unknown"/> to skip range checks).</param>
    /// <returns>The result; <see cref="LabelMappingValidationResult.Mapping"/> is set when valid.</returns>
    public static LabelMappingValidationResult Validate(LabelMappingDraft draft, IReadOnlyList<Label>? campaignLabels, ModelOutputs outputs) =>
        Validate(draft, campaignLabels, outputs, []);

    /// <summary>Validates an existing mapping against a model (e.g. after the model started returning fewer outputs).</summary>
    /// <param name="mapping">The mapping.</param>
    /// <param name="campaignLabels">The campaign's labels, or <see langword="null"/>.</param>
    /// <param name="outputs">What is known of the model's outputs.</param>
    /// <returns>The result.</returns>
    public static LabelMappingValidationResult Validate(LabelMapping mapping, IReadOnlyList<Label>? campaignLabels, ModelOutputs outputs) =>
        Validate(LabelMappingDraft.From(mapping), campaignLabels, outputs, []);

    internal static LabelMappingValidationResult Validate(LabelMappingDraft draft, IReadOnlyList<Label>? campaignLabels, ModelOutputs outputs, IReadOnlyList<LabelMappingProblem> earlierProblems)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(outputs);
        var problems = new List<LabelMappingProblem>(earlierProblems);
        var campaign = campaignLabels?.ToDictionary(l => l.Name, l => l.Name, StringComparer.OrdinalIgnoreCase);
        var seenLabels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var claimedBy = new Dictionary<int, string>();
        var validByLabel = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var labelOrder = new List<string>();
        int totalIndexes = 0;

        foreach (var (rawLabel, indexes) in draft.Entries)
        {
            string label = rawLabel.Trim();
            totalIndexes += indexes.Count;
            if (label.Length == 0)
            {
                problems.Add(new LabelMappingProblem(LabelMappingProblemKind.UnknownLabel, rawLabel, null, "A mapping entry has an empty label name; expected a campaign label."));
                continue;
            }

            if (campaign is not null)
            {
                if (!campaign.TryGetValue(label, out string? canonical))
                {
                    problems.Add(new LabelMappingProblem(
                        LabelMappingProblemKind.UnknownLabel,
                        label,
                        null,
                        $"Label \"{label}\" is not a campaign label; expected one of: {string.Join(", ", campaign.Values.Select(v => "\"" + v + "\""))}."));
                    continue;
                }

                label = canonical;
            }

            if (!seenLabels.Add(label))
            {
                problems.Add(new LabelMappingProblem(LabelMappingProblemKind.DuplicateLabel, label, null, $"Label \"{label}\" is listed twice; list each label once with all its outputs."));
                continue;
            }

            labelOrder.Add(label);
            var valid = new List<int>();
            validByLabel[label] = valid;
            var seenIndexes = new HashSet<int>();
            foreach (int index in indexes)
            {
                string at = index.ToString(CultureInfo.InvariantCulture);
                if (!seenIndexes.Add(index))
                {
                    problems.Add(new LabelMappingProblem(LabelMappingProblemKind.DuplicateIndex, label, index, $"Label \"{label}\" lists output {at} more than once."));
                    continue;
                }

                bool ok = true;
                if (index < 0)
                {
                    problems.Add(new LabelMappingProblem(LabelMappingProblemKind.NegativeIndex, label, index, $"Label \"{label}\" maps to output {at}; output indexes start at 0."));
                    ok = false;
                }

                if (outputs.DeclaredCount is int declared && index >= declared)
                {
                    problems.Add(new LabelMappingProblem(
                        LabelMappingProblemKind.IndexBeyondDeclaredCount,
                        label,
                        index,
                        $"Label \"{label}\" maps to output {at}, but the model declares {declared} outputs (valid indexes 0..{declared - 1})."));
                    ok = false;
                }

                if (outputs.ReturnedCount is int returned && index >= returned)
                {
                    problems.Add(new LabelMappingProblem(
                        LabelMappingProblemKind.IndexBeyondReturnedCount,
                        label,
                        index,
                        $"Label \"{label}\" maps to output {at}, but the model returned {returned} outputs (valid indexes 0..{returned - 1})."));
                    ok = false;
                }

                if (claimedBy.TryGetValue(index, out string? owner))
                {
                    problems.Add(new LabelMappingProblem(
                        LabelMappingProblemKind.OutputClaimedTwice,
                        label,
                        index,
                        $"Output {at} is mapped to both \"{owner}\" and \"{label}\"; one output may feed only one label."));
                    ok = false;
                }
                else if (index >= 0)
                {
                    claimedBy[index] = label;
                }

                if (ok)
                {
                    valid.Add(index);
                }
            }
        }

        if (totalIndexes == 0)
        {
            problems.Add(new LabelMappingProblem(LabelMappingProblemKind.EmptyMapping, null, null, "The mapping maps no model output to any label, so the model would produce no annotation."));
        }

        var summaryOrder = campaignLabels is null ? labelOrder : [.. campaignLabels.Select(l => l.Name)];
        var mapped = new List<KeyValuePair<string, IReadOnlyList<int>>>();
        var unmapped = new List<string>();
        foreach (string label in summaryOrder)
        {
            if (validByLabel.TryGetValue(label, out var v) && v.Count > 0)
            {
                mapped.Add(new(label, [.. v.Order()]));
            }
            else
            {
                unmapped.Add(label);
            }
        }

        var used = new HashSet<int>(mapped.SelectMany(m => m.Value));
        int[] dropped = outputs.Bound is int bound ? [.. Enumerable.Range(0, bound).Where(i => !used.Contains(i))] : [];
        var summary = new LabelMappingSummary(mapped, unmapped, dropped);
        LabelMapping? mapping = null;
        if (problems.Count == 0)
        {
            mapping = new LabelMapping(summaryOrder.Select(l =>
                new KeyValuePair<string, IReadOnlyList<int>>(l, validByLabel.TryGetValue(l, out var v) ? [.. v] : [])));
        }

        return new LabelMappingValidationResult(problems, summary, mapping);
    }
}
