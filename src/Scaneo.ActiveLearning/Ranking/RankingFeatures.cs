using Scaneo.Predictions;

namespace Scaneo.ActiveLearning.Ranking;

/// <summary>
/// Feature vectors of ranking candidates for diversity-based selection (k-center greedy): what the model sees in an
/// image, summarised as its mean class distribution.
/// </summary>
public static class RankingFeatures
{
    /// <summary>
    /// Returns the candidate's mean class distribution: the softmax of classification logits (or the probabilities
    /// as given); the mean of each class-score band over the pixels of a segmentation; the mean class-score vector of
    /// the boxes of a detection (an image without boxes, or boxes without class scores, gives a vector of zeros).
    /// </summary>
    /// <param name="candidate">The candidate.</param>
    /// <returns>One value per model output.</returns>
    /// <exception cref="UncertaintyInputException">A segmentation prediction without class scores.</exception>
    public static float[] MeanClassDistribution(RankingCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Classification is { } c)
        {
            double[] s = c.Kind == ScoreKind.Logits ? Softmax.Compute([.. c.Scores]) : [.. c.Scores];

            return [.. s.Select(v => (float)v)];
        }

        if (candidate.Segmentation is { } seg)
        {
            var scores = seg.ClassScores ?? throw new UncertaintyInputException($"{candidate.ImagePath}: expected a segmentation with class scores, found a class mask only.");
            var features = new float[scores.BandCount];
            for (int b = 0; b < scores.BandCount; b++)
            {
                double sum = 0;
                long n = 0;
                foreach (float v in scores.GetBand(b))
                {
                    if (float.IsFinite(v))
                    {
                        sum += v;
                        n++;
                    }
                }

                features[b] = n == 0 ? 0 : (float)(sum / n);
            }

            return features;
        }

        var boxes = candidate.Detection!.Boxes;
        int classes = boxes.Select(b => b.ClassScores?.Count ?? 0).DefaultIfEmpty(0).Max();
        var mean = new float[Math.Max(classes, 1)];
        int counted = 0;
        foreach (var box in boxes.Where(b => b.ClassScores is { Count: > 0 }))
        {
            for (int i = 0; i < box.ClassScores!.Count; i++)
            {
                mean[i] += (float)box.ClassScores[i];
            }

            counted++;
        }

        for (int i = 0; counted > 0 && i < mean.Length; i++)
        {
            mean[i] /= counted;
        }

        return mean;
    }
}
