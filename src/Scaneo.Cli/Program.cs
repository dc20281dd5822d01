using Scaneo.Cli.Hosting;

return await ScaneoCli.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
