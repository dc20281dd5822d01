namespace Scaneo.ActiveLearning.Selection;

/// <summary>
/// The outcome of a selection: every candidate with its score (<see cref="Entries"/>, input order) and the picks
/// in order (<see cref="SelectedIndices"/>), with the strategy and seed needed to reproduce it.
/// </summary>
public sealed class SelectionResult
{
    internal SelectionResult(SelectionStrategy strategy, int seed, double? beta, IReadOnlyList<SelectionEntry> entries, IReadOnlyList<int> selected)
    {
        Strategy = strategy;
        Seed = seed;
        Beta = beta;
        Entries = entries;
        SelectedIndices = selected;
    }

    /// <summary>Gets the strategy.</summary>
    public SelectionStrategy Strategy { get; }

    /// <summary>Gets the random seed (tie-breaks, draws, first center).</summary>
    public int Seed { get; }

    /// <summary>Gets the coldness β of stochastic strategies, else <see langword="null"/>.</summary>
    public double? Beta { get; }

    /// <summary>Gets every candidate in input order.</summary>
    public IReadOnlyList<SelectionEntry> Entries { get; }

    /// <summary>Gets the indices picked, in pick order.</summary>
    public IReadOnlyList<int> SelectedIndices { get; }
}
