using Scaneo.Annotations.Mapping;

namespace Scaneo.Annotations.Tests.Mapping;

public class LabelMappingBuilderTests
{
    [Fact]
    public void ByName_ExactAndCaseInsensitive_MapsAndDropsTheRest()
    {
        var result = LabelMappingBuilder.ByName(TestData.Labels, ModelOutputs.FromNames(["background", "Water", "urban"]));

        Assert.True(result.IsValid);
        Assert.Equal([1], result.Mapping!.GetOutputs("water"));
        Assert.Equal([2], result.Mapping.GetOutputs("urban"));
        Assert.False(result.Mapping.IsMapped("forest"));
        Assert.Equal([0], result.Summary.DroppedOutputs);
    }

    [Fact]
    public void ByName_CaseSensitiveOption_DoesNotMatchOtherCase()
    {
        var result = LabelMappingBuilder.ByName(TestData.Labels, ModelOutputs.FromNames(["Water", "urban"]), new LabelNameMatchOptions { IgnoreCase = false });

        Assert.False(result.Mapping!.IsMapped("water"));
        Assert.True(result.Mapping.IsMapped("urban"));
    }

    [Fact]
    public void ByName_Synonyms_FeedSeveralOutputsIntoOneLabel()
    {
        var options = new LabelNameMatchOptions
        {
            Synonyms = new Dictionary<string, IReadOnlyList<string>> { ["urban"] = ["building", "road"], ["forest"] = ["trees"] },
        };

        var result = LabelMappingBuilder.ByName(TestData.Labels, ModelOutputs.FromNames(["building", "TREES", "road", "sea"]), options);

        Assert.True(result.IsValid);
        Assert.Equal([0, 2], result.Mapping!.GetOutputs("urban"));
        Assert.Equal([1], result.Mapping.GetOutputs("forest"));
        Assert.Equal(["water"], result.Summary.UnmappedLabels);
        Assert.Equal([3], result.Summary.DroppedOutputs);
    }

    [Fact]
    public void ByName_SynonymClaimedByTwoLabels_ReportsOutputClaimedTwice()
    {
        var options = new LabelNameMatchOptions
        {
            Synonyms = new Dictionary<string, IReadOnlyList<string>> { ["urban"] = ["mixed"], ["forest"] = ["mixed"] },
        };

        var result = LabelMappingBuilder.ByName(TestData.Labels, ModelOutputs.FromNames(["mixed"]), options);

        Assert.Equal(LabelMappingProblemKind.OutputClaimedTwice, Assert.Single(result.Problems).Kind);
    }

    [Fact]
    public void ByName_NoDeclaredNames_Throws()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => LabelMappingBuilder.ByName(TestData.Labels, ModelOutputs.FromCount(3)));
        Assert.Contains("by index", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ByOutputNames_BlankIsUnmappedAndUnknownNameIsReported()
    {
        var result = LabelMappingBuilder.ByOutputNames(
            TestData.Labels,
            [new("water", "sea"), new("urban", " "), new("forest", "jungle")],
            ModelOutputs.FromNames(["sea", "city"]));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(LabelMappingProblemKind.UnknownOutputName, problem.Kind);
        Assert.Contains("jungle", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["water"], result.Summary.MappedLabels.Select(m => m.Key));
    }

    [Fact]
    public void ByIndex_OffByOne_IsRejected()
    {
        var result = LabelMappingBuilder.ByIndex(TestData.Labels, [new("water", 2), new("urban", null)], ModelOutputs.FromCount(2));

        Assert.Equal(LabelMappingProblemKind.IndexBeyondDeclaredCount, Assert.Single(result.Problems).Kind);
    }
}
