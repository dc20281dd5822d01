using System.Text.Json;
using Scaneo.Inference.Codecs;
using Scaneo.Predictions;

namespace Scaneo.Inference.Tests.Codecs;

public class ClassificationJsonDecoderTests
{
    private static Scaneo.Inference.Processing.ScoresReply Decode(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return ClassificationJsonDecoder.Decode(doc.RootElement);
    }

    [Fact]
    public void Decode_ScaneoBareList_IsProbabilitiesByContent()
    {
        var reply = Decode("[0.1, 0.7, 0.2]");
        Assert.Equal([0.1, 0.7, 0.2], reply.Scores);
        Assert.Equal(ScoreKind.Probabilities, reply.Kind);
    }

    [Fact]
    public void Decode_BareListOutsideUnitInterval_IsLogits()
    {
        var reply = Decode("[-1.5, 2.25, 0.0]");
        Assert.Equal(ScoreKind.Logits, reply.Kind);
    }

    [Fact]
    public void Decode_ProbabilitiesKey_IsProbabilities()
    {
        Assert.Equal(ScoreKind.Probabilities, Decode("{\"probabilities\": [0.2, 0.8]}").Kind);
    }

    [Fact]
    public void Decode_LogitsKey_IsLogitsEvenInUnitInterval()
    {
        var reply = Decode("{\"logits\": [0.2, 0.8]}");
        Assert.Equal(ScoreKind.Logits, reply.Kind);
        Assert.Equal([0.2, 0.8], reply.Scores);
    }

    [Fact]
    public void Decode_RoboflowSample_ReadsClassAndConfidence()
    {
        var reply = Decode("{\"predictions\":[{\"class\":\"water\",\"confidence\":0.7}], \"top\":\"water\"}");
        Assert.Equal([0.7], reply.Scores);
        Assert.Equal(["water"], reply.OutputNames!);
    }

    [Fact]
    public void Decode_RoboflowWithClassIds_PlacesScoresAtTheirOutputs()
    {
        var reply = Decode("{\"predictions\":[{\"class\":\"water\",\"class_id\":2,\"confidence\":0.7},{\"class\":\"forest\",\"class_id\":0,\"confidence\":0.2}]}");
        Assert.Equal([0.2, 0, 0.7], reply.Scores);
        Assert.Equal("water", reply.OutputNames![2]);
    }

    [Fact]
    public void Decode_LabelStudioChoices_ReadsChoiceAndScore()
    {
        var reply = Decode("{\"results\":[{\"model_version\":\"v1\",\"score\":0.9,\"result\":[{\"from_name\":\"c\",\"to_name\":\"image\",\"type\":\"choices\",\"value\":{\"choices\":[\"Water\"]}}]}]}");
        Assert.Equal([0.9], reply.Scores);
        Assert.Equal(["Water"], reply.OutputNames!);
    }

    [Fact]
    public void Decode_BatchOfOne_Unwraps()
    {
        Assert.Equal([0.1, 0.9], Decode("[[0.1, 0.9]]").Scores);
    }

    [Theory]
    [InlineData("{\"label\": \"water\"}", "an object with keys [label]")]
    [InlineData("[]", "a list of 0 items")]
    [InlineData("[\"a\", \"b\"]", "a list of 2 items")]
    public void Decode_UnknownShape_SaysExpectedAndFound(string json, string found)
    {
        var ex = Assert.Throws<ReplyFormatException>(() => Decode(json));
        Assert.Contains(found, ex.Found, StringComparison.Ordinal);
        Assert.Contains("{\"probabilities\"", ex.Expected, StringComparison.Ordinal);
    }
}
