using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scaneo.Inference.Batch;

namespace Scaneo.Inference.Tests.DependencyInjection;

public class InferenceOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new InferenceOptionsValidator().Validate(null, new InferenceOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BadValues_NamesEachField()
    {
        var options = new InferenceOptions { MaxReplyBytes = 0, AttemptTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(5), MaxRetryAttempts = -1 };
        options.Authentication["m"] = new ModelAuthentication { ApiKey = "secret\nInjected: 1" };
        var result = new InferenceOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains("MaxReplyBytes", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("TotalTimeout", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("MaxRetryAttempts", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("line breaks", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddScaneoInference_ResolvesEveryService()
    {
        var services = new ServiceCollection();
        var builder = services.AddScaneoInference(o => o.MaxRetryAttempts = 0);
        Assert.NotNull(builder.Resilience);
        Assert.Equal(ScaneoInferenceServiceCollectionExtensions.HttpClientName, builder.HttpClientBuilder.Name);
        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<IClassificationClient>());
        Assert.NotNull(provider.GetRequiredService<IDetectionClient>());
        Assert.NotNull(provider.GetRequiredService<ISegmentationClient>());
        Assert.NotNull(provider.GetRequiredService<ISamClient>());
        Assert.NotNull(provider.GetRequiredService<IInferenceClient>());
        Assert.NotNull(provider.GetRequiredService<InferenceBatchRunner>());
    }

    [Fact]
    public void AddScaneoInference_InvalidOptions_FailWhenResolved()
    {
        var services = new ServiceCollection();
        services.AddScaneoInference(o => o.MaxReplyBytes = -5);
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InferenceOptions>>().Value);
        Assert.Contains("MaxReplyBytes", ex.Message, StringComparison.Ordinal);
    }
}
