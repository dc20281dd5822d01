namespace Scaneo.Benchmarks;

/// <summary>Finds files of <c>samples/data</c> from wherever BenchmarkDotNet runs the benchmark process.</summary>
internal static class SampleData
{
    public static string Find(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "samples", "data", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"samples/data/{name} not found above {AppContext.BaseDirectory}.");
    }
}
