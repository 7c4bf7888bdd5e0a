namespace Bundlinje.Reports.Annual;

/// <summary>Chapter 2's table of proposals: <see cref="Proposals.ProposalStatistics"/> as of 31-12-year, the same computation
/// as `bundlinje proposals stats --as-of` and the fund's proposals page.</summary>
internal static class AnnualProposals
{
    public static ReportTable Table(AnnualFacts f)
    {
        var s = f.Proposals;
        var source = $"/Funds/{f.FundKey}/Proposals?asOf={f.AsOf:yyyy-MM-dd}";
        ReportRow Row(string label, int count, bool indented = false) =>
            new([label, new ReportCell(count.ToString(Common.Kroner.Danish), true, source)], Indented: indented);
        return new ReportTable(
            f.T("Tabel 1: Henvendelser til den sociale investeringsfond", "Table 1: Proposals to the social investment fund"),
            ["", f.T("I alt", "Total")],
            [
                Row(f.T("Antal almindelige henvendelser", "Ordinary proposals"), s.Ordinary),
                Row(f.T("- Direkte afvisning", "- Rejected directly"), s.DirectRejection, true),
                Row(f.T("- Afvisning efter belysning", "- Rejected after assessment"), s.RejectedAfterAssessment, true),
                Row(f.T("- Donation", "- Donation"), s.Donation, true),
                Row(f.T("- Igangsatte sociale investeringer", "- Social investments launched"), s.Launched, true),
                Row(f.T("- Under behandling", "- Pending"), s.Pending, true),
                Row(f.T("Henvendelser i Rådets call", "Proposals in the council's calls"), s.Call),
                Row(f.T("- Igangsatte sociale investeringer", "- Social investments launched"), s.CallLaunched, true),
                Row(f.T($"Nye almindelige henvendelser i {f.Year}", $"New ordinary proposals in {f.Year}"), s.NewThisYear),
            ],
            Notes: [f.T($"Opgjort pr. {AnnualTexts.Date(f.AsOf)}.", $"As of {AnnualTexts.Date(f.AsOf)}.")]);
    }
}
