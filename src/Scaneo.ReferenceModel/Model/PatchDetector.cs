namespace Scaneo.ReferenceModel.Model;

/// <summary>
/// The detection "model": connected-component labelling of the water and vegetation pixels of the class mask
/// (one breadth-first flood per patch), keeping patches of at least <see cref="ReferenceModelOptions.MinPatchPixels"/>.
/// </summary>
internal static class PatchDetector
{
    /// <summary>The classes detection reports; built-up is the background.</summary>
    public static ReadOnlySpan<int> DetectedClasses => [ReferenceClasses.Water, ReferenceClasses.Vegetation];

    public static IReadOnlyList<Patch> Detect(SpectralScores scores, int minPatchPixels, PixelConnectivity connectivity, int maxPatches)
    {
        ArgumentNullException.ThrowIfNull(scores);
        int width = scores.Width, height = scores.Height, n = scores.PixelCount;
        byte[] mask = scores.Mask;
        var visited = new bool[n];
        var queue = new int[n];
        var patches = new List<Patch>();
        bool eight = connectivity == PixelConnectivity.Eight;
        for (int start = 0; start < n; start++)
        {
            byte cls = mask[start];
            if (visited[start] || (cls != ReferenceClasses.Water && cls != ReferenceClasses.Vegetation))
            {
                continue;
            }

            // Flood one patch; the queue array is reused because each pixel enters it at most once per image.
            int head = 0, tail = 0;
            queue[tail++] = start;
            visited[start] = true;
            int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
            var sums = new double[ReferenceClasses.Count];
            while (head < tail)
            {
                int p = queue[head++];
                int y = p / width, x = p - (y * width);
                minX = Math.Min(minX, x);
                maxX = Math.Max(maxX, x);
                minY = Math.Min(minY, y);
                maxY = Math.Max(maxY, y);
                for (int c = 0; c < ReferenceClasses.Count; c++)
                {
                    sums[c] += scores.Probability(c, p);
                }

                for (int dy = -1; dy <= 1; dy++)
                {
                    int ny = y + dy;
                    if ((uint)ny >= (uint)height)
                    {
                        continue;
                    }

                    for (int dx = -1; dx <= 1; dx++)
                    {
                        if ((dx == 0 && dy == 0) || (!eight && dx != 0 && dy != 0))
                        {
                            continue;
                        }

                        int nx = x + dx;
                        if ((uint)nx >= (uint)width)
                        {
                            continue;
                        }

                        int q = (ny * width) + nx;
                        if (!visited[q] && mask[q] == cls)
                        {
                            visited[q] = true;
                            queue[tail++] = q;
                        }
                    }
                }
            }

            if (tail >= minPatchPixels)
            {
                for (int c = 0; c < sums.Length; c++)
                {
                    sums[c] /= tail;
                }

                patches.Add(new Patch(cls, minX, minY, maxX + 1, maxY + 1, tail, sums));
            }
        }

        // Largest first, then reading order, so the cut at maxPatches keeps the most salient patches deterministically.
        return patches
            .OrderByDescending(p => p.PixelCount)
            .ThenBy(p => p.Y1)
            .ThenBy(p => p.X1)
            .Take(maxPatches)
            .ToList();
    }
}
