using System.Globalization;

namespace Scaneo.ActiveLearning.Selection;

/// <summary>
/// Class-balanced selection: candidates are grouped by predicted class and picked round-robin over the classes
/// (ascending class index), the most uncertain first within each class, so rare classes get their share.
/// </summary>
public static class ClassBalancedSelector
{
    /// <summary>Selects k candidates balanced over predicted classes.</summary>
    /// <param name="scores">One finite score per candidate.</param>
    /// <param name="predictedClasses">One non-negative class per candidate.</param>
    /// <param name="k">Batch size; more than the candidates selects them all.</param>
    /// <param name="seed">Seed of the tie-break between equal scores.</param>
    /// <returns>Every candidate with its class, and the picks in order.</returns>
    /// <exception cref="UncertaintyInputException">A non-finite score, a negative class, or lists of different lengths.</exception>
    public static SelectionResult Select(IReadOnlyList<double> scores, IReadOnlyList<int> predictedClasses, int k, int seed = 0)
    {
        double[] s = SelectionGuard.Scores(scores);
        ArgumentNullException.ThrowIfNull(predictedClasses);
        if (predictedClasses.Count != s.Length)
        {
            throw new UncertaintyInputException(string.Create(
                CultureInfo.InvariantCulture, $"predicted classes: expected one per candidate ({s.Length}), found {predictedClasses.Count}."));
        }

        int take = SelectionGuard.Count(k, s.Length);
        int[] order = SelectionGuard.OrderByScore(s, SelectionGuard.TieKeys(s.Length, new Random(seed)));
        var queues = new SortedDictionary<int, Queue<int>>();
        foreach (int i in order)
        {
            int c = predictedClasses[i];
            if (c < 0)
            {
                throw new UncertaintyInputException(string.Create(CultureInfo.InvariantCulture, $"candidate {i}: expected a non-negative class, found {c}."), i, c);
            }

            if (!queues.TryGetValue(c, out var q))
            {
                queues[c] = q = new Queue<int>();
            }

            q.Enqueue(i);
        }

        var entries = SelectionGuard.Entries(s);
        for (int i = 0; i < s.Length; i++)
        {
            entries[i].ClassIndex = predictedClasses[i];
        }

        var picked = new List<int>(take);
        while (picked.Count < take)
        {
            foreach (var q in queues.Values)
            {
                if (picked.Count < take && q.Count > 0)
                {
                    int i = q.Dequeue();
                    entries[i].PickOrder = picked.Count;
                    picked.Add(i);
                }
            }
        }

        return new SelectionResult(SelectionStrategy.ClassBalanced, seed, null, entries, picked);
    }
}
