using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Portfolio;

/// <summary>Writes the whole portfolio (or one fund's) in the same format the importer reads.</summary>
public sealed class PortfolioExporter(IBundlinjeStore store)
{
    public async Task<PortfolioDocument> ExportAsync(string? fundKey = null, CancellationToken ct = default)
    {
        var funds = await store.Funds.AsNoTracking().Where(f => fundKey == null || f.Key == fundKey).OrderBy(f => f.Id).ToListAsync(ct);
        var investments = await store.Investments.AsNoTracking()
            .Where(i => fundKey == null || i.Fund!.Key == fundKey)
            .Include(i => i.Fund).Include(i => i.Parties).ThenInclude(p => p.Organisation)
            .Include(i => i.SubProjects).Include(i => i.Enrolment)
            .Include(i => i.Versions).ThenInclude(v => v.Changes)
            .OrderBy(i => i.Id).ToListAsync(ct);
        var orgKeys = investments.SelectMany(i => i.Parties).Select(p => p.Organisation!.Key).ToHashSet();
        var orgs = await store.Organisations.AsNoTracking()
            .Where(o => fundKey == null || orgKeys.Contains(o.Key)).OrderBy(o => o.Id).ToListAsync(ct);

        return new PortfolioDocument
        {
            Format = PortfolioDocument.CurrentFormat,
            Funds = funds.Select(f => new FundDto
            {
                Key = f.Key, Name = f.Name, Council = f.Council, Secretariat = f.Secretariat,
                HorizonYears = f.HorizonYears, BudgetEffectPercent = f.BudgetEffectPercent,
            }).ToList(),
            Organisations = orgs.Select(o => new OrganisationDto { Key = o.Key, Name = o.Name, Kind = o.Kind }).ToList(),
            Investments = investments.Select(i => new InvestmentDto
            {
                Key = i.Key, Fund = i.Fund!.Key, Name = i.Name, Status = i.Status, StatusNote = i.StatusNote,
                AgreedOn = i.AgreedOn, PeriodStart = i.PeriodStart, PeriodEnd = i.PeriodEnd, TargetGroup = i.TargetGroup,
                PlannedParticipants = i.PlannedParticipants, PlannedPerYear = i.PlannedPerYear,
                PaymentModel = i.PaymentModel, Notes = i.Notes,
                Parties = i.Parties.OrderBy(p => p.Id).Select(p => new PartyDto
                {
                    Organisation = p.Organisation!.Key, Role = p.Role, Capital = Plain(p.Capital),
                    Guarantee = Plain(p.Guarantee), GuaranteeShare = p.GuaranteeShare, Donation = Plain(p.Donation), Note = p.Note,
                }).ToList(),
                SubProjects = i.SubProjects.OrderBy(s => s.Id).Select(s => new SubProjectDto
                {
                    Name = s.Name, TargetGroup = s.TargetGroup, PlannedMin = s.PlannedMin, PlannedMax = s.PlannedMax,
                    PlannedPerYearMin = s.PlannedPerYearMin, PlannedPerYearMax = s.PlannedPerYearMax,
                    InjectedCapital = Plain(s.InjectedCapital),
                }).ToList(),
                Enrolment = i.Enrolment.OrderBy(e => e.AsOf).ThenBy(e => e.Id).Select(e => new EnrolmentDto
                {
                    AsOf = e.AsOf, SubProject = e.SubProject, Enrolled = e.Enrolled, Completed = e.Completed,
                    DroppedOut = e.DroppedOut, Expected = e.Expected, Note = e.Note,
                }).ToList(),
                Versions = i.Versions.OrderBy(v => v.Number).Select(v => new VersionDto
                {
                    Number = v.Number, EffectiveOn = v.EffectiveOn, Reason = v.Reason,
                    Changes = v.Changes.OrderBy(c => c.Id)
                        .Select(c => new ChangeDto { Field = c.Field, From = c.OldValue, To = c.NewValue }).ToList(),
                }).ToList(),
            }).ToList(),
        };
    }

    /// <summary>Drops the trailing zeros a database adds to a decimal's scale (11500000.00 → 11500000).</summary>
    private static decimal? Plain(decimal? amount) => amount / 1.0000000000000000000000000000m;
}
