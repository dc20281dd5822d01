using Scaneo.Annotations.Mapping;

namespace Scaneo.Annotations.Tests.Mapping;

public class LabelMappingValidatorTests
{
    private static LabelMappingDraft Draft(params (string Label, int[] Outputs)[] entries) =>
        new(entries.Select(e => new KeyValuePair<string, IReadOnlyList<int>?>(e.Label, e.Outputs)));

    [Fact]
    public void Validate_ManyProblems_ReportsAllAtOnce()
    {
        var draft = Draft(("water", [2, 2, 5]), ("urban", [2]), ("lava", [0]), ("forest", [-1]));

        var result = LabelMappingValidator.Validate(draft, TestData.Labels, ModelOutputs.FromCount(3).WithReturnedCount(3));

        Assert.False(result.IsValid);
        Assert.Null(result.Mapping);
        var kinds = result.Problems.Select(p => p.Kind).ToList();
        Assert.Contains(LabelMappingProblemKind.DuplicateIndex, kinds);
        Assert.Contains(LabelMappingProblemKind.IndexBeyondDeclaredCount, kinds);
        Assert.Contains(LabelMappingProblemKind.IndexBeyondReturnedCount, kinds);
        Assert.Contains(LabelMappingProblemKind.OutputClaimedTwice, kinds);
        Assert.Contains(LabelMappingProblemKind.UnknownLabel, kinds);
        Assert.Contains(LabelMappingProblemKind.NegativeIndex, kinds);
        var ex = Assert.Throws<LabelMappingException>(result.GetMappingOrThrow);
        Assert.Equal(result.Problems.Count, ex.Problems.Count);
        Assert.Contains("lava", ex.Message, StringComparison.Ordinal);
        Assert.Contains("output 5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IndexEqualToCount_IsOutOfRange()
    {
        // Upstream checks index > count and lets index == count through; the last valid index is count - 1.
        var result = LabelMappingValidator.Validate(Draft(("water", [3])), TestData.Labels, ModelOutputs.FromCount(3));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(LabelMappingProblemKind.IndexBeyondDeclaredCount, problem.Kind);
        Assert.Equal(3, problem.OutputIndex);
        Assert.Equal("water", problem.Label);
    }

    [Fact]
    public void Validate_AllLabelsBlank_ReportsEmptyMapping()
    {
        var result = LabelMappingValidator.Validate(Draft(("water", []), ("urban", [])), TestData.Labels, ModelOutputs.Unknown);

        Assert.Equal(LabelMappingProblemKind.EmptyMapping, Assert.Single(result.Problems).Kind);
    }

    [Fact]
    public void Validate_UserDocsExample_GivesMappingAndDryRunSummary()
    {
        // Campaign labels water, urban; model classes forest=0, urban=1, water=2.
        var result = LabelMappingValidator.Validate(Draft(("water", [2]), ("urban", [1])), TestData.Labels, ModelOutputs.FromNames(["forest", "urban", "water"]));

        Assert.True(result.IsValid);
        var mapping = result.GetMappingOrThrow();
        Assert.Equal([2], mapping.GetOutputs("water"));
        Assert.Equal([1], mapping.GetOutputs("URBAN"));
        Assert.Equal(["water", "urban"], result.Summary.MappedLabels.Select(m => m.Key));
        Assert.Equal(["forest"], result.Summary.UnmappedLabels);
        Assert.Equal([0], result.Summary.DroppedOutputs);
    }

    [Fact]
    public void Validate_SeveralOutputsFeedOneLabel_IsValid()
    {
        var result = LabelMappingValidator.Validate(Draft(("urban", [0, 3]), ("water", [1])), TestData.Labels, ModelOutputs.FromCount(4));

        Assert.True(result.IsValid);
        Assert.Equal([0, 3], result.Mapping!.GetOutputs("urban"));
        Assert.Equal([2], result.Summary.DroppedOutputs);
    }

    [Fact]
    public void Validate_LabelListedTwice_ReportsDuplicateLabel()
    {
        var result = LabelMappingValidator.Validate(Draft(("water", [0]), ("WATER", [1])), TestData.Labels, ModelOutputs.Unknown);

        Assert.Equal(LabelMappingProblemKind.DuplicateLabel, Assert.Single(result.Problems).Kind);
    }
}
