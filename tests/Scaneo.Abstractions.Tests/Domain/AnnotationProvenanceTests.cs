namespace Scaneo.Abstractions.Tests.Domain;

public class AnnotationProvenanceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 6, 7, 8, 9, TimeSpan.Zero);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void FromModel_EmptyName_ThrowsNamingField(string? name)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => AnnotationProvenance.FromModel(name!, "1", null, T0));
        Assert.Equal("AnnotationProvenance.ModelName", ex.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void FromModel_EmptyProcessingStep_ThrowsNamingIndex(string? step)
    {
        var ex = Assert.Throws<ScaneoValidationException>(() => AnnotationProvenance.FromModel("seg", "1", ["S2RGB", step!], T0));
        Assert.Equal("AnnotationProvenance.ProcessingChain[1]", ex.Field);
    }

    [Fact]
    public void FromModel_Values_AreKeptAndChainCopied()
    {
        var chain = new List<string> { "S2RGB", "Argmax" };
        var p = AnnotationProvenance.FromModel(" seg ", "2.0", chain, T0);
        chain.Add("later");
        Assert.False(p.IsHuman);
        Assert.Equal("seg", p.ModelName);
        Assert.Equal(["S2RGB", "Argmax"], p.ProcessingChain);
        Assert.Equal(T0, p.PredictedAt);
        Assert.Equal("seg@2.0", p.ToString());
        Assert.Equal("seg", AnnotationProvenance.FromModel("seg", null, null, T0).ToString());
    }

    [Fact]
    public void Human_HasNoModel()
    {
        Assert.True(AnnotationProvenance.Human.IsHuman);
        Assert.Null(AnnotationProvenance.Human.PredictedAt);
        Assert.Empty(AnnotationProvenance.Human.ProcessingChain);
        Assert.Equal("human", AnnotationProvenance.Human.ToString());
    }
}
