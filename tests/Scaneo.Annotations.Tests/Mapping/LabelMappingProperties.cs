using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Scaneo.Annotations.Mapping;
using Scaneo.Predictions;

namespace Scaneo.Annotations.Tests.Mapping;

/// <summary>
/// Properties of the mapping engine. A scenario is a model with N outputs, campaign labels, and an assignment of
/// each output to a label or to nothing (so the mapping is injective by construction, several outputs may share a
/// label, and labels may stay unmapped).
/// </summary>
public class LabelMappingProperties
{
    private static readonly string[] LabelNames = ["water", "urban", "forest", "crop", "cloud"];

    public sealed record Scenario(int OutputCount, int[] LabelOfOutput, double[] Scores, ScoreKind Kind, int[] Permutation)
    {
        public LabelMapping Mapping() => MappingFor(LabelOfOutput);

        public LabelMapping PermutedMapping()
        {
            // Output i of the original model is output Permutation[i] of the permuted one.
            int[] permuted = new int[OutputCount];
            for (int i = 0; i < OutputCount; i++)
            {
                permuted[Permutation[i]] = LabelOfOutput[i];
            }

            return MappingFor(permuted);
        }

        public T[] Permute<T>(IReadOnlyList<T> values)
        {
            var result = new T[values.Count];
            for (int i = 0; i < values.Count; i++)
            {
                result[Permutation[i]] = values[i];
            }

            return result;
        }

        public override string ToString() =>
            $"N={OutputCount} labels=[{string.Join(",", LabelOfOutput)}] scores=[{string.Join(",", Scores)}] {Kind} perm=[{string.Join(",", Permutation)}]";

        private static LabelMapping MappingFor(int[] labelOfOutput) =>
            new(LabelNames.Select((name, l) => new KeyValuePair<string, IReadOnlyList<int>>(
                name, [.. Enumerable.Range(0, labelOfOutput.Length).Where(i => labelOfOutput[i] == l)])));
    }

    private static Arbitrary<Scenario> Scenarios() =>
        (from n in Gen.Choose(1, 8)
         from labels in Gen.ArrayOf(Gen.Choose(-1, LabelNames.Length - 1), n)
         where labels.Any(l => l >= 0)
         from scores in Gen.ArrayOf(Gen.Choose(-5000, 5000).Select(v => v / 1000.0), n)
         from kind in Gen.Elements(ScoreKind.Probabilities, ScoreKind.Logits, ScoreKind.Unknown)
         from perm in Gen.Shuffle(Enumerable.Range(0, n))
         select new Scenario(n, labels, kind == ScoreKind.Probabilities ? [.. scores.Select(Math.Abs)] : scores, kind, perm)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Apply_NeverEmitsAnUnmappedLabel() =>
        Prop.ForAll(Scenarios(), s =>
        {
            var mapping = s.Mapping();
            var mapper = new LabelMapper(mapping, ModelOutputs.FromCount(s.OutputCount));
            var classification = mapper.MapClassification(new ClassificationPrediction(s.Scores, s.Kind));
            var boxes = Enumerable.Range(0, s.OutputCount)
                .SelectMany(i => new[] { new DetectedBox(new PixelBox(0, 0, 1, 1), 0.5, outputIndex: i), new DetectedBox(new PixelBox(0, 0, 1, 1), 0.5, classScores: s.Scores) })
                .ToList();
            var detections = mapper.MapDetection(new DetectionPrediction(10, 10, boxes));
            return mapping.IsMapped(classification.Label)
                && classification.Distribution.All(d => mapping.IsMapped(d.Label))
                && detections.All(d => mapping.IsMapped(d.Label) && mapping.TryGetLabel(d.OutputIndex, out var l) && l == d.Label)
                && detections.Count == (s.OutputCount * 2) - s.LabelOfOutput.Count(l => l < 0);
        });

    [Property(MaxTest = 200)]
    public Property MappingByName_EqualsMappingByIndex_WhenNamesLineUp() =>
        Prop.ForAll(Scenarios(), s =>
        {
            // Give each model output the name of the label it feeds in the index mapping; unmapped outputs get names
            // no label has. Each label here is fed by at most one output so that names can line up.
            int[] single = [.. s.LabelOfOutput.Select((l, i) => Array.IndexOf(s.LabelOfOutput, l) == i ? l : -1)];
            var labels = LabelNames.Select(n => new Label(n, "#123456")).ToList();
            string[] names = [.. single.Select((l, i) => l >= 0 ? (i % 2 == 0 ? LabelNames[l].ToUpperInvariant() : LabelNames[l]) : "other" + i)];
            var byIndex = LabelMappingBuilder.ByIndex(labels, LabelNames.Select((n, l) => new KeyValuePair<string, int?>(n, Array.IndexOf(single, l) is int i && i >= 0 ? i : null)), ModelOutputs.FromCount(s.OutputCount));
            var byName = LabelMappingBuilder.ByName(labels, ModelOutputs.FromNames(names));
            return byIndex.IsValid && byName.IsValid
                && LabelNames.All(n => byIndex.Mapping!.GetOutputs(n).SequenceEqual(byName.Mapping!.GetOutputs(n)))
                && byIndex.Summary.DroppedOutputs.SequenceEqual(byName.Summary.DroppedOutputs);
        });

    [Property(MaxTest = 300)]
    public Property LabelToIndexToLabel_RoundTrips() =>
        Prop.ForAll(Scenarios(), s =>
        {
            var mapper = new LabelMapper(s.Mapping());
            return mapper.MappedLabels.All(l => mapper.GetClassIndex(l) is int i && mapper.GetLabel(i) == l)
                && Enumerable.Range(0, s.OutputCount).All(i => mapper.GetLabel(i) is not string l || mapper.GetClassValues(l).Contains(i));
        });

    [Property(MaxTest = 300)]
    public Property PermutingOutputsWithTheMapping_LeavesAnnotationsUnchanged() =>
        Prop.ForAll(Scenarios(), s =>
        {
            var original = new LabelMapper(s.Mapping());
            var permuted = new LabelMapper(s.PermutedMapping());
            var a = original.MapClassification(new ClassificationPrediction(s.Scores, s.Kind));
            var b = permuted.MapClassification(new ClassificationPrediction(s.Permute(s.Scores), s.Kind));
            var boxesA = Enumerable.Range(0, s.OutputCount).Select(i => new DetectedBox(new PixelBox(i, i, i + 1, i + 1), 0.5, outputIndex: i))
                .Append(new DetectedBox(new PixelBox(0, 0, 5, 5), 0.7, classScores: s.Scores)).ToList();
            var boxesB = Enumerable.Range(0, s.OutputCount).Select(i => new DetectedBox(new PixelBox(i, i, i + 1, i + 1), 0.5, outputIndex: s.Permutation[i]))
                .Append(new DetectedBox(new PixelBox(0, 0, 5, 5), 0.7, classScores: s.Permute(s.Scores))).ToList();
            var da = original.MapDetection(new DetectionPrediction(10, 10, boxesA));
            var db = permuted.MapDetection(new DetectionPrediction(10, 10, boxesB));
            return a.Label == b.Label && a.Score == b.Score && a.Distribution.SequenceEqual(b.Distribution)
                && da.Select(d => (d.Label, d.Box, d.Score)).SequenceEqual(db.Select(d => (d.Label, d.Box, d.Score)));
        });

    [Property(MaxTest = 500)]
    public Property Validation_AcceptsExactlyInjectiveInRangeMappings() =>
        Prop.ForAll(
            (from n in Gen.Choose(1, 6)
             from entries in Gen.ListOf(
                 from label in Gen.Elements("water", "urban", "forest", "lava", "Water")
                 from count in Gen.Choose(0, 3)
                 from indexes in Gen.ArrayOf(Gen.Choose(-1, 7), count)
                 select (label, indexes))
             select (n, entries: entries.ToArray())).ToArbitrary(),
            t =>
            {
                var (n, entries) = t;
                var draft = new LabelMappingDraft(entries.Select(e => new KeyValuePair<string, IReadOnlyList<int>?>(e.label, e.indexes)));
                int[] all = [.. entries.SelectMany(e => e.indexes)];
                bool labelsOk = entries.All(e => e.label != "lava")
                    && entries.Select(e => e.label.ToLowerInvariant()).Distinct().Count() == entries.Length;
                bool injective = all.Distinct().Count() == all.Length;
                bool inRange = all.All(i => i >= 0 && i < n);
                bool expected = labelsOk && injective && inRange && all.Length > 0;
                var result = LabelMappingValidator.Validate(draft, TestData.Labels, ModelOutputs.FromCount(n));
                return (result.IsValid == expected && (result.Mapping is not null) == expected).Label($"expected {expected}, problems: {string.Join(" | ", result.Problems)}");
            });
}
