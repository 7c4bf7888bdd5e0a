using Bundlinje.Cli;

return await BundlinjeCommand.InvokeAsync(args);
