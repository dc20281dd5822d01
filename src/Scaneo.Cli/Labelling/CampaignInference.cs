using Microsoft.Extensions.DependencyInjection;
using Scaneo.Inference.Batch;
using Scaneo.Rasters;

namespace Scaneo.Cli.Labelling;

/// <summary>Runs one model over a campaign's images with the inference batch runner, reading each image lazily.</summary>
internal sealed class CampaignInference : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly InferenceBatchRunner _runner;

    public CampaignInference(TimeProvider timeProvider)
    {
        var services = new ServiceCollection();
        services.AddSingleton(timeProvider);
        services.AddScaneoInference();
        _provider = services.BuildServiceProvider(validateScopes: true);
        _runner = _provider.GetRequiredService<InferenceBatchRunner>();
    }

    /// <summary>Yields one outcome per image, in completion order; a failing image never stops the others.</summary>
    public IAsyncEnumerable<BatchOutcome> RunAsync(string campaignDir, IEnumerable<CampaignImage> images, ModelDefinition model, int concurrency, CancellationToken cancellationToken)
    {
        var items = images.Select(image => new BatchItem(
            image.Path,
            _ => ValueTask.FromResult(RasterFile.Read(Path.Combine(campaignDir, image.Path))))).ToList();
        return _runner.RunAsync(items, model, new BatchOptions { MaxConcurrency = concurrency }, null, cancellationToken);
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
