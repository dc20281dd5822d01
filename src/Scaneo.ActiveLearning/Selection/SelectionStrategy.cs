namespace Scaneo.ActiveLearning.Selection;

/// <summary>How a batch is chosen from scored candidates.</summary>
public enum SelectionStrategy
{
    /// <summary>The k highest scores, ties broken by a seeded shuffle. Tends to pick near-duplicates.</summary>
    TopK,

    /// <summary>Stochastic power sampling, p ∝ s^β (Kirsch et al.): cheap and as good as costly batch methods.</summary>
    Power,

    /// <summary>Stochastic softmax sampling, p ∝ exp(β·s).</summary>
    Softmax,

    /// <summary>Stochastic soft-rank sampling, p ∝ rank^(−β) (rank 1 = highest score).</summary>
    SoftRank,

    /// <summary>k-center greedy (core-set) over feature vectors: covers the feature space, ignores scores.</summary>
    KCenterGreedy,

    /// <summary>Round-robin over predicted classes, best score first within each class.</summary>
    ClassBalanced,
}
