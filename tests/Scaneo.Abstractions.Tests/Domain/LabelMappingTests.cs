namespace Scaneo.Abstractions.Tests.Domain;

public class LabelMappingTests
{
    private static KeyValuePair<string, IReadOnlyList<int>> Entry(string label, params int[] outputs) => new(label, outputs);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_EmptyLabel_ThrowsNamingField(string? label)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new LabelMapping([Entry(label!, 1)]));
        Assert.Equal("LabelMapping.Label", ex.Field);
    }

    [Fact]
    public void Constructor_LabelListedTwiceIgnoringCase_Throws()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new LabelMapping([Entry("water", 1), Entry("Water", 2)]));
        Assert.Equal("LabelMapping.Label", ex.Field);
        Assert.Equal("Water", ex.Value);
    }

    [Fact]
    public void Constructor_NegativeIndex_ThrowsNamingLabel()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new LabelMapping([Entry("crops", 3, -1)]));
        Assert.Equal("LabelMapping[crops]", ex.Field);
        Assert.Equal("-1", ex.Value);
    }

    [Fact]
    public void Constructor_OutputClaimedByTwoLabels_Throws()
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => new LabelMapping([Entry("water", 2), Entry("urban", 1, 2)]));
        Assert.Equal("LabelMapping[urban]", ex.Field);
        Assert.Contains("\"water\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RepeatedIndexForOneLabel_IsCollapsed()
    {
        var mapping = new LabelMapping([Entry("crops", 3, 4, 3)]);
        Assert.Equal([3, 4], mapping.GetOutputs("crops"));
    }

    [Fact]
    public void FromIndexes_NullIndex_IsUnmapped()
    {
        var mapping = LabelMapping.FromIndexes([new("water", 2), new("urban", 1), new("forest", null)]);
        Assert.Equal(["water", "urban", "forest"], mapping.Labels);
        Assert.False(mapping.IsMapped("forest"));
        Assert.True(mapping.IsMapped("WATER"));
        Assert.Equal([1, 2], mapping.MappedOutputs);
        Assert.True(mapping.TryGetLabel(2, out string? label));
        Assert.Equal("water", label);
        Assert.False(mapping.TryGetLabel(0, out _));
        Assert.Empty(mapping.GetOutputs("not-listed"));
    }

    [Fact]
    public void Constructor_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => new LabelMapping(null!));
        Assert.Throws<ArgumentNullException>(() => LabelMapping.FromIndexes(null!));
    }
}
