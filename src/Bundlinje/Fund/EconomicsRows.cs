namespace Bundlinje.Fund;

/// <summary>The kind of a row in the council's table; the same rule places an entry in a row and finds a cell's entries.</summary>
public enum EconomicsRowKind { RunningCost, Spending, ResultPayment }

/// <summary>A column of the council's table: an accounts year "R yyyy", a budget year "B yyyy", or later years summed.</summary>
public sealed record EconomicsColumn(string Label, int FirstYear, int LastYear, bool IsActual);

/// <summary>A row: a running-cost category, an investment's spending, or its (negative) result payments.
/// <see cref="Reference"/> is the category or the investment key; <see cref="Label"/> is as printed.</summary>
public sealed record EconomicsRow(string Label, bool Indented, IReadOnlyList<decimal> Cells, EconomicsRowKind Kind, string Reference);

public static class EconomicsRules
{
    public const string DonationCategory = "Donationer";

    /// <summary>The row an investment-fund entry is shown in, or null (appropriations and the outcome fund are not rows).</summary>
    public static (EconomicsRowKind Kind, string Reference)? RowOf(LedgerEntry e) => e switch
    {
        { Pot: not LedgerPot.InvestmentFund } => null,
        { Kind: LedgerKind.RunningCost } => (EconomicsRowKind.RunningCost, e.Category ?? "Drift"),
        { Kind: LedgerKind.Donation } => (EconomicsRowKind.RunningCost, e.Category ?? DonationCategory),
        { Kind: LedgerKind.ResultPayment, Investment: { } key } => (EconomicsRowKind.ResultPayment, key),
        { Kind: LedgerKind.Disbursement or LedgerKind.Correction or LedgerKind.GuaranteePayment, Investment: { } key } =>
            (EconomicsRowKind.Spending, key),
        _ => null,
    };

    /// <summary>Accounts years count actual entries only; budget years count budget entries only.</summary>
    public static bool CountsIn(LedgerEntry e, int lastActualYear) => (e.FiscalYear <= lastActualYear) == (e.Basis == LedgerBasis.Actual);

    /// <summary>An expected result payment dated after the counted-in date is left out of the projection.</summary>
    public static bool IsCountedIn(LedgerEntry e, DateOnly? countedInUntil) =>
        e is not { Kind: LedgerKind.ResultPayment, Basis: LedgerBasis.Budget } || countedInUntil is not { } until || e.Date <= until;

    /// <summary>The signed amount an entry adds to its cell: result payments are negative, budget ones scaled by the effect.</summary>
    public static decimal CellAmount(LedgerEntry e, int effectPercent) => e switch
    {
        { Kind: LedgerKind.ResultPayment, Basis: LedgerBasis.Budget } => -e.Amount * effectPercent / 100m,
        { Kind: LedgerKind.ResultPayment } => -e.Amount,
        _ => e.Amount,
    };
}
