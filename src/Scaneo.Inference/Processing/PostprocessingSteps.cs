using System.Globalization;
using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Inference.Processing;

/// <summary>The built-in postprocessing steps. They run before the reply's shape is checked against the task.</summary>
internal static class PostprocessingSteps
{
    public static IEnumerable<IProcessingStepFactory> All()
    {
        yield return Factory("Sigmoid", spec =>
        {
            double? threshold = new StepParameters(spec, "threshold").OptionalNumber("threshold");
            return (reply, _) => Sigmoid(reply, threshold);
        });
        yield return Factory("Softmax", spec =>
        {
            _ = new StepParameters(spec);
            return (reply, _) => Softmax(reply);
        });
        yield return Factory("Argmax", spec =>
        {
            _ = new StepParameters(spec);
            return (reply, _) => Argmax(reply);
        });
        yield return Factory("Threshold", spec =>
        {
            double threshold = new StepParameters(spec, "threshold").Number("threshold", 0.5);
            return (reply, _) => Threshold(reply, threshold);
        });
        yield return Factory("ScoreThreshold", spec =>
        {
            double min = new StepParameters(spec, "min").Number("min");
            return (reply, _) => new BoxesReply([.. Boxes(reply, spec).Where(b => b.Score >= min)]);
        });
        yield return Factory("Nms", spec =>
        {
            var p = new StepParameters(spec, "iou", "agnostic");
            double iou = p.Number("iou", 0.5);
            bool agnostic = p.Boolean("agnostic", false);
            if (iou is < 0 or > 1)
            {
                throw p.Fail($"Nms: 'iou' must be in [0, 1], found {StepParameters.Invariant(iou)}");
            }

            return (reply, _) => new BoxesReply(NonMaximumSuppression.Apply(Boxes(reply, spec), iou, agnostic));
        });
        yield return Factory("ResizeToImage", spec =>
        {
            _ = new StepParameters(spec);
            return (reply, context) => reply is RasterReply r
                ? new RasterReply(
                    RasterOps.ResampleNearest(r.Raster, context.SentImage.Width, context.SentImage.Height),
                    r.Kind,
                    r.ClassScores is null ? null : RasterOps.Resample(r.ClassScores, context.SentImage.Width, context.SentImage.Height))
                : throw new ReplyFormatException("a raster reply (ResizeToImage applies to segmentation)", "the reply is " + reply.Describe());
        });
    }

    private static DelegateStepFactory Factory(string name, Func<StepSpec, Func<ModelReply, PostprocessingContext, ModelReply>> build) =>
        new(name, ProcessingStage.Postprocessing, spec => new PostprocessingStep(spec, build(spec)));

    private static IReadOnlyList<DetectedBox> Boxes(ModelReply reply, StepSpec spec) => reply is BoxesReply b
        ? b.Boxes
        : throw new ReplyFormatException($"detection boxes ({spec.Name} applies to detection)", "the reply is " + reply.Describe());

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static ModelReply Sigmoid(ModelReply reply, double? threshold)
    {
        switch (reply)
        {
            case ScoresReply s:
                return new ScoresReply([.. s.Scores.Select(v => threshold is double t ? (Logistic(v) > t ? 1.0 : 0.0) : Logistic(v))], ScoreKind.Probabilities, s.OutputNames);
            case BoxesReply b:
                return new BoxesReply([.. b.Boxes.Select(box => new DetectedBox(
                    box.Box,
                    Logistic(box.Score),
                    box.OutputIndex,
                    box.ClassName,
                    box.ClassScores?.Select(Logistic),
                    box.Objectness))]);
            case RasterReply r:
                var scores = RasterOps.ToFloat(r.Raster);
                var probabilities = MapFloat(scores, v => (float)Logistic(v));
                return threshold is double th ? BinaryMask(probabilities, th) : new RasterReply(probabilities, ScoreKind.Probabilities, r.ClassScores);
            default:
                throw new ReplyFormatException("scores, boxes or a raster (Sigmoid)", "the reply is " + reply.Describe());
        }
    }

    private static ModelReply Threshold(ModelReply reply, double threshold)
    {
        switch (reply)
        {
            case ScoresReply s:
                return new ScoresReply([.. s.Scores.Select(v => v > threshold ? 1.0 : 0.0)], ScoreKind.Probabilities, s.OutputNames);
            case BoxesReply b:
                return new BoxesReply([.. b.Boxes.Where(box => box.Score > threshold)]);
            case RasterReply r:
                var values = RasterOps.ToFloat(r.Raster);
                bool probabilities = true;
                foreach (float v in values.Data)
                {
                    if (!(v >= 0 && v <= 1))
                    {
                        probabilities = false;
                        break;
                    }
                }

                if (probabilities && r.Raster.BandCount == 1)
                {
                    return BinaryMask(values, threshold);
                }

                var mask = new byte[values.Data.Length];
                for (int i = 0; i < mask.Length; i++)
                {
                    mask[i] = values.Data[i] > threshold ? (byte)1 : (byte)0;
                }

                return new RasterReply(new RasterBuffer<byte>(mask, values.Width, values.Height, values.BandCount, values.GeoTransform, values.Crs), r.Kind, r.ClassScores);
            default:
                throw new ReplyFormatException("scores, boxes or a raster (Threshold)", "the reply is " + reply.Describe());
        }
    }

    /// <summary>A binary model's probabilities → a 0/1 mask, keeping [1 − p, p] as the two class scores.</summary>
    private static RasterReply BinaryMask(RasterBuffer<float> probabilities, double threshold)
    {
        if (probabilities.BandCount != 1)
        {
            // Upstream semantics for several bands: p > threshold per band; validation then asks for Argmax.
            var multi = new byte[probabilities.Data.Length];
            for (int i = 0; i < multi.Length; i++)
            {
                multi[i] = probabilities.Data[i] > threshold ? (byte)1 : (byte)0;
            }

            return new RasterReply(new RasterBuffer<byte>(multi, probabilities.Width, probabilities.Height, probabilities.BandCount, probabilities.GeoTransform, probabilities.Crs), ScoreKind.Probabilities);
        }

        int n = probabilities.Width * probabilities.Height;
        var mask = new byte[n];
        var scores = new float[2 * n];
        var p = probabilities.Data;
        for (int i = 0; i < n; i++)
        {
            mask[i] = p[i] > threshold ? (byte)1 : (byte)0;
            scores[i] = 1 - p[i];
            scores[n + i] = p[i];
        }

        return new RasterReply(
            new RasterBuffer<byte>(mask, probabilities.Width, probabilities.Height, 1, probabilities.GeoTransform, probabilities.Crs),
            ScoreKind.Probabilities,
            new RasterBuffer<float>(scores, probabilities.Width, probabilities.Height, 2, probabilities.GeoTransform, probabilities.Crs));
    }

    private static ModelReply Softmax(ModelReply reply)
    {
        switch (reply)
        {
            case ScoresReply s:
                return new ScoresReply(SoftmaxOf(s.Scores), ScoreKind.Probabilities, s.OutputNames);
            case BoxesReply b:
                return new BoxesReply([.. b.Boxes.Select(box => box.ClassScores is null ? box : new DetectedBox(
                    box.Box, box.Score, box.OutputIndex, box.ClassName, SoftmaxOf(box.ClassScores), box.Objectness))]);
            case RasterReply r:
                var src = RasterOps.ToFloat(r.Raster);
                var data = new float[src.Data.Length];
                Scaneo.Predictions.Softmax.ComputePerPixel(src.Data, src.Width * src.Height, data);
                return new RasterReply(new RasterBuffer<float>(data, src.Width, src.Height, src.BandCount, src.GeoTransform, src.Crs), ScoreKind.Probabilities, r.ClassScores);
            default:
                throw new ReplyFormatException("scores, boxes or a raster (Softmax)", "the reply is " + reply.Describe());
        }
    }

    private static double[] SoftmaxOf(IReadOnlyList<double> scores) =>
        Scaneo.Predictions.Softmax.Compute(scores is double[] array ? array : [.. scores]);

    private static ModelReply Argmax(ModelReply reply)
    {
        switch (reply)
        {
            case ScoresReply s:
                // A classification prediction keeps all its scores; its label is their argmax anyway.
                return s;
            case BoxesReply b:
                return new BoxesReply([.. b.Boxes.Select(box => box.ClassScores is { Count: > 0 } cs
                    ? new DetectedBox(box.Box, box.Score, IndexOfMax(cs), box.ClassName, cs, box.Objectness)
                    : box)]);
            case RasterReply r when r.Raster.BandCount == 1:
                return r;
            case RasterReply r:
                var scores = RasterOps.ToFloat(r.Raster);
                int n = scores.Width * scores.Height;
                int c = scores.BandCount;
                var s2 = scores.Data;
                var classes = new int[n];
                for (int i = 0; i < n; i++)
                {
                    int best = 0;
                    float bestValue = s2[i];
                    for (int band = 1; band < c; band++)
                    {
                        float v = s2[(band * n) + i];
                        if (v > bestValue)
                        {
                            best = band;
                            bestValue = v;
                        }
                    }

                    classes[i] = best;
                }

                return new RasterReply(ClassMask(classes, c, scores), r.Kind, scores);
            default:
                throw new ReplyFormatException("scores, boxes or a raster (Argmax)", "the reply is " + reply.Describe());
        }
    }

    private static Raster ClassMask(int[] classes, int classCount, Raster like)
    {
        if (classCount <= 256)
        {
            return new RasterBuffer<byte>([.. classes.Select(v => (byte)v)], like.Width, like.Height, 1, like.GeoTransform, like.Crs);
        }

        return classCount <= 65536
            ? new RasterBuffer<ushort>([.. classes.Select(v => (ushort)v)], like.Width, like.Height, 1, like.GeoTransform, like.Crs)
            : new RasterBuffer<int>(classes, like.Width, like.Height, 1, like.GeoTransform, like.Crs);
    }

    private static int IndexOfMax(IReadOnlyList<double> values)
    {
        int best = 0;
        for (int i = 1; i < values.Count; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static RasterBuffer<float> MapFloat(RasterBuffer<float> src, Func<float, float> f)
    {
        var data = new float[src.Data.Length];
        var s = src.Data;
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = f(s[i]);
        }

        return new RasterBuffer<float>(data, src.Width, src.Height, src.BandCount, src.GeoTransform, src.Crs);
    }

    internal static string Describe(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
