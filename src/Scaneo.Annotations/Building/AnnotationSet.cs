using System.Collections;
using System.Globalization;

namespace Scaneo.Annotations.Building;

/// <summary>
/// An immutable set of annotations with unique ids, in insertion order, and the merge rules that protect people's
/// work: model predictions never overwrite human annotations; re-running a model on an image replaces that model's
/// earlier predictions there (or keeps both, by policy); everything else is kept.
/// </summary>
public sealed class AnnotationSet : IReadOnlyList<Annotation>
{
    private readonly Annotation[] _items;

    /// <summary>Initializes a set.</summary>
    /// <param name="annotations">Annotations with unique ids.</param>
    /// <exception cref="ScaneoValidationException">Two annotations share an id.</exception>
    public AnnotationSet(IEnumerable<Annotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        _items = [.. annotations];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < _items.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(_items[i], $"annotations[{i}]");
            if (!ids.Add(_items[i].Id))
            {
                throw new ScaneoValidationException($"AnnotationSet[{i}].Id", _items[i].Id, "must be unique within the set.");
            }
        }
    }

    /// <summary>Gets the empty set.</summary>
    public static AnnotationSet Empty { get; } = new([]);

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public Annotation this[int index] => _items[index];

    /// <summary>Returns the annotations of one image.</summary>
    /// <param name="imagePath">Image path relative to the campaign folder.</param>
    /// <returns>The annotations, in set order.</returns>
    public IReadOnlyList<Annotation> ForImage(string imagePath) =>
        [.. _items.Where(a => string.Equals(a.ImagePath, imagePath, StringComparison.Ordinal))];

    /// <summary>
    /// Merges new annotations into this set. Human annotations in <paramref name="incoming"/> are added or replace
    /// the annotation with their id. Model annotations never replace a human annotation: one whose id is held by a
    /// human annotation (a person already edited that prediction) is dropped under <see cref="AnnotationMergePolicy.Replace"/>
    /// and kept under a new id under <see cref="AnnotationMergePolicy.KeepBoth"/>. Under Replace, a model's earlier
    /// predictions on each image it has new predictions for are removed first.
    /// </summary>
    /// <param name="incoming">The new annotations.</param>
    /// <param name="policy">What to do with a model's earlier predictions.</param>
    /// <returns>The merged set.</returns>
    public AnnotationSet Merge(IEnumerable<Annotation> incoming, AnnotationMergePolicy policy = AnnotationMergePolicy.Replace)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (!Enum.IsDefined(policy))
        {
            throw new ScaneoValidationException("AnnotationMergePolicy", policy.ToString(), "must be Replace or KeepBoth.");
        }

        Annotation[] news = [.. incoming];
        var result = new List<Annotation>(_items);
        if (policy == AnnotationMergePolicy.Replace)
        {
            var rerun = news.Where(a => !a.Provenance.IsHuman)
                .Select(a => (a.ImagePath, Model: a.Provenance.ModelName!.ToUpperInvariant()))
                .ToHashSet();
            result.RemoveAll(a => !a.Provenance.IsHuman && rerun.Contains((a.ImagePath, a.Provenance.ModelName!.ToUpperInvariant())));
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < result.Count; i++)
        {
            index[result[i].Id] = i;
        }

        foreach (var a in news)
        {
            ArgumentNullException.ThrowIfNull(a);
            if (!index.TryGetValue(a.Id, out int at))
            {
                index[a.Id] = result.Count;
                result.Add(a);
            }
            else if (a.Provenance.IsHuman || (!result[at].Provenance.IsHuman && policy == AnnotationMergePolicy.Replace))
            {
                result[at] = a;
            }
            else if (policy == AnnotationMergePolicy.KeepBoth)
            {
                var renamed = WithId(a, FreeId(a.Id, index));
                index[renamed.Id] = result.Count;
                result.Add(renamed);
            }

            // Otherwise: a model prediction whose id a person's annotation holds. People win; drop it.
        }

        return new AnnotationSet(result);
    }

    /// <inheritdoc />
    public IEnumerator<Annotation> GetEnumerator() => ((IEnumerable<Annotation>)_items).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static string FreeId(string id, Dictionary<string, int> taken)
    {
        for (int n = 2; ; n++)
        {
            string candidate = id + "-" + n.ToString(CultureInfo.InvariantCulture);
            if (!taken.ContainsKey(candidate))
            {
                return candidate;
            }
        }
    }

    private static Annotation WithId(Annotation a, string id) =>
        new(id, a.ImagePath, a.Label, a.Kind, a.Geometry, a.Score, a.Provenance, a.CreatedAt, a.UpdatedAt);
}
