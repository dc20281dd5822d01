namespace Scaneo;

/// <summary>A labelling campaign: a folder of images, the labels users apply, and the models attached to it.</summary>
public sealed class Campaign
{
    /// <summary>Initializes a new campaign.</summary>
    /// <param name="id">Non-empty identifier.</param>
    /// <param name="name">Non-empty display name.</param>
    /// <param name="labels">Labels; names unique case-insensitively.</param>
    /// <param name="images">Images; paths unique.</param>
    /// <param name="models">Attached models; names unique, mappings name only campaign labels.</param>
    /// <param name="description">Free text.</param>
    /// <exception cref="ScaneoValidationException">A rule is broken; the message names the field.</exception>
    public Campaign(string id, string name, IEnumerable<Label> labels, IEnumerable<CampaignImage>? images = null, IEnumerable<CampaignModel>? models = null, string? description = null)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ScaneoValidationException("Campaign.Id", id, "must be a non-empty identifier.");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ScaneoValidationException("Campaign.Name", name, "must be a non-empty name.");
        }

        ArgumentNullException.ThrowIfNull(labels);
        Label[] labelArray = [.. labels];
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < labelArray.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(labelArray[i], $"labels[{i}]");
            if (!seen.Add(labelArray[i].Name))
            {
                throw new ScaneoValidationException($"Campaign.Labels[{i}].Name", labelArray[i].Name, "must be unique within the campaign (compared case-insensitively).");
            }
        }

        CampaignImage[] imageArray = images is null ? [] : [.. images];
        var paths = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < imageArray.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(imageArray[i], $"images[{i}]");
            if (!paths.Add(imageArray[i].Path))
            {
                throw new ScaneoValidationException($"Campaign.Images[{i}].Path", imageArray[i].Path, "must be unique within the campaign.");
            }
        }

        CampaignModel[] modelArray = models is null ? [] : [.. models];
        var modelNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < modelArray.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(modelArray[i], $"models[{i}]");
            if (!modelNames.Add(modelArray[i].Model.Name))
            {
                throw new ScaneoValidationException($"Campaign.Models[{i}].Name", modelArray[i].Model.Name, "must be unique within the campaign.");
            }

            foreach (string label in modelArray[i].Mapping.Labels)
            {
                if (!seen.Contains(label))
                {
                    throw new ScaneoValidationException($"Campaign.Models[{i}].Mapping", label, "is not a label of the campaign.");
                }
            }
        }

        Id = id;
        Name = name;
        Description = description ?? string.Empty;
        Labels = labelArray;
        Images = imageArray;
        Models = modelArray;
    }

    /// <summary>Gets the identifier.</summary>
    public string Id { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets the description.</summary>
    public string Description { get; }

    /// <summary>Gets the labels.</summary>
    public IReadOnlyList<Label> Labels { get; }

    /// <summary>Gets the images.</summary>
    public IReadOnlyList<CampaignImage> Images { get; }

    /// <summary>Gets the attached models with their label mappings.</summary>
    public IReadOnlyList<CampaignModel> Models { get; }

    /// <summary>Finds a label by name (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The label, or <see langword="null"/>.</returns>
    public Label? FindLabel(string name) =>
        Labels.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));
}
