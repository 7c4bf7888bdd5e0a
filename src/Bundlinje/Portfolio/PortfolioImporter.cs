using Bundlinje.Agreements;
using Bundlinje.Common;
using Bundlinje.Investments;
using Bundlinje.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Portfolio;

public sealed record ImportResult(int Funds, int Organisations, int Investments);

/// <summary>Imports a portfolio all-or-nothing: records are matched by key, updated in place, and their parts replaced.</summary>
public sealed class PortfolioImporter(IBundlinjeStore store)
{
    public async Task<ImportResult> ImportAsync(string json, CancellationToken ct = default)
    {
        var doc = PortfolioJson.Read(json);
        var funds = await store.Funds.ToDictionaryAsync(f => f.Key, ct);
        var orgs = await store.Organisations.ToDictionaryAsync(o => o.Key, ct);
        var problems = PortfolioValidator.Validate(doc, funds.Keys, orgs.Keys);
        if (problems.Count > 0) throw PortfolioJson.Rejected(problems);

        foreach (var dto in doc.Funds)
        {
            if (!funds.TryGetValue(dto.Key!, out var fund))
                store.Funds.Add(fund = funds[dto.Key!] = new Fund.Fund { Key = dto.Key!, Name = dto.Name! });
            fund.Name = dto.Name!; fund.Council = dto.Council; fund.Secretariat = dto.Secretariat;
            fund.HorizonYears = dto.HorizonYears; fund.BudgetEffectPercent = dto.BudgetEffectPercent;
        }
        foreach (var dto in doc.Organisations)
        {
            if (!orgs.TryGetValue(dto.Key!, out var org))
                store.Organisations.Add(org = orgs[dto.Key!] = new Organisation { Key = dto.Key!, Name = dto.Name! });
            org.Name = dto.Name!; org.Kind = dto.Kind;
        }

        var keys = doc.Investments.Select(i => i.Key!).ToList();
        var existing = await store.Investments.Where(i => keys.Contains(i.Key))
            .Include(i => i.Parties).Include(i => i.SubProjects).Include(i => i.Enrolment)
            .Include(i => i.Versions).ThenInclude(v => v.Changes)
            .ToDictionaryAsync(i => i.Key, ct);
        foreach (var dto in doc.Investments)
        {
            if (!existing.TryGetValue(dto.Key!, out var inv))
                store.Investments.Add(inv = new Investment { Key = dto.Key!, Name = dto.Name! });
            Apply(dto, inv, funds[dto.Fund!], orgs);
        }
        await store.SaveChangesAsync(ct);
        return new ImportResult(doc.Funds.Count, doc.Organisations.Count, doc.Investments.Count);
    }

    private static void Apply(InvestmentDto dto, Investment inv, Fund.Fund fund, Dictionary<string, Organisation> orgs)
    {
        inv.Fund = fund; inv.Name = dto.Name!; inv.TakeOverStatus(dto.Status, dto.StatusNote);
        inv.AgreedOn = dto.AgreedOn; inv.PeriodStart = dto.PeriodStart; inv.PeriodEnd = dto.PeriodEnd;
        inv.TargetGroup = dto.TargetGroup; inv.PlannedParticipants = dto.PlannedParticipants;
        inv.PlannedPerYear = dto.PlannedPerYear; inv.PaymentModel = dto.PaymentModel; inv.Notes = dto.Notes;

        inv.Parties.Clear();
        inv.Parties.AddRange(dto.Parties.Select(p => new Party
        {
            Organisation = orgs[p.Organisation!], Role = p.Role, Capital = p.Capital,
            Guarantee = p.Guarantee, GuaranteeShare = p.GuaranteeShare, Donation = p.Donation, Note = p.Note,
        }));
        inv.SubProjects.Clear();
        inv.SubProjects.AddRange(dto.SubProjects.Select(s => new SubProject
        {
            Name = s.Name!, TargetGroup = s.TargetGroup, PlannedMin = s.PlannedMin, PlannedMax = s.PlannedMax,
            PlannedPerYearMin = s.PlannedPerYearMin, PlannedPerYearMax = s.PlannedPerYearMax, InjectedCapital = s.InjectedCapital,
        }));
        inv.Enrolment.Clear();
        inv.Enrolment.AddRange(dto.Enrolment.Select(e => new EnrolmentCount
        {
            AsOf = e.AsOf, SubProject = e.SubProject, Enrolled = e.Enrolled, Completed = e.Completed,
            DroppedOut = e.DroppedOut, Expected = e.Expected, Note = e.Note,
        }));
        inv.Versions.Clear();
        inv.Versions.AddRange(dto.Versions.Select(v => new AgreementVersion
        {
            Number = v.Number, EffectiveOn = v.EffectiveOn, Reason = v.Reason!, RecordedBy = "import",
            Changes = v.Changes.Select(c => new AgreementChange { Field = c.Field!, OldValue = c.From, NewValue = c.To }).ToList(),
        }));
    }
}
