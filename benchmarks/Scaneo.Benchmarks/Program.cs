using BenchmarkDotNet.Running;
using Scaneo.Benchmarks;
using Scaneo.Benchmarks.Polygonize;

// Run with: dotnet run -c Release --project benchmarks/Scaneo.Benchmarks -- --filter '*'
// `-- write-masks DIR` writes the polygonize benchmark masks as GeoTIFFs, so that the GDAL/OpenCV anchors
// (Polygonize/polygonize_anchor.py) run on exactly the same pixels.
if (args is ["write-masks", string directory])
{
    PolygonizeMasks.WriteAll(directory);
    return;
}

// `-- ab-compare BUILD_A BUILD_B MASK ROUNDS` times two builds of this project side by side (see AbComparison).
if (args is ["ab-compare", string buildA, string buildB, string maskName, string rounds])
{
    AbComparison.Run(buildA, buildB, maskName, int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point holder for BenchmarkSwitcher.</summary>
public partial class Program;
