using Bundlinje.Cli;

return await BundlinjeCommand.Create().Parse(args).InvokeAsync();
