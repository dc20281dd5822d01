using System.Text.RegularExpressions;
using Scaneo.Cli.Hosting;

namespace Scaneo.Cli.Tests.Docs;

public sealed partial class CliReferenceTests
{
    public static TheoryData<string> Commands() =>
        [.. CommandBlocks(ReadCliMd()).Select(b => b.Command)];

    // docs/cli.md quotes each command's --help; this keeps the reference from drifting when options change.
    [Theory]
    [MemberData(nameof(Commands))]
    public async Task CliReference_CommandBlock_IsTheCommandsHelp(string command)
    {
        string documented = CommandBlocks(ReadCliMd()).Single(b => b.Command == command).Help;
        var stdout = new StringWriter();
        int code = await ScaneoCli.RunAsync([command, "--help"], stdout, new StringWriter());

        // The root command is named after the executable: "testhost" here, "scaneo" for users.
        string help = stdout.ToString().ReplaceLineEndings("\n").Replace("  testhost ", "  scaneo ", StringComparison.Ordinal);
        Assert.Equal(0, code);
        Assert.Equal(documented, help[help.IndexOf("Usage:", StringComparison.Ordinal)..].TrimEnd('\n'));
    }

    [Fact]
    public void CliReference_DocumentsEveryCommand()
    {
        string[] documented = [.. CommandBlocks(ReadCliMd()).Select(b => b.Command).Order(StringComparer.Ordinal)];
        Assert.Equal(["about", "export", "import", "infer", "info", "label", "polygonize", "rank", "serve-model", "uncertainty"], documented);
    }

    private static string ReadCliMd() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Docs", "cli.md")).ReplaceLineEndings("\n");

    private static IEnumerable<(string Command, string Help)> CommandBlocks(string markdown) =>
        CommandBlock().Matches(markdown).Select(m => (m.Groups[1].Value, m.Groups[2].Value));

    [GeneratedRegex(@"### `scaneo ([a-z-]+)`\n\n```\n(Usage:.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex CommandBlock();
}
