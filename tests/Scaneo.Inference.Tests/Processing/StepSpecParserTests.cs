using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scaneo.Inference.Processing;

namespace Scaneo.Inference.Tests.Processing;

public class StepSpecParserTests
{
    [Fact]
    public void Parse_BareName_HasNoArguments()
    {
        var spec = StepSpecParser.Parse("  Argmax ");
        Assert.Equal("Argmax", spec.Name);
        Assert.Empty(spec.Arguments);
    }

    [Fact]
    public void Parse_AllValueKinds_ReadsEach()
    {
        var spec = StepSpecParser.Parse("Custom(a=0.5, b=-3e2, c=True, d='x,y', e=\"q\\\"\", f=[4, 3, 2], g=[], h=[[1],[2, 3]])");
        Assert.True(spec.TryGetArgument("a", out var a));
        Assert.Equal(0.5, a.AsNumber());
        Assert.True(spec.TryGetArgument("B", out var b));
        Assert.Equal(-300, b.AsNumber());
        Assert.True(spec.TryGetArgument("c", out var c));
        Assert.True(c.AsBoolean());
        Assert.True(spec.TryGetArgument("d", out var d));
        Assert.Equal("x,y", d.AsString());
        Assert.True(spec.TryGetArgument("e", out var e));
        Assert.Equal("q\"", e.AsString());
        Assert.True(spec.TryGetArgument("f", out var f));
        Assert.Equal([4.0, 3, 2], f.AsNumberList());
        Assert.True(spec.TryGetArgument("g", out var g));
        Assert.Empty(g.AsList());
        Assert.True(spec.TryGetArgument("h", out var h));
        Assert.Equal(2, h.AsList()[1].AsList().Count);
    }

    [Fact]
    public void Parse_BandSelectFromTheIssue_ReadsOneBasedBands()
    {
        var spec = StepSpec.Parse("BandSelect(bands=[4,3,2])");
        Assert.True(spec.TryGetArgument("bands", out var bands));
        Assert.Equal([4.0, 3, 2], bands.AsNumberList());
    }

    [Theory]
    [InlineData("Sigmoid(threshold=)", 19)]
    [InlineData("Sigmoid(threshold 0.5)", 19)]
    [InlineData("Sigmoid(threshold=0.5", 22)]
    [InlineData("Sigmoid(threshold=abc)", 19)]
    [InlineData("Sigmoid(t=1, t=2)", 14)]
    [InlineData("Sigmoid(x='open)", 11)]
    [InlineData("3Sigmoid", 1)]
    [InlineData("Sigmoid) ", 8)]
    [InlineData("BandSelect(bands=[1,2)", 22)]
    public void Parse_BadSyntax_PointsAtTheColumn(string text, int column)
    {
        var ex = Assert.Throws<StepSpecException>(() => StepSpecParser.Parse(text));
        Assert.Equal(column, ex.Column);
        Assert.Contains($"column {column}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("^", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatePostprocessing_UnknownStep_ListsKnownSteps()
    {
        var ex = Assert.Throws<StepSpecException>(() => ProcessingStepRegistry.Default.CreatePostprocessing("Sigmod(threshold=0.5)"));
        Assert.Equal(1, ex.Column);
        Assert.Contains("unknown postprocessing step 'Sigmod'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sigmoid", ex.KnownSteps);
        Assert.Contains("Known steps: Argmax, Nms, ResizeToImage, ScoreThreshold, Sigmoid, Softmax, Threshold.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatePreprocessing_PostprocessingStep_SaysWhichStage()
    {
        var ex = Assert.Throws<StepSpecException>(() => ProcessingStepRegistry.Default.CreatePreprocessing("Argmax"));
        Assert.Contains("'Argmax' is a postprocessing step; expected a preprocessing step", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatePostprocessing_UnknownParameter_NamesTheAllowedOnes()
    {
        var ex = Assert.Throws<StepSpecException>(() => ProcessingStepRegistry.Default.CreatePostprocessing("Sigmoid(treshold=0.5)"));
        Assert.Contains("Sigmoid takes parameters threshold; found 'treshold'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatePostprocessing_IsCaseInsensitive()
    {
        var step = ProcessingStepRegistry.Default.CreatePostprocessing("sigmoid(THRESHOLD=0.3)");
        Assert.Equal("sigmoid", step.Spec.Name);
    }

    [Property(MaxTest = 300)]
    public Property ParseFormat_RoundTrips() =>
        Prop.ForAll(Arb.From(SpecGen()), spec => StepSpecParser.Parse(StepSpecParser.Format(spec)).Equals(spec));

    private static Gen<string> Identifier() =>
        from first in Gen.Elements("a", "B", "_", "x", "Sigmoid", "bands")
        from rest in Gen.Elements("", "1", "_2", "abc", "Z9")
        select first + rest;

    private static Gen<StepArgument> Scalar() => Gen.OneOf(
        Gen.Choose(-100000, 100000).Select(i => StepArgument.FromNumber(i / 64.0)),
        Gen.Elements(0.1, 1e-300, -2.5e17, 3000, double.Epsilon).Select(StepArgument.FromNumber),
        Gen.Elements(true, false).Select(StepArgument.FromBoolean),
        Gen.Elements("", "rgb", "a,b", "q\"uote", "back\\slash", "(x=1)", "it's", "[]").Select(StepArgument.FromString));

    private static Gen<StepArgument> Argument() => Gen.OneOf(
        Scalar(),
        Gen.ListOf(Scalar(), 4).Select(StepArgument.FromList),
        Gen.ListOf(Gen.ListOf(Scalar(), 2).Select(StepArgument.FromList), 3).Select(StepArgument.FromList));

    private static Gen<StepSpec> SpecGen() =>
        from name in Identifier()
        from count in Gen.Choose(0, 4)
        from values in Gen.ListOf(Argument(), count)
        select new StepSpec(name, values.Select((v, i) => new KeyValuePair<string, StepArgument>("p" + i, v)));
}
