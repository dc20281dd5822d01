namespace Scaneo.Annotations.Mapping;

/// <summary>
/// Builds label mappings from campaign labels and a model's outputs: by index (SCANEO's form), by explicit output
/// names, or by matching names automatically (exact, case-insensitive, synonyms). Every method validates and
/// reports all problems in the returned <see cref="LabelMappingValidationResult"/>.
/// </summary>
public static class LabelMappingBuilder
{
    /// <summary>Builds a mapping from label → output index (null = unmapped), as SCANEO's UI stores it.</summary>
    /// <param name="labels">The campaign labels.</param>
    /// <param name="indexByLabel">Label → output index, or null when the model has no such class.</param>
    /// <param name="outputs">What is known of the model's outputs.</param>
    /// <returns>The validation result with the mapping when valid.</returns>
    public static LabelMappingValidationResult ByIndex(IReadOnlyList<Label> labels, IEnumerable<KeyValuePair<string, int?>> indexByLabel, ModelOutputs outputs)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return LabelMappingValidator.Validate(LabelMappingDraft.FromIndexes(indexByLabel), labels, outputs);
    }

    /// <summary>Builds a mapping from label → output name (blank = unmapped), resolved against the model's declared names.</summary>
    /// <param name="labels">The campaign labels.</param>
    /// <param name="outputNameByLabel">Label → model output name, or blank/null for unmapped.</param>
    /// <param name="outputs">The model's outputs; must declare names.</param>
    /// <returns>The validation result; unresolvable names are <see cref="LabelMappingProblemKind.UnknownOutputName"/> problems.</returns>
    public static LabelMappingValidationResult ByOutputNames(IReadOnlyList<Label> labels, IEnumerable<KeyValuePair<string, string?>> outputNameByLabel, ModelOutputs outputs)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(outputNameByLabel);
        ArgumentNullException.ThrowIfNull(outputs);
        var problems = new List<LabelMappingProblem>();
        var entries = new List<KeyValuePair<string, IReadOnlyList<int>?>>();
        foreach (var (label, name) in outputNameByLabel)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                entries.Add(new(label, []));
                continue;
            }

            if (outputs.IndexOfName(name) is int index)
            {
                entries.Add(new(label, [index]));
            }
            else
            {
                string known = outputs.Names is null ? "the model declares no output names" : "the model's outputs are " + string.Join(", ", outputs.Names.Select(n => "\"" + n + "\""));
                problems.Add(new LabelMappingProblem(LabelMappingProblemKind.UnknownOutputName, label, null, $"Label \"{label}\" maps to output \"{name}\", which is not a model output name; {known}."));
                entries.Add(new(label, []));
            }
        }

        return LabelMappingValidator.Validate(new LabelMappingDraft(entries), labels, outputs, problems);
    }

    /// <summary>
    /// Matches each model output name to a campaign label: an exact match first, then (if enabled) a
    /// case-insensitive one, then the label's synonyms. Labels no output matches stay unmapped; outputs matching no
    /// label are dropped; an output matching two labels through synonyms is reported.
    /// </summary>
    /// <param name="labels">The campaign labels.</param>
    /// <param name="outputs">The model's outputs; must declare names.</param>
    /// <param name="options">Matching options, or <see langword="null"/> for <see cref="LabelNameMatchOptions.Default"/>.</param>
    /// <returns>The validation result.</returns>
    /// <exception cref="ScaneoValidationException">The model declares no output names.</exception>
    public static LabelMappingValidationResult ByName(IReadOnlyList<Label> labels, ModelOutputs outputs, LabelNameMatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(outputs);
        options ??= LabelNameMatchOptions.Default;
        if (outputs.Names is null)
        {
            throw new ScaneoValidationException("ModelOutputs.Names", null, "must be declared to map labels by name; map by index instead.");
        }

        var byLabel = labels.ToDictionary(l => l.Name, _ => new List<int>(), StringComparer.OrdinalIgnoreCase);
        var synonyms = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (label, names) in options.Synonyms)
        {
            if (label is null || names is null)
            {
                continue;
            }

            foreach (string n in names.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                if (!synonyms.TryGetValue(n.Trim(), out var owners))
                {
                    synonyms[n.Trim()] = owners = [];
                }

                owners.Add(label.Trim());
            }
        }

        var extra = new List<KeyValuePair<string, IReadOnlyList<int>?>>();
        for (int i = 0; i < outputs.Names.Count; i++)
        {
            string name = outputs.Names[i].Trim();
            Label? direct = labels.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.Ordinal))
                ?? (options.IgnoreCase ? labels.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)) : null);
            if (direct is not null)
            {
                byLabel[direct.Name].Add(i);
                continue;
            }

            if (synonyms.TryGetValue(name, out var owners))
            {
                foreach (string owner in owners.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    if (byLabel.TryGetValue(owner, out var list))
                    {
                        list.Add(i);
                    }
                    else
                    {
                        // A synonym for a label the campaign lacks: the validator reports the unknown label.
                        extra.Add(new(owner, [i]));
                    }
                }
            }
        }

        var entries = labels.Select(l => new KeyValuePair<string, IReadOnlyList<int>?>(l.Name, byLabel[l.Name])).Concat(extra);
        return LabelMappingValidator.Validate(new LabelMappingDraft(entries), labels, outputs);
    }
}
