namespace Scaneo.ActiveLearning.Selection;

/// <summary>Picks the k highest-scoring candidates; ties are broken by a seeded shuffle, not by input order.</summary>
public static class TopKSelector
{
    /// <summary>Selects the top k.</summary>
    /// <param name="scores">One finite score per candidate (higher = more worth labelling).</param>
    /// <param name="k">Batch size; more than the candidates selects them all.</param>
    /// <param name="seed">Seed of the tie-break.</param>
    /// <returns>Every candidate and the picks in descending score order.</returns>
    /// <exception cref="UncertaintyInputException">A non-finite score (named).</exception>
    /// <exception cref="ArgumentOutOfRangeException">Negative k.</exception>
    public static SelectionResult Select(IReadOnlyList<double> scores, int k, int seed = 0)
    {
        double[] s = SelectionGuard.Scores(scores);
        int take = SelectionGuard.Count(k, s.Length);
        int[] order = SelectionGuard.OrderByScore(s, SelectionGuard.TieKeys(s.Length, new Random(seed)));
        var entries = SelectionGuard.Entries(s);
        int[] picked = order[..take];
        for (int r = 0; r < take; r++)
        {
            entries[picked[r]].PickOrder = r;
        }

        return new SelectionResult(SelectionStrategy.TopK, seed, null, entries, picked);
    }
}
