using Bundlinje.Common;

namespace Bundlinje.BusinessCases;

/// <summary>
/// A business case as an Excel workbook (docs/business-cases.md, "Excel"): the editable input sheets ("Inputs",
/// "Kohorter", "Omkostninger", "Budgetholdere", "Effekter", "Konsekvenser", "Antagelser") and the computed, read-only
/// ones ("Resultat", "Budgetholdere pr. år", "Følsomhed", "Priser"). Reading takes the input sheets only (the computed
/// sheets are recomputed after import), all or nothing, every problem at its sheet, row and column.
/// </summary>
public interface IBusinessCaseWorkbook
{
    /// <summary>The computed case with its inputs, at the fund's discount <paramref name="rates"/>.</summary>
    byte[] Write(ComputedCase computed, DiscountRates rates);

    /// <summary>The case in the input sheets, checked cell by cell and then with <see cref="BusinessCaseFile.Problems"/>;
    /// refused (<see cref="Refused"/>, "Business casen er afvist (n fejl)") with every problem at its cell.</summary>
    WorkbookCase Read(Stream content);
}

/// <summary>Sheet names of the workbook layout.</summary>
public static class BusinessCaseSheets
{
    public const string Inputs = "Inputs", Cohorts = "Kohorter", Costs = "Omkostninger", Holders = "Budgetholdere",
        Outcomes = "Effekter", Consequences = "Konsekvenser", Assumptions = "Antagelser", Result = "Resultat",
        HolderYears = "Budgetholdere pr. år", Sensitivities = "Følsomhed", Prices = "Priser";

    /// <summary>The sheets read on import, in order.</summary>
    public static readonly IReadOnlyList<string> Editable = [Inputs, Cohorts, Costs, Holders, Outcomes, Consequences, Assumptions];

    /// <summary>The largest file read (a business case is some 20 KB; a 10 MB "case" is refused unread).</summary>
    public const long MaxBytes = 5 * 1024 * 1024;
}

/// <summary>A cell of the workbook: sheet, row (from 1) and column letter.</summary>
public sealed record CellAt(string Sheet, int Row, string Column)
{
    public override string ToString() => $"{Sheet}!{Column}{Row}";

    /// <summary>"Ark 'Konsekvenser', række 4, kolonne F: {reason}" (the reason's own path dropped).</summary>
    public Refusal Refuse(Refusal reason) =>
        new("businessCase.cell", ToString(), [Sheet, Row, Column, reason with { Field = null }]);

    public Refusal Refuse(string code, params object?[] args) => Refuse(Refusal.Of(code, args));
}

/// <summary>A case read from a workbook, with the cell each JSON path came from (<c>$.case.costs[2].amount</c> →
/// Omkostninger!B4), so a later refusal at a JSON path (the prices, the investment's versions and parts) names the cell.</summary>
public sealed record WorkbookCase(BusinessCase Case, IReadOnlyDictionary<string, CellAt> Cells)
{
    /// <summary>The refusal at its cell: the JSON path's own cell, else the cell of its nearest parent (a row); a path
    /// with neither (a duplicate over a whole sheet) keeps its path.</summary>
    public Refusal Locate(Refusal problem)
    {
        if (problem.Field is not { } path || !path.StartsWith('$')) return problem;
        for (var at = path; at.Length > "$.case".Length; at = Parent(at))
            if (Cells.TryGetValue(at, out var cell)) return cell.Refuse(problem);
        return problem;
    }

    public Refused Locate(Refused refused) => new(refused.Heading, refused.Problems.Select(Locate).ToList());

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
