using Bundlinje.Investments;

namespace Bundlinje.Reports.Annual;

/// <summary>The annual report's fixed texts in Danish and English (each pair side by side), and dates as dd-MM-yyyy.</summary>
internal static class AnnualTexts
{
    public static string T(this AnnualFacts facts, string da, string en) => facts.Language == "en" ? en : da;

    public static string Date(DateOnly date) => date.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    public static string Phase(this AnnualFacts f, DevelopmentPhase phase) => PhaseChange.Number(phase) + " " + phase switch
    {
        DevelopmentPhase.Idea => f.T("Idé", "Idea"),
        DevelopmentPhase.DataAndDesign => f.T("Data og design", "Data and design"),
        DevelopmentPhase.BusinessCase => f.T("Businesscase", "Business case"),
        DevelopmentPhase.PaymentModel => f.T("Betalingsmodel", "Payment model"),
        DevelopmentPhase.Implementation => f.T("Implementering", "Implementation"),
        DevelopmentPhase.FollowUp => f.T("Opfølgning", "Follow-up"),
        _ => f.T("Evaluering", "Evaluation"),
    };

    public static string Status(this AnnualFacts f, InvestmentStatus status) => status switch
    {
        InvestmentStatus.InDevelopment => f.T("Under udvikling", "In development"),
        InvestmentStatus.Active => f.T("Aktiv", "Active"),
        InvestmentStatus.Ended => f.T("Afsluttet", "Ended"),
        InvestmentStatus.TerminatedEarly => f.T("Afsluttet før tid", "Terminated early"),
        _ => f.T("Donation", "Donation"),
    };

    /// <summary>A row or column label of the economics table as printed in the document's language.</summary>
    public static string EconomicsLabel(this AnnualFacts f, string label) => f.Language != "en" ? label : label switch
    {
        "- Resultatbetaling" => "- Result payments",
        Fund.Reconciliation.TotalRow => "Total",
        "Efterfølgende år i alt" => "Later years, total",
        _ when label.StartsWith(Fund.Reconciliation.BalanceRow, StringComparison.Ordinal) =>
            $"Balance of the fund at year end ({f.Economics.EffectPercent}% effect)",
        _ => label,
    };
}
