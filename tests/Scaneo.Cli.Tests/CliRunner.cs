using Scaneo.Cli.Hosting;

namespace Scaneo.Cli.Tests;

/// <summary>Runs the CLI in process with the host's exit-code and error contract, capturing both streams.</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await ScaneoCli.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
