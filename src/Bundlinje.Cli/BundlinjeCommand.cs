using System.CommandLine;
using System.Globalization;
using Bundlinje.Data.Texts;

namespace Bundlinje.Cli;

public static class BundlinjeCommand
{
    private const string Lang = "--lang";

    public static RootCommand Create()
    {
        var lang = new Option<string>(Lang)
        {
            Description = "The language of refusals: da (default) or en.", Recursive = true,
            DefaultValueFactory = _ => "da"
        };
        lang.AcceptOnlyFromAmong("da", "en");
        return new("bundlinje: administration of a Bundlinje database (same configuration as the web app).")
        {
            Options = { lang },
            Subcommands =
            {
                Commands.Db(), Commands.Demo(), Commands.Import(), Commands.Export(), Commands.Users(), FundCommands.Fund(),
                FollowUpCommands.Participants(), FollowUpCommands.Register(), FollowUpCommands.Payments(), FollowUpCommands.FollowUp(),
                ProposalCommands.Proposals(), BusinessCaseCommands.BusinessCase(), ReportCommands.Report(), IndigoCommands.Indigo(),
                PublishCommands.Publish(),
            },
        };
    }

    /// <summary>Parses and runs the command line; refusals are written in Danish unless --lang en is given.</summary>
    public static async Task<int> InvokeAsync(string[] args)
    {
        var parse = Create().Parse(args);
        CultureInfo.CurrentUICulture = parse.GetValue<string>(Lang) == "en" ? RefusalText.English : RefusalText.Danish;
        return await parse.InvokeAsync();
    }
}
