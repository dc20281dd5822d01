using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scaneo.ActiveLearning.Ranking;
using Scaneo.ActiveLearning.Selection;

namespace Scaneo.ActiveLearning.Tests.DependencyInjection;

public class ActiveLearningServiceCollectionExtensionsTests
{
    [Fact]
    public void AddScaneoActiveLearning_Configured_ResolvesRankerWithOptions()
    {
        var services = new ServiceCollection();
        services.AddScaneoActiveLearning(o =>
        {
            o.BatchSize = 3;
            o.Strategy = SelectionStrategy.TopK;
        });
        using var provider = services.BuildServiceProvider();
        var ranker = provider.GetRequiredService<CampaignRanker>();
        Assert.Equal(3, ranker.Options.BatchSize);
        Assert.NotNull(provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddScaneoActiveLearning_InvalidOptions_FailValidation()
    {
        var services = new ServiceCollection();
        services.AddScaneoActiveLearning(o =>
        {
            o.BatchSize = 0;
            o.SegmentationAggregate = "median";
        });
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CampaignRankerOptions>>().Value);
        Assert.Contains(ex.Failures, f => f.Contains("BatchSize", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("SegmentationAggregate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddScaneoActiveLearning_InvalidOptions_FailOnStartValidator()
    {
        var services = new ServiceCollection();
        services.AddScaneoActiveLearning(o => o.Temperature = -1);
        await using var provider = services.BuildServiceProvider();
        var startup = provider.GetRequiredService<IStartupValidator>();
        Assert.Throws<OptionsValidationException>(startup.Validate);
    }
}
