using Microsoft.Extensions.Options;
using Scaneo.ActiveLearning.Ranking;

namespace Scaneo.ActiveLearning.DependencyInjection;

/// <summary>Validates <see cref="CampaignRankerOptions"/> (cross-property rules included) without reflection.</summary>
internal sealed class CampaignRankerOptionsValidator : IValidateOptions<CampaignRankerOptions>
{
    public ValidateOptionsResult Validate(string? name, CampaignRankerOptions options)
    {
        var errors = CampaignRanker.Validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
