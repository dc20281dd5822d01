namespace Scaneo.ActiveLearning.Selection;

/// <summary>One candidate of a selection, picked or not, with what the strategy saw: an auditable record.</summary>
public sealed class SelectionEntry
{
    internal SelectionEntry(int index, double score)
    {
        Index = index;
        Score = score;
    }

    /// <summary>Gets the candidate's index in the input.</summary>
    public int Index { get; }

    /// <summary>Gets the candidate's score (for k-center greedy: its distance to the nearest center when picked, or at the end).</summary>
    public double Score { get; internal set; }

    /// <summary>Gets a value indicating whether the candidate was picked.</summary>
    public bool Selected => PickOrder is not null;

    /// <summary>Gets the 0-based position in the pick order, or <see langword="null"/> when not picked.</summary>
    public int? PickOrder { get; internal set; }

    /// <summary>Gets the probability of being drawn first, for stochastic strategies.</summary>
    public double? Probability { get; internal set; }

    /// <summary>Gets the candidate's class, for class-balanced selection.</summary>
    public int? ClassIndex { get; internal set; }
}
