using System.CommandLine;

namespace Bundlinje.Cli;

public static class BundlinjeCommand
{
    public static RootCommand Create() =>
        new("bundlinje: administration of a Bundlinje database (same configuration as the web app).")
        {
            Commands.Db(), Commands.Demo(), Commands.Import(), Commands.Export(), Commands.Users(), FundCommands.Fund(),
            FollowUpCommands.Participants(), FollowUpCommands.Register(), FollowUpCommands.Payments(), FollowUpCommands.FollowUp(),
            ProposalCommands.Proposals(),
        };
}
