namespace Scaneo;

/// <summary>A model attached to a campaign with the mapping of the campaign's labels to its outputs.</summary>
public sealed class CampaignModel
{
    /// <summary>Initializes a new attachment.</summary>
    /// <param name="model">The model.</param>
    /// <param name="mapping">Campaign label → model outputs.</param>
    public CampaignModel(ModelDefinition model, LabelMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(mapping);
        Model = model;
        Mapping = mapping;
    }

    /// <summary>Gets the model.</summary>
    public ModelDefinition Model { get; }

    /// <summary>Gets the label mapping.</summary>
    public LabelMapping Mapping { get; }
}
