using System.Diagnostics;
using Scaneo.ActiveLearning.Areas;
using Scaneo.ActiveLearning.Maps;
using Scaneo.ActiveLearning.Ranking;
using Scaneo.ActiveLearning.Scoring;
using Scaneo.Annotations.Building;
using Scaneo.Annotations.Exports;
using Scaneo.ActiveLearning.Selection;
using Scaneo.Geo;
using Scaneo.Inference;
using Scaneo.Manifest;
using Scaneo.Predictions;
using Scaneo.ReferenceModel;

namespace Scaneo.Cli.Labelling;

/// <summary>
/// AI-assisted labelling of a whole campaign: every model over every image, predictions mapped to the campaign's
/// labels and merged with the human annotations, uncertainty per image and uncertain areas, a ranking of what to
/// label next, and an overlay picture per image. Only composition of package APIs lives here — it is the code a
/// GIS developer copies into a host of their own.
/// </summary>
internal sealed class LabelJob(TimeProvider timeProvider)
{
    /// <summary>Uncertainty above which a pixel counts as uncertain for ranking (normalised entropy).</summary>
    internal const double UncertainAreaThreshold = 0.6;

    /// <summary>
    /// Mean uncertainty over a 5 × 5 window above which a zone is outlined as an uncertain area (normalised
    /// entropy). Lower than the pixel cut because a window mixes uncertain pixels with their neighbours.
    /// </summary>
    internal const double UncertainZoneThreshold = 0.45;

    public async Task<LabelJobResult> RunAsync(LabelJobOptions options, IProgress<LabelProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string campaignDir = Path.GetFullPath(options.CampaignDirectory);
        var campaign = CampaignLoader.Load(campaignDir, options.CommandLineModel);
        if (campaign.Models.Count == 0)
        {
            throw new ScaneoException($"Campaign \"{campaign.Name}\" has no model: add one to campaign.json or pass --model URL --task TASK --labels name=index,….");
        }

        await using var reference = campaign.Models.Any(m => CampaignManifest.IsReferenceModelEndpoint(m.Model.Endpoint))
            ? await ReferenceModelServer.StartAsync(new ReferenceModelOptions(), 0, cancellationToken).ConfigureAwait(false)
            : null;
        var models = campaign.Models.Select(m => reference is not null && CampaignManifest.IsReferenceModelEndpoint(m.Model.Endpoint)
            ? new CampaignModel(m.Model.WithEndpoint(new Uri(reference.BaseAddress, m.Model.Endpoint.PathAndQuery)), m.Mapping)
            : m).ToList();

        await using var inference = new CampaignInference(timeProvider);
        var builder = new AnnotationBuilder(timeProvider);

        var outcomes = campaign.Images.ToDictionary(i => i.Path, i => new ImageOutcome(i), StringComparer.Ordinal);
        int total = models.Count * campaign.Images.Count, done = 0;
        foreach (var model in models)
        {
            await foreach (var outcome in inference.RunAsync(campaignDir, campaign.Images, model.Model, options.Concurrency, cancellationToken).ConfigureAwait(false))
            {
                var image = outcomes[outcome.Item.Id];
                try
                {
                    if (outcome.Prediction is null)
                    {
                        throw outcome.Error ?? new ScaneoException("the model returned nothing");
                    }

                    Absorb(image, model, outcome.Prediction, builder);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One image's failure — a model error or a defect of ours — is reported; the others complete.
                    image.Failures.Add($"{model.Model.Name}: {ex.Message}");
                }

                progress?.Report(new LabelProgress(++done, total, model.Model.Name, image.Image.Path, image.Failures.Count == 0));
            }
        }

        // Human annotations stored with the campaign are kept; each model's earlier predictions are replaced.
        var existing = await CampaignAnnotationStore.LoadAsync(campaignDir, campaign, timeProvider, cancellationToken).ConfigureAwait(false);
        var merged = new AnnotationSet(existing).Merge(outcomes.Values.SelectMany(o => o.Predictions), AnnotationMergePolicy.Replace);
        var ranking = Rank(outcomes.Values, cancellationToken);
        await LabelJobOutput.WriteAsync(campaign, campaignDir, options.OutputDirectory, merged, outcomes.Values, ranking, cancellationToken).ConfigureAwait(false);
        return new LabelJobResult(campaign, merged, outcomes.Values.ToList(), ranking, clock.Elapsed);
    }

    /// <summary>
    /// Ranks the images for the next labelling round by normalised entropy: of the segmentation scores when a model
    /// returned them (mean over the image, with the uncertain-area fraction), else of the classification scores.
    /// </summary>
    private static CampaignRanking? Rank(IEnumerable<ImageOutcome> images, CancellationToken cancellationToken)
    {
        var candidates = images
            .Select(i => i.Segmentation is { ClassScores: not null } s
                    ? (i.UncertaintyMap is { } map ? new RankingCandidate(i.Image.Path, s, map) : new RankingCandidate(i.Image.Path, s))
                : i.Classification is { } c ? new RankingCandidate(i.Image.Path, c)
                : null)
            .OfType<RankingCandidate>()
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var ranker = new CampaignRanker(new CampaignRankerOptions
        {
            Measure = UncertaintyMeasure.Entropy,
            Normalize = true,
            Strategy = SelectionStrategy.TopK,
            BatchSize = candidates.Count,
            RegionThreshold = UncertainAreaThreshold,
        });
        return ranker.Rank(candidates, cancellationToken);
    }

    private static void Absorb(ImageOutcome image, CampaignModel model, ModelPrediction prediction, AnnotationBuilder builder)
    {
        var toWgs84 = image.Image.Crs is { } crs && Reprojection.IsSupported(crs) ? Reprojection.ToWgs84(crs) : null;
        if (prediction.Classification is { } classification)
        {
            image.Classification = classification;
            image.Predictions.Add(builder.FromClassification(image.Image, model, classification));
        }
        else if (prediction.Detection is { } detection)
        {
            image.Predictions.AddRange(builder.FromDetection(image.Image, model, detection, toWgs84));
        }
        else if (prediction.Segmentation is { } segmentation)
        {
            image.Segmentation = segmentation;
            image.Predictions.AddRange(builder.FromSegmentation(image.Image, model, segmentation, toWgs84));
            if (segmentation.ClassScores is { } scores)
            {
                var input = segmentation.ScoreKind == ScoreKind.Logits ? ScoreInput.Logits : ScoreInput.Probabilities;
                image.UncertaintyMap = UncertaintyMap.Compute(scores, UncertaintyMeasure.Entropy, input, normalize: true);
                var finder = new UncertainAreaFinder
                {
                    Threshold = UncertaintyThreshold.Absolute(UncertainZoneThreshold),
                    MapTransform = toWgs84,

                    // A 5 × 5 box mean before the cut: the reviewer gets zones to look at, not per-pixel speckle.
                    SmoothingRadius = 2,
                    MinimumArea = 9,
                    ModelName = model.Model.Name,
                    ModelVersion = model.Model.Version,
                };
                image.UncertainAreas = finder.Find(image.UncertaintyMap.Raster);
                image.Predictions.AddRange(finder.CreateAnnotations(image.UncertainAreas, image.Image.Path));
            }
        }
        else
        {
            throw new ScaneoException($"the {prediction.Task} prediction cannot be turned into annotations by scaneo label.");
        }
    }
}
