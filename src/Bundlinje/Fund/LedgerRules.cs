using Bundlinje.Common;

namespace Bundlinje.Fund;

/// <summary>What a posting must hold, checked the same way for a form and for an imported file.</summary>
public static class LedgerRules
{
    private static readonly LedgerKind[] OutcomeFundKinds = [LedgerKind.Appropriation, LedgerKind.Commitment, LedgerKind.Payout];
    private static readonly LedgerKind[] NeedInvestment =
        [LedgerKind.Disbursement, LedgerKind.ResultPayment, LedgerKind.GuaranteePayment, LedgerKind.Commitment, LedgerKind.Payout];

    /// <summary>Problems, each at its field (the line's camelCase property); empty when the line can be posted.</summary>
    public static IEnumerable<Refusal> Check(LedgerLine line)
    {
        if (Kroner.RangeProblem(line.Amount) is { } amount) yield return amount with { Field = "amount" };
        if (line.FiscalYear is < 1990 or > 2100) yield return Refusal.At("fiscalYear", "ledger.fiscalYearRange", line.FiscalYear);
        if (line.EntryDate is { } date && Math.Abs(date.Year - line.FiscalYear) > 1)
            yield return Refusal.At("entryDate", "ledger.entryDateOutsideYear", date, line.FiscalYear);
        if (line.Pot == LedgerPot.OutcomeFund && !OutcomeFundKinds.Contains(line.Kind))
            yield return Refusal.At("kind", "ledger.kindNotInOutcomeFund", line.Kind);
        if (line.Pot == LedgerPot.InvestmentFund && line.Kind is LedgerKind.Commitment or LedgerKind.Payout)
            yield return Refusal.At("pot", "ledger.kindBelongsToOutcomeFund", line.Kind);
        if (NeedInvestment.Contains(line.Kind) && string.IsNullOrWhiteSpace(line.Investment))
            yield return Refusal.At("investment", "ledger.investmentMissing", line.Kind);
        if (line.Kind == LedgerKind.RunningCost && string.IsNullOrWhiteSpace(line.Category))
            yield return Refusal.At("category", "ledger.categoryMissing");
    }

    /// <summary>The form's label of a field <see cref="Check"/> names ("Beløb").</summary>
    public static Refusal Label(string field) => field switch
    {
        "fiscalYear" => Refusal.Of("ledger.label.fiscalYear"),
        "amount" => Refusal.Of("ledger.label.amount"),
        "entryDate" => Refusal.Of("ledger.label.entryDate"),
        "kind" => Refusal.Of("ledger.label.kind"),
        "pot" => Refusal.Of("ledger.label.pot"),
        "investment" => Refusal.Of("ledger.label.investment"),
        "category" => Refusal.Of("ledger.label.category"),
        _ => Refusal.Of("at.literal", field),
    };
}
