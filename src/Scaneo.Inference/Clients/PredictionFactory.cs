using System.Globalization;
using Microsoft.Extensions.Logging;
using Scaneo.Inference.Diagnostics;
using Scaneo.Inference.Processing;
using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Inference;

/// <summary>Validates a postprocessed reply against the model's task and builds the typed prediction.</summary>
internal static class PredictionFactory
{
    public static ClassificationPrediction Classification(ModelReply reply, ModelDefinition model)
    {
        if (reply is not ScoresReply scores)
        {
            throw new ReplyFormatException("a classification reply: one score per model output", "the postprocessed reply is " + reply.Describe(), model.Name);
        }

        if (scores.Scores.Count == 0)
        {
            throw new ReplyFormatException("at least one score", "an empty list of scores", model.Name);
        }

        if (model.OutputCount is int count && count != scores.Scores.Count)
        {
            throw new ReplyFormatException(
                string.Create(CultureInfo.InvariantCulture, $"{count} scores (ModelDefinition.OutputCount)"),
                string.Create(CultureInfo.InvariantCulture, $"classification reply has {scores.Scores.Count} scores"),
                model.Name);
        }

        return new ClassificationPrediction(scores.Scores, scores.Kind, scores.OutputNames);
    }

    public static DetectionPrediction Detection(ModelReply reply, ModelDefinition model, Raster sent)
    {
        if (reply is not BoxesReply boxes)
        {
            throw new ReplyFormatException("a detection reply: a list of boxes", "the postprocessed reply is " + reply.Describe(), model.Name);
        }

        return new DetectionPrediction(sent.Width, sent.Height, boxes.Boxes);
    }

    public static SamPrediction Sam(ModelReply reply, ModelDefinition model)
    {
        if (reply is not GeometryReply geometry)
        {
            throw new ReplyFormatException("a SAM reply: GeoJSON polygons in EPSG:4326", "the postprocessed reply is " + reply.Describe(), model.Name);
        }

        return new SamPrediction(geometry.Geometry);
    }

    public static SegmentationPrediction Segmentation(ModelReply reply, ModelDefinition model, Raster sent, MaskSizeMismatch policy, ILogger logger)
    {
        if (reply is not RasterReply r)
        {
            throw new ReplyFormatException("a segmentation reply: a raster", "the postprocessed reply is " + reply.Describe(), model.Name);
        }

        Raster raster = r.Raster;
        if (raster.BandCount != 1)
        {
            throw new ReplyFormatException(
                "1 band of class values — add Argmax (or Sigmoid(threshold=0.5) for one band of binary scores) to the model's postprocessing",
                string.Create(CultureInfo.InvariantCulture, $"segmentation reply has {raster.BandCount} bands of {raster.DataType.ToName()}"),
                model.Name);
        }

        Raster mask = ToClassMask(raster, model);
        RasterBuffer<float>? scores = r.ClassScores;
        if (mask.Width != sent.Width || mask.Height != sent.Height)
        {
            if (policy == MaskSizeMismatch.Refuse)
            {
                throw new ReplyFormatException(
                    string.Create(CultureInfo.InvariantCulture, $"a mask of the sent image's size {sent.Width} × {sent.Height} (MaskSizeMismatch.Refuse; use Resample or add ResizeToImage)"),
                    string.Create(CultureInfo.InvariantCulture, $"segmentation reply is {mask.Width} × {mask.Height}"),
                    model.Name);
            }

            Log.MaskResampled(logger, model.Name, mask.Width, mask.Height, sent.Width, sent.Height);
            mask = RasterOps.ResampleNearest(mask, sent.Width, sent.Height);
            scores = scores is null ? null : RasterOps.Resample(scores, sent.Width, sent.Height);
        }

        if (scores is not null && (scores.Width != mask.Width || scores.Height != mask.Height))
        {
            scores = RasterOps.Resample(scores, mask.Width, mask.Height);
        }

        // The mask takes the image's grid: servers often drop or mangle the georeferencing.
        mask = mask.WithGeoreference(sent.GeoTransform, sent.Crs);
        if (scores is not null)
        {
            scores = new RasterBuffer<float>(scores.GetArray(), scores.Width, scores.Height, scores.BandCount, sent.GeoTransform, sent.Crs);
        }

        ScoreKind kind = r.Kind;
        if (kind == ScoreKind.Unknown && scores is not null)
        {
            kind = AllInUnitInterval(scores.Data) ? ScoreKind.Probabilities : ScoreKind.Logits;
        }

        return new SegmentationPrediction(mask, scores, kind);
    }

    private static bool AllInUnitInterval(ReadOnlySpan<float> values)
    {
        foreach (float v in values)
        {
            if (!(v >= 0 && v <= 1))
            {
                return false;
            }
        }

        return true;
    }

    private static Raster ToClassMask(Raster raster, ModelDefinition model)
    {
        if (raster.DataType is RasterDataType.UInt8 or RasterDataType.UInt16 or RasterDataType.Int32)
        {
            if (raster is RasterBuffer<int> ints)
            {
                foreach (int v in ints.Data)
                {
                    if (v < 0)
                    {
                        throw NotClasses(raster, model, string.Create(CultureInfo.InvariantCulture, $"the negative value {v}"));
                    }
                }
            }

            return raster;
        }

        // int8/int16/uint32/float masks are accepted when every value is a non-negative integer class index.
        var values = RasterOps.ToFloat(raster).Data;
        var classes = new int[values.Length];
        int max = 0;
        for (int i = 0; i < values.Length; i++)
        {
            float v = values[i];
            if (!(v >= 0) || v != MathF.Floor(v) || v > int.MaxValue)
            {
                throw NotClasses(raster, model, "values such as " + v.ToString("R", CultureInfo.InvariantCulture));
            }

            classes[i] = (int)v;
            max = Math.Max(max, classes[i]);
        }

        return max <= byte.MaxValue
            ? new RasterBuffer<byte>([.. classes.Select(c => (byte)c)], raster.Width, raster.Height, 1, raster.GeoTransform, raster.Crs)
            : new RasterBuffer<int>(classes, raster.Width, raster.Height, 1, raster.GeoTransform, raster.Crs);
    }

    private static ReplyFormatException NotClasses(Raster raster, ModelDefinition model, string what) => new(
        "1 band of class values (non-negative integers) — for one band of binary scores add Sigmoid(threshold=0.5) or Threshold(threshold=0.5)",
        $"segmentation reply is 1 band of {raster.DataType.ToName()} with {what}",
        model.Name);
}
