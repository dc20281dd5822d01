using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;

namespace Scaneo.Benchmarks;

/// <summary>
/// Same-process A/B comparison of two builds of this project (for instance the commits before and after a change,
/// each built with <c>dotnet build -c Release -o DIR</c>). Each build is loaded into its own assembly load context,
/// with its own copy of the Scaneo libraries, and the two are called in alternating order, round after round.
/// On a shared VM whose speed drifts by tens of percent within minutes, separate processes or separate
/// BenchmarkDotNet runs cannot resolve a 5% change; paired rounds in one process see the same drift.
/// </summary>
internal static class AbComparison
{
    /// <summary>Runs the comparison and prints each build's times and the paired ratio.</summary>
    /// <param name="buildA">Output directory of the baseline build.</param>
    /// <param name="buildB">Output directory of the candidate build.</param>
    /// <param name="maskName">The polygonize benchmark mask.</param>
    /// <param name="rounds">Timed rounds (each calls both builds once).</param>
    public static void Run(string buildA, string buildB, string maskName, int rounds)
    {
        Func<double>[] calls = [Load(buildA, maskName), Load(buildB, maskName)];
        for (int warmup = 0; warmup < 5; warmup++)
        {
            calls[0]();
            calls[1]();
        }

        var times = new double[2][] { new double[rounds], new double[rounds] };
        for (int round = 0; round < rounds; round++)
        {
            // Alternate which build goes first: the second call of a round pays for the first one's garbage.
            int first = round % 2;
            times[first][round] = calls[first]();
            times[1 - first][round] = calls[1 - first]();
        }

        var ratios = new double[rounds];
        int candidateFaster = 0;
        for (int round = 0; round < rounds; round++)
        {
            ratios[round] = times[1][round] / times[0][round];
            candidateFaster += times[1][round] < times[0][round] ? 1 : 0;
        }

        Print("A", buildA, times[0]);
        Print("B", buildB, times[1]);
        Array.Sort(ratios);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"B faster in {candidateFaster}/{rounds} rounds; median paired time ratio B/A {ratios[rounds / 2]:F3}"));
    }

    private static Func<double> Load(string buildDirectory, string maskName)
    {
        string directory = Path.GetFullPath(buildDirectory);
        var context = new BuildLoadContext(directory);
        Assembly assembly = context.LoadFromAssemblyPath(Path.Combine(directory, "Scaneo.Benchmarks.dll"));
        MethodInfo create = assembly.GetType("Scaneo.Benchmarks.Polygonize.PolygonizeTiming")?.GetMethod("Create")
            ?? throw new InvalidOperationException($"{directory} holds no PolygonizeTiming.Create: build a commit that has benchmarks/Scaneo.Benchmarks/Polygonize/PolygonizeTiming.cs.");
        return (Func<double>)create.Invoke(null, [maskName])!;
    }

    private static void Print(string name, string build, double[] times)
    {
        double[] sorted = [.. times.Order()];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {build}: min {sorted[0]:F1} ms, p25 {sorted[sorted.Length / 4]:F1} ms, median {sorted[sorted.Length / 2]:F1} ms"));
    }

    /// <summary>Resolves every assembly from one build's directory, so each build runs its own Scaneo libraries.</summary>
    private sealed class BuildLoadContext(string directory) : AssemblyLoadContext(isCollectible: false)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string path = Path.Combine(directory, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
