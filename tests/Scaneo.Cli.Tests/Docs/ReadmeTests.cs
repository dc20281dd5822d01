namespace Scaneo.Cli.Tests.Docs;

public sealed class ReadmeTests
{
    private static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Docs", name)).ReplaceLineEndings("\n");

    // The sample project is built with the solution, so README's quick start keeps compiling as long as it is
    // the sample's Program.cs, character for character.
    [Fact]
    public void Readme_QuickStart_IsTheCompiledSample()
    {
        string readme = Read("README.md");
        string program = Read("LabelOneImage.Program.cs.txt").TrimEnd();

        Assert.Contains("```csharp\n" + program + "\n```", readme, StringComparison.Ordinal);
        Assert.InRange(program.Split('\n').Length, 10, 32);
    }

    [Fact]
    public void Readme_StartsWithTheMainJobAndTheTestCommand()
    {
        string[] lines = Read("README.md").Split('\n');

        Assert.Equal("dotnet run --project src/Scaneo.Cli -- label", lines[3]);
        Assert.Equal("dotnet test Scaneo.Core.sln -c Release", lines[4]);
    }
}
