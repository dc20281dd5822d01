namespace Scaneo.Cli.Labelling;

/// <summary>What <c>scaneo label</c> was asked to do.</summary>
/// <param name="CampaignDirectory">The campaign folder (with <c>campaign.json</c>, or just GeoTIFFs when a model is given).</param>
/// <param name="OutputDirectory">Where the GeoJSON, <c>spai.json</c>, <c>ranking.json</c> and overlays go.</param>
/// <param name="Concurrency">Images in flight at once per model.</param>
/// <param name="CommandLineModel">A model given on the command line, attached in addition to the campaign's.</param>
internal sealed record LabelJobOptions(
    string CampaignDirectory,
    string OutputDirectory,
    int Concurrency,
    CampaignModel? CommandLineModel);
