using System.Globalization;
using System.Numerics;
using NetTopologySuite.Geometries;
using Scaneo.Annotations.Polygonize;
using Scaneo.Geo;
using Scaneo.Predictions;
using Scaneo.Rasters;

namespace Scaneo.Annotations.Mapping;

/// <summary>
/// Applies a validated <see cref="LabelMapping"/> to model predictions: only mapped outputs ever produce a label,
/// and results do not depend on the order of the model's outputs (permuting outputs together with the mapping
/// gives the same labels and scores, ties included: they go to the label listed first in the mapping).
/// </summary>
public sealed class LabelMapper
{
    private readonly string[] _labels;
    private readonly int[] _mappedOutputs;

    /// <summary>Initializes a mapper.</summary>
    /// <param name="mapping">The mapping.</param>
    /// <param name="outputs">What is known of the model's outputs (used to resolve class names and check ranges).</param>
    /// <exception cref="LabelMappingException">The mapping is empty or out of the declared range.</exception>
    public LabelMapper(LabelMapping mapping, ModelOutputs? outputs = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        Outputs = outputs ?? ModelOutputs.Unknown;
        LabelMappingValidator.Validate(mapping, null, Outputs).GetMappingOrThrow();
        Mapping = mapping;
        _labels = [.. mapping.Labels.Where(mapping.IsMapped)];
        _mappedOutputs = [.. mapping.MappedOutputs];
    }

    /// <summary>Gets the mapping.</summary>
    public LabelMapping Mapping { get; }

    /// <summary>Gets what is known of the model's outputs.</summary>
    public ModelOutputs Outputs { get; }

    /// <summary>Gets the labels that receive predictions, in mapping order.</summary>
    public IReadOnlyList<string> MappedLabels => _labels;

    /// <summary>
    /// Maps a classification reply. Logits are turned into probabilities with a softmax over all outputs first.
    /// A label fed by several outputs scores the sum of their probabilities; when the score kind is
    /// <see cref="ScoreKind.Unknown"/> (scores not known to add up) it scores their maximum.
    /// </summary>
    /// <param name="prediction">The reply.</param>
    /// <param name="renormalize">Whether to rescale the mapped labels' scores to sum to 1.</param>
    /// <returns>The top mapped label, its score and the mapped distribution.</returns>
    /// <exception cref="LabelMappingException">The mapping names an output the reply does not have.</exception>
    /// <exception cref="ScaneoValidationException">Renormalisation was asked for scores that do not sum to a positive number.</exception>
    public MappedClassification MapClassification(ClassificationPrediction prediction, bool renormalize = false)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        int n = prediction.Scores.Count;
        CheckReturned(n);
        double[] p = prediction.Kind == ScoreKind.Logits ? Softmax.Compute([.. prediction.Scores]) : [.. prediction.Scores];
        bool additive = prediction.Kind != ScoreKind.Unknown;
        var distribution = new LabelScore[_labels.Length];
        for (int l = 0; l < _labels.Length; l++)
        {
            // Sorted so that the result is the same whatever order the outputs come in.
            double[] values = [.. Mapping.GetOutputs(_labels[l]).Select(i => p[i]).Order()];
            distribution[l] = new LabelScore(_labels[l], additive ? SumAscending(values) : values[^1]);
        }

        if (renormalize)
        {
            double total = SumAscending([.. distribution.Select(d => d.Score).Order()]);
            if (!(total > 0) || distribution.Any(d => d.Score < 0))
            {
                throw new ScaneoValidationException(
                    "ClassificationPrediction.Scores",
                    total.ToString(CultureInfo.InvariantCulture),
                    "must be non-negative with a positive sum over the mapped outputs to be renormalised; pass ScoreKind.Logits for logits.");
            }

            for (int l = 0; l < distribution.Length; l++)
            {
                distribution[l] = distribution[l] with { Score = distribution[l].Score / total };
            }
        }

        int best = 0;
        for (int l = 1; l < distribution.Length; l++)
        {
            if (distribution[l].Score > distribution[best].Score)
            {
                best = l;
            }
        }

        return new MappedClassification(distribution[best].Label, distribution[best].Score, distribution);
    }

    /// <summary>
    /// Maps each detected box to a label: by its output index, else by its class name through the model's output
    /// names, else by the arg-max of its class-score vector restricted to mapped outputs. Boxes whose class is
    /// unmapped or unresolvable are dropped.
    /// </summary>
    /// <param name="prediction">The reply.</param>
    /// <returns>The mapped boxes, in reply order.</returns>
    public IReadOnlyList<MappedDetection> MapDetection(DetectionPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var result = new List<MappedDetection>(prediction.Boxes.Count);
        for (int b = 0; b < prediction.Boxes.Count; b++)
        {
            var box = prediction.Boxes[b];
            int? output = box.OutputIndex ?? Outputs.IndexOfName(box.ClassName) ?? (box.ClassName is null ? ArgMaxMapped(box.ClassScores) : null);
            if (output is int o && Mapping.TryGetLabel(o, out string? label))
            {
                result.Add(new MappedDetection(b, CanonicalLabel(label), o, box.Score, box.Box));
            }
        }

        return result;
    }

    /// <summary>
    /// Maps a segmentation mask: for each mapped label, the pixels whose class value feeds it become ONE
    /// MultiPolygon (GDAL polygonize semantics: 4-connectivity, pixel-edge boundaries, holes kept), through
    /// <paramref name="geoTransform"/> and then <paramref name="mapTransform"/>. A label mapped to class value 0
    /// gets exactly the pixels whose value is 0 (upstream's all-zero-mask bug covered the whole image); a label with
    /// no pixels gets no segment. Pixels equal to the mask's nodata are skipped unless that value is itself mapped.
    /// </summary>
    /// <param name="prediction">The reply.</param>
    /// <param name="geoTransform">Pixel → map transform of the mask grid (default: the mask's own, else identity).</param>
    /// <param name="mapTransform">Optional CRS transform applied after the geotransform (e.g. to EPSG:4326).</param>
    /// <param name="cancellationToken">Cancels the polygonization.</param>
    /// <returns>One segment per mapped label that has pixels, in mapping order.</returns>
    public IReadOnlyList<MappedSegment> MapSegmentation(SegmentationPrediction prediction, GeoTransform? geoTransform = null, IMapTransform? mapTransform = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var mask = prediction.ClassMask;
        GeoTransform gt = geoTransform ?? mask.GeoTransform ?? GeoTransform.Identity;
        var mapped = new HashSet<int>(_mappedOutputs);
        int? noData = mask.NoData is double nd && nd == Math.Floor(nd) && nd >= int.MinValue && nd <= int.MaxValue && !mapped.Contains((int)nd) ? (int)nd : null;
        if (_labels.Length >= ushort.MaxValue)
        {
            throw new ScaneoValidationException("LabelMapper.Labels", _labels.Length.ToString(CultureInfo.InvariantCulture), "must hold fewer than 65535 labels to map a segmentation mask.");
        }

        // One pass tags each pixel with the label it feeds (1-based; 0 = none), then one polygonizer run serves
        // every label: the regions of different labels come out of the same scan instead of one scan per label.
        var labelOfOutput = new ushort[_mappedOutputs.Length == 0 ? 0 : _mappedOutputs.Max() + 1];
        for (int k = 0; k < _labels.Length; k++)
        {
            foreach (int output in Mapping.GetOutputs(_labels[k]))
            {
                labelOfOutput[output] = (ushort)(k + 1);
            }
        }

        var labelIndex = new ushort[mask.Width * mask.Height];
        var counts = new long[_labels.Length + 1];
        var tagger = new LabelTagger(labelOfOutput, noData, labelIndex, counts);
        switch (mask)
        {
            case RasterBuffer<byte> b:
                tagger.Tag(b.GetBand(0));
                break;
            case RasterBuffer<ushort> u:
                tagger.Tag(u.GetBand(0));
                break;
            case RasterBuffer<int> i:
                tagger.Tag(i.GetBand(0));
                break;
            default:
                for (int i = 0; i < labelIndex.Length; i++)
                {
                    tagger.Tag(i, (int)mask.GetValue(0, i / mask.Width, i % mask.Width));
                }

                break;
        }

        var result = new List<MappedSegment>();
        if (counts.All(c => c == 0))
        {
            return result;
        }

        var options = new PolygonizeOptions { IgnoreRasterNoData = true, ExcludedValues = [0], MapTransform = mapTransform };
        var raster = new RasterBuffer<ushort>(labelIndex, mask.Width, mask.Height, 1, gt, mask.Crs);
        var groups = PolygonizedRegions.GroupByValue(new MaskPolygonizer(options).Polygonize(raster, cancellationToken));
        for (int k = 0; k < _labels.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ushort id = (ushort)(k + 1);
            if (counts[id] > 0 && groups.TryGetValue(id, out MultiPolygon? geometry) && !geometry.IsEmpty)
            {
                var classValues = Mapping.GetOutputs(_labels[k]);
                result.Add(new MappedSegment(CanonicalLabel(_labels[k]), classValues, geometry, counts[id], MeanScore(prediction, labelIndex, id, classValues, counts[id])));
            }
        }

        return result;
    }

    /// <summary>Returns the class values (mask values) whose pixels belong to a label in a segmentation mask.</summary>
    /// <param name="label">Campaign label (case-insensitive).</param>
    /// <returns>The values; empty when unmapped.</returns>
    public IReadOnlyList<int> GetClassValues(string label) => Mapping.GetOutputs(label);

    /// <summary>
    /// The inverse mapping for training exports: the class index a label is trained as (its lowest output index).
    /// </summary>
    /// <param name="label">Campaign label (case-insensitive).</param>
    /// <returns>The class index, or <see langword="null"/> when the label is unmapped.</returns>
    public int? GetClassIndex(string label)
    {
        var outputs = Mapping.GetOutputs(label);
        return outputs.Count == 0 ? null : outputs.Min();
    }

    /// <summary>Returns the label a class index feeds.</summary>
    /// <param name="classIndex">The model output (class) index.</param>
    /// <returns>The label, or <see langword="null"/> when unmapped.</returns>
    public string? GetLabel(int classIndex) =>
        Mapping.TryGetLabel(classIndex, out string? label) ? CanonicalLabel(label) : null;

    private string CanonicalLabel(string label) =>
        _labels.FirstOrDefault(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase)) ?? label;

    private int? ArgMaxMapped(IReadOnlyList<double>? scores)
    {
        if (scores is null)
        {
            return null;
        }

        int? best = null;
        int bestRank = int.MaxValue;
        foreach (int o in _mappedOutputs)
        {
            if (o >= scores.Count)
            {
                continue;
            }

            // Ties across labels go to the label listed first, never to the output that happens to come first.
            Mapping.TryGetLabel(o, out string? label);
            int rank = Array.FindIndex(_labels, l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase));
            if (best is not int b || scores[o] > scores[b] || (scores[o] == scores[b] && rank < bestRank))
            {
                best = o;
                bestRank = rank;
            }
        }

        return best;
    }

    /// <summary>Tags pixels with the 1-based label their class value feeds (0 = none) and counts them per label.</summary>
    private readonly struct LabelTagger(ushort[] labelOfOutput, int? noData, ushort[] labelIndex, long[] counts)
    {
        public void Tag<T>(ReadOnlySpan<T> band)
            where T : unmanaged, IBinaryInteger<T>
        {
            for (int i = 0; i < band.Length; i++)
            {
                Tag(i, int.CreateTruncating(band[i]));
            }
        }

        public void Tag(int pixel, int value)
        {
            if ((uint)value < (uint)labelOfOutput.Length && value != noData && labelOfOutput[value] is ushort id and > 0)
            {
                labelIndex[pixel] = id;
                counts[id]++;
            }
        }
    }

    private static double? MeanScore(SegmentationPrediction prediction, ushort[] labelIndex, ushort label, IReadOnlyList<int> classValues, long count)
    {
        if (prediction.ClassScores is not RasterBuffer<float> scores || classValues.Any(v => v >= scores.BandCount))
        {
            return null;
        }

        int bands = scores.BandCount;
        int n = labelIndex.Length;
        var data = scores.Data;
        ScoreKind kind = prediction.ScoreKind;

        // Band membership looked up once, not with a list search for every band of every pixel.
        bool[] isMine = new bool[bands];
        foreach (int b in classValues)
        {
            isMine[b] = true;
        }

        double total = 0;
        for (int i = 0; i < n; i++)
        {
            if (labelIndex[i] != label)
            {
                continue;
            }

            double value;
            if (kind == ScoreKind.Logits)
            {
                double max = double.NegativeInfinity;
                for (int b = 0; b < bands; b++)
                {
                    max = Math.Max(max, data[(b * n) + i]);
                }

                double sum = 0, mine = 0;
                for (int b = 0; b < bands; b++)
                {
                    double e = Math.Exp(data[(b * n) + i] - max);
                    sum += e;
                    if (isMine[b])
                    {
                        mine += e;
                    }
                }

                value = mine / sum;
            }
            else if (kind == ScoreKind.Probabilities)
            {
                value = 0;
                foreach (int b in classValues)
                {
                    value += data[(b * n) + i];
                }
            }
            else
            {
                value = double.NegativeInfinity;
                foreach (int b in classValues)
                {
                    value = Math.Max(value, data[(b * n) + i]);
                }
            }

            total += value;
        }

        double mean = total / count;
        return double.IsFinite(mean) ? mean : null;
    }

    private void CheckReturned(int count) =>
        LabelMappingValidator.Validate(Mapping, null, Outputs.WithReturnedCount(count)).GetMappingOrThrow();

    private static double SumAscending(double[] sorted)
    {
        double s = 0;
        foreach (double v in sorted)
        {
            s += v;
        }

        return s;
    }
}
