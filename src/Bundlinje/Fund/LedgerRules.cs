namespace Bundlinje.Fund;

/// <summary>What a posting must hold, checked the same way for a form and for an imported file.</summary>
public static class LedgerRules
{
    private static readonly LedgerKind[] OutcomeFundKinds = [LedgerKind.Appropriation, LedgerKind.Commitment, LedgerKind.Payout];
    private static readonly LedgerKind[] NeedInvestment =
        [LedgerKind.Disbursement, LedgerKind.ResultPayment, LedgerKind.GuaranteePayment, LedgerKind.Commitment, LedgerKind.Payout];

    /// <summary>Problems as (field, message); empty when the line can be posted.</summary>
    public static IEnumerable<(string Field, string Message)> Check(LedgerLine line)
    {
        if (Common.Kroner.RangeProblem(line.Amount) is { } amount) yield return ("amount", amount);
        if (line.FiscalYear is < 1990 or > 2100) yield return ("fiscalYear", $"{line.FiscalYear} ligger ikke mellem 1990 og 2100.");
        if (line.EntryDate is { } date && Math.Abs(date.Year - line.FiscalYear) > 1)
            yield return ("entryDate", $"datoen {date:dd-MM-yyyy} ligger ikke i eller ved regnskabsåret {line.FiscalYear}.");
        if (line.Pot == LedgerPot.OutcomeFund && !OutcomeFundKinds.Contains(line.Kind))
            yield return ("kind",
                $"{line.Kind} kan ikke bogføres i outcomefonden (kun bevilling, tilsagn og udbetaling; en fejl rettes ved tilbageførsel).");
        if (line.Pot == LedgerPot.InvestmentFund && line.Kind is LedgerKind.Commitment or LedgerKind.Payout)
            yield return ("pot", $"{line.Kind} hører til outcomefonden.");
        if (NeedInvestment.Contains(line.Kind) && string.IsNullOrWhiteSpace(line.Investment))
            yield return ("investment", $"mangler for {line.Kind}.");
        if (line.Kind == LedgerKind.RunningCost && string.IsNullOrWhiteSpace(line.Category))
            yield return ("category", "en driftsudgift skal have en kategori.");
    }
}
