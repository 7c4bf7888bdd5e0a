using System.Text.Json.Nodes;
using Bundlinje.Common;
using Bundlinje.FollowUps;
using Bundlinje.Publication;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Peers.Export;

/// <summary>An export: the document, its text (what is written to the file) and the problems the validator found (none
/// for an export this code wrote, which a test holds).</summary>
public sealed record IndigoExportResult(JsonObject Document, string Json, int Projects, int Organisations, IReadOnlyList<string> Problems);

/// <summary>`bundlinje indigo export`: the fund's published investments (<see cref="Publications.PublishedAsync"/>) read from
/// the store and mapped by <see cref="IndigoMapping"/>. Reads only the fund's own rows.</summary>
public sealed class IndigoExporter(IBundlinjeStore store, Publications publications, TimeProvider clock)
{
    public async Task<IndigoExportResult> ExportAsync(string fundKey, CancellationToken ct = default)
    {
        var fund = await store.Funds.AsNoTracking().FirstOrDefaultAsync(f => f.Key == fundKey, ct)
            ?? throw new Refused("fund.unknown", fundKey);
        var facts = new IndigoFacts(fund.Key, fund.Name, fund.Currency, clock.Today(), await ProjectsAsync(fund.Id, fund.Key, ct));
        var document = IndigoMapping.Build(facts);
        return new(document, IndigoMapping.Write(document), facts.Projects.Count, document["organisations"]!.AsArray().Count,
            IndigoValidator.Check(document));
    }

    private async Task<List<IndigoInvestmentFacts>> ProjectsAsync(int fundId, string fundKey, CancellationToken ct)
    {
        var published = (await publications.PublishedAsync(fundId, ct)).ToDictionary(p => p.InvestmentId);
        var ids = published.Keys.ToList();
        var investments = await store.Investments.AsNoTracking().Where(i => i.FundId == fundId && ids.Contains(i.Id))
            .Include(i => i.Parties).ThenInclude(p => p.Organisation).Include(i => i.SubProjects).Include(i => i.Enrolment)
            .ToListAsync(ct);
        var models = (await store.PaymentModels.AsNoTracking().Where(m => ids.Contains(m.InvestmentId)).ToListAsync(ct))
            .GroupBy(m => m.InvestmentId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.AgreementVersion).ThenByDescending(m => m.Id).First().Model);
        var approved = await (from r in store.FollowUpRuns.AsNoTracking()
                              join a in store.FollowUpApprovals.AsNoTracking() on r.Id equals a.RunId
                              where ids.Contains(r.InvestmentId)
                              select new { r.Id, r.InvestmentId, r.AsOf, r.ResultJson, a.Sequence }).ToListAsync(ct);
        var latest = approved.GroupBy(r => r.InvestmentId)
            .ToDictionary(g => g.Key, g => RunResult.FromJson(g.OrderByDescending(r => r.Sequence).First().ResultJson));
        var asOf = approved.ToDictionary(r => r.Id, r => r.AsOf);
        var payments = (await store.PaymentObligations.AsNoTracking().Where(o => ids.Contains(o.InvestmentId)).ToListAsync(ct))
            .Where(o => asOf.ContainsKey(o.RunId)).ToLookup(o => o.InvestmentId,
                o => new IndigoPayment(o.Payer, o.Amount, asOf[o.RunId], o.DueOn, o.PaidOn));
        var links = PeerLinks.Aarhus().Where(l => l.Fund == fundKey).ToLookup(l => l.Investment, l => l.IndigoId);
        return [.. investments.Select(i => new IndigoInvestmentFacts(published[i.Id], i, models.GetValueOrDefault(i.Id),
            latest.GetValueOrDefault(i.Id), [.. payments[i.Id]], [.. links[i.Key]]))];
    }
}
