using Scaneo.Annotations.Exports;

namespace Scaneo.Annotations.Tests.Exports;

public class AtomicOutputTests
{
    [Fact]
    public async Task ExportAsync_OutputUnderAFile_ThrowsExportExceptionAndLeavesNothing()
    {
        string parent = TestData.TempDir();
        string file = Path.Combine(parent, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");

        var ex = await Assert.ThrowsAsync<AnnotationExportException>(() => new CocoExporter().ExportAsync(TestData.Campaign(), [], Path.Combine(file, "out")));

        Assert.Contains("not-a-folder", ex.OutputPath, StringComparison.Ordinal);
        Assert.Equal([file], Directory.EnumerateFileSystemEntries(parent));
    }

    [Fact]
    public async Task ExportAsync_ExistingOutputFolder_KeepsOtherFilesAndReplacesOurs()
    {
        string output = TestData.TempDir();
        await File.WriteAllTextAsync(Path.Combine(output, "keep.txt"), "mine");
        await File.WriteAllTextAsync(Path.Combine(output, "spai.json"), "stale");

        await new ScaneoExporter().ExportAsync(TestData.Campaign(), [], output);

        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(output, "keep.txt")));
        Assert.StartsWith("{\"labels\"", await File.ReadAllTextAsync(Path.Combine(output, "spai.json")), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(output)!, "." + Path.GetFileName(output) + "*"));
    }
}
