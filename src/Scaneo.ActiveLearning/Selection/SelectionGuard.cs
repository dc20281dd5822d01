using System.Globalization;

namespace Scaneo.ActiveLearning.Selection;

/// <summary>Validation and seeded tie-breaking shared by the selectors.</summary>
internal static class SelectionGuard
{
    public static double[] Scores(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        double[] s = new double[scores.Count];
        for (int i = 0; i < s.Length; i++)
        {
            s[i] = scores[i];
            if (!double.IsFinite(s[i]))
            {
                throw new UncertaintyInputException(
                    string.Create(CultureInfo.InvariantCulture, $"candidate {i}: expected a finite score, found {s[i]}."), i);
            }
        }

        return s;
    }

    public static int Count(int k, int available)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        return Math.Min(k, available);
    }

    /// <summary>A random key per candidate; sorting by (score desc, key) breaks ties reproducibly but without index bias.</summary>
    public static int[] TieKeys(int n, Random rng)
    {
        int[] keys = new int[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = i;
        }

        rng.Shuffle(keys);
        return keys;
    }

    /// <summary>Indices ordered by descending score, ties by the seeded keys.</summary>
    public static int[] OrderByScore(double[] scores, int[] tieKeys)
    {
        int[] order = new int[scores.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            int c = scores[b].CompareTo(scores[a]);
            return c != 0 ? c : tieKeys[a].CompareTo(tieKeys[b]);
        });
        return order;
    }

    public static SelectionEntry[] Entries(double[] scores)
    {
        var entries = new SelectionEntry[scores.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            entries[i] = new SelectionEntry(i, scores[i]);
        }

        return entries;
    }
}
