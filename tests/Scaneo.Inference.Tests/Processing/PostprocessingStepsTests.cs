using Scaneo.Geo;
using Scaneo.Inference.Processing;
using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Inference.Tests.Processing;

public class PostprocessingStepsTests
{
    private static readonly ModelDefinition Model = new("m", new Uri("http://127.0.0.1:1/"), ModelTask.Segmentation);
    private static readonly PostprocessingContext Context = new(new RasterBuffer<byte>(4, 2, 1, new GeoTransform(0, 1, 0, 0, 0, -1)), Model);

    private static ModelReply Apply(string spec, ModelReply reply) => ProcessingStepRegistry.Default.CreatePostprocessing(spec).Apply(reply, Context);

    [Fact]
    public void Sigmoid_Scores_BecomeProbabilities()
    {
        var r = (ScoresReply)Apply("Sigmoid", new ScoresReply([0, 2], ScoreKind.Logits));
        Assert.Equal(0.5, r.Scores[0], 12);
        Assert.Equal(1 / (1 + Math.Exp(-2)), r.Scores[1], 12);
        Assert.Equal(ScoreKind.Probabilities, r.Kind);
    }

    [Fact]
    public void SigmoidWithThreshold_OneBandRaster_GivesMaskAndTwoClassScores()
    {
        var logits = new RasterBuffer<float>([-2f, 0.1f, 3f, -0.1f], 2, 2);
        var r = (RasterReply)Apply("Sigmoid(threshold=0.5)", new RasterReply(logits));
        var mask = Assert.IsType<RasterBuffer<byte>>(r.Raster);
        Assert.Equal([0, 1, 1, 0], mask.Data.ToArray());
        Assert.Equal(2, r.ClassScores!.BandCount);
        Assert.Equal(1 / (1 + MathF.Exp(-3f)), r.ClassScores[1, 1, 0], 5);
        Assert.Equal(1 - r.ClassScores[1, 1, 0], r.ClassScores[0, 1, 0], 5);
    }

    [Fact]
    public void Softmax_Scores_SumToOne()
    {
        var r = (ScoresReply)Apply("Softmax", new ScoresReply([1, 2, 3], ScoreKind.Logits));
        Assert.Equal(1, r.Scores.Sum(), 12);
        Assert.True(r.Scores[2] > r.Scores[1]);
    }

    [Fact]
    public void SoftmaxThenArgmax_ScoreRaster_GivesMaskAndKeepsProbabilities()
    {
        // 2 classes × 2×1 pixels: pixel 0 prefers class 1, pixel 1 class 0.
        var scores = new RasterBuffer<float>([0f, 5f, 2f, 1f], 2, 1, 2);
        var r = (RasterReply)Apply("Argmax", Apply("Softmax", new RasterReply(scores)));
        var mask = Assert.IsType<RasterBuffer<byte>>(r.Raster);
        Assert.Equal([1, 0], mask.Data.ToArray());
        Assert.Equal(ScoreKind.Probabilities, r.Kind);
        Assert.Equal(1f, r.ClassScores![0, 0, 0] + r.ClassScores[1, 0, 0], 5);
    }

    [Fact]
    public void Threshold_ProbabilityRaster_GivesMask()
    {
        var r = (RasterReply)Apply("Threshold(threshold=0.3)", new RasterReply(new RasterBuffer<float>([0.2f, 0.4f], 2, 1)));
        Assert.Equal([0, 1], ((RasterBuffer<byte>)r.Raster).Data.ToArray());
        Assert.NotNull(r.ClassScores);
    }

    [Fact]
    public void ScoreThresholdAndNms_FilterBoxes()
    {
        var boxes = new BoxesReply(
        [
            new DetectedBox(new PixelBox(0, 0, 10, 10), 0.9, 1),
            new DetectedBox(new PixelBox(1, 1, 11, 11), 0.8, 1),
            new DetectedBox(new PixelBox(1, 1, 11, 11), 0.7, 2),
            new DetectedBox(new PixelBox(50, 50, 60, 60), 0.1, 1),
        ]);
        var kept = (BoxesReply)Apply("Nms(iou=0.5)", Apply("ScoreThreshold(min=0.2)", boxes));
        Assert.Equal([0.9, 0.7], kept.Boxes.Select(b => b.Score));
        var agnostic = (BoxesReply)Apply("Nms(iou=0.5, agnostic=true)", boxes);
        Assert.Equal([0.9, 0.1], agnostic.Boxes.Select(b => b.Score));
    }

    [Fact]
    public void ScoreThreshold_OnARaster_SaysItAppliesToDetection()
    {
        var ex = Assert.Throws<ReplyFormatException>(() => Apply("ScoreThreshold(min=0.5)", new RasterReply(new RasterBuffer<byte>(1, 1))));
        Assert.Contains("applies to detection", ex.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void ResizeToImage_ResamplesNearestToTheSentImage()
    {
        var mask = new RasterBuffer<byte>([1, 2], 2, 1);
        var r = (RasterReply)Apply("ResizeToImage", new RasterReply(mask));
        Assert.Equal(4, r.Raster.Width);
        Assert.Equal(2, r.Raster.Height);
        Assert.Equal([1, 1, 2, 2, 1, 1, 2, 2], ((RasterBuffer<byte>)r.Raster).Data.ToArray());
    }

    [Fact]
    public void Argmax_BoxesWithClassScores_SetsOutputIndex()
    {
        var r = (BoxesReply)Apply("Argmax", new BoxesReply([new DetectedBox(new PixelBox(0, 0, 1, 1), 0.5, className: "x", classScores: [0.1, 0.2, 0.7])]));
        Assert.Equal(2, r.Boxes[0].OutputIndex);
    }
}
