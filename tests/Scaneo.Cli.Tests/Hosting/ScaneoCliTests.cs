using System.CommandLine;
using System.Text.Json;
using Scaneo.Cli.Commands;
using Scaneo.Cli.Hosting;

namespace Scaneo.Cli.Tests.Hosting;

public class ScaneoCliTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task RunAsync_Help_ListsCommandsAndExitsZero(string flag)
    {
        var (code, stdout, stderr) = await RunAsync(flag);
        Assert.Equal(ScaneoCli.Success, code);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
        Assert.Contains("Commands:", stdout, StringComparison.Ordinal);
        Assert.Contains("about", stdout, StringComparison.Ordinal);
        Assert.Contains("--verbose", stdout, StringComparison.Ordinal);
        Assert.Contains("--json", stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public async Task RunAsync_Help_ListsEveryCatalogCommand()
    {
        var (_, stdout, _) = await RunAsync("--help");
        foreach (var command in CommandCatalog.Create(new CliContext(TextWriter.Null, TextWriter.Null)))
        {
            Assert.Contains(command.Name, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunAsync_CommandHelp_ExitsZero()
    {
        var (code, stdout, _) = await RunAsync("about", "--help");
        Assert.Equal(ScaneoCli.Success, code);
        Assert.Contains("about", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Version_PrintsPackageVersion()
    {
        var (code, stdout, stderr) = await RunAsync("--version");
        Assert.Equal(ScaneoCli.Success, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout.Trim());
        Assert.Equal(string.Empty, stderr);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("about", "extra")]
    public async Task RunAsync_UnknownCommand_ExitsTwoWithOneErrorLine(params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(args);
        Assert.Equal(ScaneoCli.UsageError, code);
        AssertOneErrorLine(stderr);
        Assert.Contains(args[^1], stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
    }

    [Theory]
    [InlineData("--frobnicate")]
    [InlineData("about", "--frobnicate")]
    public async Task RunAsync_UnknownOption_ExitsTwo(params string[] args)
    {
        var (code, _, stderr) = await RunAsync(args);
        Assert.Equal(ScaneoCli.UsageError, code);
        AssertOneErrorLine(stderr);
        Assert.Contains("--frobnicate", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoCommand_ExitsTwo()
    {
        var (code, _, stderr) = await RunAsync();
        Assert.Equal(ScaneoCli.UsageError, code);
        AssertOneErrorLine(stderr);
    }

    [Fact]
    public async Task RunAsync_MissingArgument_ExitsTwo()
    {
        var (code, _, stderr) = await RunWithAsync(["needs-arg"]);
        Assert.Equal(ScaneoCli.UsageError, code);
        AssertOneErrorLine(stderr);
    }

    [Fact]
    public async Task RunAsync_CommandThrows_ExitsOneWithOneLineAndNoStackTrace()
    {
        var (code, stdout, stderr) = await RunWithAsync(["boom"]);
        Assert.Equal(ScaneoCli.Failure, code);
        AssertOneErrorLine(stderr);
        Assert.Equal("error: campaign.json: $.labels[2].color: \"red\" is not a colour of the form #rrggbb.", stderr.TrimEnd('\n'));
        Assert.DoesNotContain(" at ", stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
    }

    [Theory]
    [InlineData("--verbose")]
    [InlineData("-v")]
    public async Task RunAsync_CommandThrowsWithVerbose_PrintsStackTraceAfterErrorLine(string flag)
    {
        var (code, _, stderr) = await RunWithAsync(["boom", flag]);
        Assert.Equal(ScaneoCli.Failure, code);
        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.Contains(nameof(InvalidDataException), stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MultiLineExceptionMessage_IsFoldedOntoOneLine()
    {
        var (code, _, stderr) = await RunWithAsync(["multiline"]);
        Assert.Equal(ScaneoCli.Failure, code);
        AssertOneErrorLine(stderr);
        Assert.Equal("error: first line second line", stderr.TrimEnd('\n'));
    }

    [Fact]
    public async Task RunAsync_UsageExceptionFromCommand_ExitsTwo()
    {
        var (code, _, stderr) = await RunWithAsync(["misused"]);
        Assert.Equal(ScaneoCli.UsageError, code);
        AssertOneErrorLine(stderr);
        Assert.Contains("--points needs --task sam", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ExitsOne()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await ScaneoCli.RunAsync(["slow"], stdout, stderr, TestCommands, cts.Token);
        Assert.Equal(ScaneoCli.Failure, code);
        Assert.Equal("error: cancelled", stderr.ToString().TrimEnd('\n'));
    }

    [Fact]
    public async Task RunAsync_AboutWithJson_WritesOneJsonDocument()
    {
        var (code, stdout, stderr) = await RunAsync("about", "--json");
        Assert.Equal(ScaneoCli.Success, code);
        using var doc = JsonDocument.Parse(stdout);
        var packages = doc.RootElement.GetProperty("packages");
        Assert.Contains(packages.EnumerateArray(), p => p.GetProperty("name").GetString() == "Scaneo.Abstractions");
        Assert.StartsWith(".NET", doc.RootElement.GetProperty("runtime").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("}\n", stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public async Task RunAsync_JsonBeforeCommand_IsAccepted()
    {
        var (code, stdout, _) = await RunAsync("--json", "about");
        Assert.Equal(ScaneoCli.Success, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
    }

    [Fact]
    public async Task RunAsync_About_PrintsVersions()
    {
        var (code, stdout, _) = await RunAsync("about");
        Assert.Equal(ScaneoCli.Success, code);
        Assert.Contains("Scaneo.Abstractions ", stdout, StringComparison.Ordinal);
        Assert.Contains("scaneo ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonOutput_IncompleteDocument_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => JsonOutput.Write(new StringWriter(), w => w.WriteStartObject()));
        Assert.Throws<InvalidOperationException>(() => JsonOutput.Write(new StringWriter(), _ => { }));
    }

    [Fact]
    public void JsonOutput_Document_IsIndentedUnescapedAndNewlineTerminated()
    {
        var output = new StringWriter();
        JsonOutput.Write(output, w =>
        {
            w.WriteStartObject();
            w.WriteString("label", "água <1>");
            w.WriteEndObject();
        });
        Assert.Equal("{\n  \"label\": \"água <1>\"\n}\n", output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static void AssertOneErrorLine(string stderr)
    {
        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
    }

    private static Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        RunCoreAsync(args, CommandCatalog.Create);

    private static Task<(int Code, string Stdout, string Stderr)> RunWithAsync(string[] args) =>
        RunCoreAsync(args, TestCommands);

    private static async Task<(int Code, string Stdout, string Stderr)> RunCoreAsync(string[] args, Func<CliContext, IEnumerable<Command>> commands)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = await ScaneoCli.RunAsync(args, stdout, stderr, commands);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static IEnumerable<Command> TestCommands(CliContext context)
    {
        var boom = new Command("boom");
        boom.SetAction(int (_) => throw new InvalidDataException("campaign.json: $.labels[2].color: \"red\" is not a colour of the form #rrggbb."));
        yield return boom;

        var multiline = new Command("multiline");
        multiline.SetAction(int (_) => throw new InvalidOperationException("first line\r\n  second line\n"));
        yield return multiline;

        var misused = new Command("misused");
        misused.SetAction(int (_) => throw new CliUsageException("--points needs --task sam."));
        yield return misused;

        var slow = new Command("slow");
        slow.SetAction(async (_, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return 0;
        });
        yield return slow;

        var needsArg = new Command("needs-arg");
        needsArg.Arguments.Add(new Argument<string>("image"));
        needsArg.SetAction(_ => context.Out.WriteLine("unreachable"));
        yield return needsArg;
    }
}
