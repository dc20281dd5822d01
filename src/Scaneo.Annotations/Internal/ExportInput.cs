namespace Scaneo.Annotations.Internal;

/// <summary>Checks exporter input and groups annotations by campaign image.</summary>
internal static class ExportInput
{
    public static List<(CampaignImage Image, List<Annotation> Annotations)> Group(Campaign campaign, IEnumerable<Annotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(annotations);
        var byPath = campaign.Images.ToDictionary(i => i.Path, i => new List<Annotation>(), StringComparer.Ordinal);
        int n = 0;
        foreach (var a in annotations)
        {
            ArgumentNullException.ThrowIfNull(a, $"annotations[{n}]");
            if (!byPath.TryGetValue(a.ImagePath, out var list))
            {
                throw new ScaneoValidationException($"Annotation({a.Id}).ImagePath", a.ImagePath, "is not an image of the campaign.");
            }

            // Uncertain areas are proposals of where to label next, not labels: their label names the proposal.
            if (a.Kind != AnnotationKind.UncertaintyRegion && campaign.FindLabel(a.Label) is null)
            {
                throw new ScaneoValidationException($"Annotation({a.Id}).Label", a.Label, "is not a label of the campaign.");
            }

            list.Add(a);
            n++;
        }

        return [.. campaign.Images.Select(i => (i, byPath[i.Path]))];
    }

    public static string OutputPathFor(string imagePath, string extension) =>
        Path.ChangeExtension(imagePath, extension).Replace('/', Path.DirectorySeparatorChar);
}
