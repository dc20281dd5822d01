namespace Scaneo.Cli.Hosting;

/// <summary>A command line that parsed but makes no sense (e.g. <c>--points</c> without <c>--task sam</c>): exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
