using Bundlinje.BusinessCases;

namespace Bundlinje.Web.Pages.Investments.BusinessCases;

/// <summary>The Danish names (keys of SharedResource) of a business case's enums, sensitivity parameters and price sources.</summary>
public static class CaseLabels
{
    public static string Of(PublicLevel level) => level switch
    {
        PublicLevel.Region => "Region",
        PublicLevel.State => "Stat",
        _ => "Kommune",
    };

    public static string Of(CeilingType ceiling) => ceiling switch
    {
        CeilingType.Transfer => "Overførsler",
        CeilingType.Construction => "Anlæg",
        CeilingType.Outside => "Uden for loft",
        _ => "Service",
    };

    public static string Parameter(string parameter) => parameter switch
    {
        Sensitivity.Success => "Succesrate",
        Sensitivity.Recruitment => "Rekruttering",
        _ => "Enhedspriser",
    };

    /// <summary>Where a price came from (<see cref="PriceBook.Sources"/>): the label and the detail after it.</summary>
    public static (string Label, string Detail) Source(string source) =>
        source.StartsWith("catalogue:", StringComparison.Ordinal) ? ("Fondens katalog", source["catalogue:".Length..])
        : source.StartsWith("override: ", StringComparison.Ordinal) ? ("Egen pris i stedet for katalogets", source["override: ".Length..])
        : ("Casens egen pris", "");

    /// <summary>A share as a Danish percentage ("83,56 %").</summary>
    public static string Percent(decimal share) => (share * 100).ToString("0.##", Common.Kroner.Danish) + " %";
}
