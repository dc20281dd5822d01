using System.Text;
using System.Text.RegularExpressions;
using Scaneo.Cli.Hosting;

namespace Scaneo.Cli.Tests.Commands;

public class ServeModelCommandTests
{
    [Fact]
    public async Task ServeModel_UntilCancelled_PrintsOneUrlPerTaskAndStopsCleanly()
    {
        var stdout = new ConcurrentWriter();
        var stderr = new ConcurrentWriter();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Task<int> run = ScaneoCli.RunAsync(["serve-model", "--preset", "sentinel2"], stdout, stderr, cts.Token);

        string output = await WaitForAsync(stdout, text => text.Contains("sam", StringComparison.Ordinal), run);
        Match listening = Regex.Match(output, @"listening on (http://127\.0\.0\.1:\d+/)");
        Assert.True(listening.Success, output);
        string baseUrl = listening.Groups[1].Value;
        foreach (string route in new[] { "classification", "detection", "segmentation", "segmentation/scores", "sam" })
        {
            Assert.Contains(baseUrl + route, output, StringComparison.Ordinal);
        }

        using (var http = new HttpClient())
        {
            string info = await http.GetStringAsync(baseUrl);
            Assert.Contains("\"nir\":7", info, StringComparison.Ordinal); // the Sentinel-2 preset is served
        }

        await cts.CancelAsync();
        Assert.Equal(ScaneoCli.Success, await run);
        Assert.DoesNotContain("error:", stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--delay-ms", "-5")]
    public async Task ServeModel_OutOfRangeOption_ExitsWithUsageError(string option, string value)
    {
        var stderr = new StringWriter();

        int exit = await ScaneoCli.RunAsync(["serve-model", option, value], TextWriter.Null, stderr);

        Assert.Equal(ScaneoCli.UsageError, exit);
        Assert.StartsWith("error: " + option, stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeModel_UnknownPreset_ExitsWithUsageError()
    {
        var stderr = new StringWriter();

        int exit = await ScaneoCli.RunAsync(["serve-model", "--preset", "modis"], TextWriter.Null, stderr);

        Assert.Equal(ScaneoCli.UsageError, exit);
        Assert.Contains("modis", stderr.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> WaitForAsync(ConcurrentWriter writer, Func<string, bool> done, Task<int> run)
    {
        for (int i = 0; i < 300; i++)
        {
            string text = writer.ToString();

            if (done(text))
            {
                return text;
            }

            if (run.IsCompleted)
            {
                throw new InvalidOperationException($"serve-model exited with {await run} before printing its URLs: {text}");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("serve-model printed no URLs within 30 s.");
    }

    /// <summary>A writer the command writes to on its thread while the test reads it on another.</summary>
    private sealed class ConcurrentWriter : TextWriter
    {
        private readonly StringBuilder _text = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (_text)
            {
                _text.Append(buffer, index, count);
            }
        }

        public override string ToString()
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }
}
