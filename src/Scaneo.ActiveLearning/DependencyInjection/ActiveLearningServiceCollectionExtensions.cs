using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scaneo.ActiveLearning.DependencyInjection;
using Scaneo.ActiveLearning.Ranking;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Scaneo active learning in a service collection.</summary>
public static class ActiveLearningServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="CampaignRanker"/> (singleton, from <see cref="CampaignRankerOptions"/>) and a
    /// <see cref="TimeProvider"/> if none is registered. The options are validated when the host starts
    /// (<c>ValidateOnStart</c>), so a bad strategy or batch size fails fast rather than at the first ranking.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options, or null for the defaults (margin, power sampling, batch of 10).</param>
    /// <returns>The options builder, to bind configuration or add validation.</returns>
    public static OptionsBuilder<CampaignRankerOptions> AddScaneoActiveLearning(this IServiceCollection services, Action<CampaignRankerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<CampaignRankerOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CampaignRankerOptions>, CampaignRankerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new CampaignRanker(sp.GetRequiredService<IOptions<CampaignRankerOptions>>().Value));
        return builder;
    }
}
