using System.CommandLine;
using System.Globalization;
using Scaneo.ActiveLearning.Ranking;
using Scaneo.ActiveLearning.Scoring;
using Scaneo.ActiveLearning.Selection;
using Scaneo.Cli.Hosting;
using Scaneo.Cli.Labelling;
using Spectre.Console;

namespace Scaneo.Cli.Commands;

/// <summary>
/// <c>scaneo rank &lt;campaign-dir&gt; --model URL --task … [--labels …] [--strategy topk|power|softmax|softrank|kcenter]
/// [--top K] [--seed N] [--json]</c>: which images to label next, by model uncertainty.
/// </summary>
internal static class RankCommand
{
    public static Command Create(CliContext context)
    {
        var campaign = new Argument<string>("campaign-dir") { Description = "Campaign folder (campaign.json, or GeoTIFFs)." };
        var model = new ModelArguments(required: true);
        var strategy = new Option<string>("--strategy") { Description = "topk, power (stochastic, default), softmax, softrank, or kcenter (diverse batch over the models' class distributions).", DefaultValueFactory = _ => "power" };
        strategy.AcceptOnlyFromAmong("topk", "power", "softmax", "softrank", "kcenter");
        var top = new Option<int>("--top", "-k") { Description = "Batch size: how many images to label next.", DefaultValueFactory = _ => 10 };
        var seed = new Option<int>("--seed") { Description = "Seed of the stochastic strategies and tie-breaks.", DefaultValueFactory = _ => 0 };
        var measure = new Option<string>("--measure") { Description = "margin (default), entropy, least-confidence or ratio.", DefaultValueFactory = _ => "margin" };
        measure.AcceptOnlyFromAmong("margin", "entropy", "least-confidence", "ratio");
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "Images in flight at once (1–64).", DefaultValueFactory = _ => 4 };
        var command = new Command("rank", "Run a model over a campaign's images and rank them for the next labelling round (most informative first).")
        {
            campaign, strategy, top, seed, measure, concurrency,
        };
        model.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            int k = parse.GetValue(top);
            int n = parse.GetValue(concurrency);
            if (k < 1 || n is < 1 or > 64)
            {
                throw new CliUsageException($"--top must be ≥ 1 and --concurrency in [1, 64]; found {k.ToString(CultureInfo.InvariantCulture)} and {n.ToString(CultureInfo.InvariantCulture)}.");
            }

            string dir = Path.GetFullPath(parse.GetValue(campaign)!);
            var cli = model.Resolve(parse)!;
            var loaded = CampaignLoader.Load(dir, cli);
            var candidates = new List<RankingCandidate>();
            var failures = new List<string>();
            await using (var inference = new CampaignInference(TimeProvider.System))
            {
                await foreach (var outcome in inference.RunAsync(dir, loaded.Images, cli.Model, n, cancellationToken).ConfigureAwait(false))
                {
                    var p = outcome.Prediction;
                    RankingCandidate? candidate = p?.Segmentation is { } s ? new RankingCandidate(outcome.Item.Id, s)
                        : p?.Classification is { } c ? new RankingCandidate(outcome.Item.Id, c)
                        : p?.Detection is { } d ? new RankingCandidate(outcome.Item.Id, d)
                        : null;
                    if (candidate is null)
                    {
                        failures.Add($"{outcome.Item.Id}: {outcome.Error?.Message ?? "the model's answer cannot be ranked (SAM)"}");
                        continue;
                    }

                    candidates.Add(candidate);
                }
            }

            if (candidates.Count == 0)
            {
                throw new ScaneoException($"No image could be ranked: {string.Join("; ", failures)}");
            }

            candidates.Sort((a, b) => string.CompareOrdinal(a.ImagePath, b.ImagePath));
            string strategyName = parse.GetValue(strategy)!;
            var ranker = new CampaignRanker(new CampaignRankerOptions
            {
                Measure = parse.GetValue(measure) switch
                {
                    "entropy" => UncertaintyMeasure.Entropy,
                    "least-confidence" => UncertaintyMeasure.LeastConfidence,
                    "ratio" => UncertaintyMeasure.Ratio,
                    _ => UncertaintyMeasure.Margin,
                },
                Normalize = true,
                Strategy = strategyName switch
                {
                    "topk" or "kcenter" => SelectionStrategy.TopK,
                    "softmax" => SelectionStrategy.Softmax,
                    "softrank" => SelectionStrategy.SoftRank,
                    _ => SelectionStrategy.Power,
                },
                BatchSize = k,
                Seed = parse.GetValue(seed),
            });
            var ranking = ranker.Rank(candidates, cancellationToken);
            IReadOnlyList<string> batch = strategyName == "kcenter"
                ? DiverseBatch(candidates, k, parse.GetValue(seed))
                : [.. ranking.Batch.Select(r => r.ImagePath)];

            if (context.Json)
            {
                await context.WriteJsonAsync(w => RankingOutput.Write(w, ranking, strategyName, batch, failures), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                RankingOutput.WriteTable(context, ranking, batch, failures);
            }

            return failures.Count > 0 ? ScaneoCli.Failure : ScaneoCli.Success;
        });
        return command;
    }

    /// <summary>k-center greedy over each image's mean class distribution: a batch that covers what the model sees.</summary>
    private static List<string> DiverseBatch(List<RankingCandidate> candidates, int k, int seed)
    {
        var features = candidates.Select(RankingFeatures.MeanClassDistribution).ToList();
        var selection = KCenterGreedySelector.Select(features, [], Math.Min(k, candidates.Count), seed);
        return [.. selection.SelectedIndices.Select(i => candidates[i].ImagePath)];
    }
}
