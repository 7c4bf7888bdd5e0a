using System.CommandLine;
using Bundlinje.Cli;

var root = new RootCommand("bundlinje: administration of a Bundlinje database (same configuration as the web app).");
root.Subcommands.Add(Commands.Db());
root.Subcommands.Add(Commands.Demo());
root.Subcommands.Add(Commands.Import());
root.Subcommands.Add(Commands.Export());
root.Subcommands.Add(Commands.Users());
root.Subcommands.Add(FundCommands.Fund());
return await root.Parse(args).InvokeAsync();
