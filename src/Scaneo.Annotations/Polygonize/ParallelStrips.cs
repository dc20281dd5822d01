using System.Runtime.ExceptionServices;

namespace Scaneo.Annotations.Polygonize;

/// <summary>Runs one action per horizontal strip on up to a given number of threads.</summary>
internal static class ParallelStrips
{
    /// <summary>
    /// Splits <paramref name="height"/> rows into strips of <paramref name="stripRows"/> rows when positive, else into
    /// one strip per thread of at least 64 rows: a ring crossing a seam is partly walked again by the strip below
    /// before that strip gives it up, so on smooth masks more seams cost more than the better balance gains.
    /// </summary>
    /// <returns>The first row of each strip, then the height.</returns>
    public static int[] Split(int height, int degree, int stripRows)
    {
        if (stripRows > 0)
        {
            int count = (int)(((long)height + stripRows - 1) / stripRows);
            var fixedStart = new int[count + 1];
            for (int s = 0; s < count; s++)
            {
                fixedStart[s] = s * stripRows;
            }

            fixedStart[count] = height;
            return fixedStart;
        }

        int strips = (int)Math.Clamp(height / 64L, 1, Math.Max(1, (long)degree));
        var start = new int[strips + 1];
        for (int s = 0; s <= strips; s++)
        {
            start[s] = (int)((long)height * s / strips);
        }

        return start;
    }

    /// <summary>Runs <paramref name="body"/> for strips 0 … <paramref name="count"/> − 1 and rethrows the first failure unwrapped.</summary>
    public static void Run(int count, int degree, CancellationToken cancellationToken, Action<int> body)
    {
        if (count == 1)
        {
            body(0);
            return;
        }

        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken }, body);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
        {
            // Callers expect the exception a sequential run would throw (a cancellation, a validation error).
            Exception first = e.InnerExceptions.FirstOrDefault(x => x is OperationCanceledException) ?? e.InnerExceptions[0];
            ExceptionDispatchInfo.Capture(first).Throw();
            throw;
        }
    }
}
