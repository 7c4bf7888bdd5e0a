using Bundlinje.Common;
using Bundlinje.Investments;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Publication;

/// <summary>Publish by field: the secretariat drafts a field group of an investment public or private (a new
/// <see cref="PublicationRevision"/>), another person approves the draft (<see cref="PublicationApproval"/>), and only the
/// approved state counts. Nothing is public until approved. <see cref="PublishedAsync"/> is what the public pages read.</summary>
public sealed class Publications(IBundlinjeStore store, ICurrentUser user, TimeProvider clock)
{
    /// <summary>Every investment of the fund (or the one with <paramref name="investmentKey"/>) with each field group's
    /// approved state, pending draft and history.</summary>
    public async Task<IReadOnlyList<InvestmentPublication>> StatusAsync(int fundId, string? investmentKey = null,
        CancellationToken ct = default)
    {
        var investments = await store.Investments.AsNoTracking()
            .Where(i => i.FundId == fundId && (investmentKey == null || i.Key == investmentKey))
            .OrderBy(i => i.Key).Select(i => new { i.Id, i.Key, i.Name }).ToListAsync(ct);
        var revisions = await store.PublicationRevisions.AsNoTracking().Where(r => r.FundId == fundId).ToListAsync(ct);
        var approvals = (await store.PublicationApprovals.AsNoTracking().Where(a => a.FundId == fundId).ToListAsync(ct))
            .ToDictionary(a => a.RevisionId);
        var byInvestment = revisions.ToLookup(r => (r.InvestmentId, r.Field));
        return investments.Select(i => new InvestmentPublication(i.Id, i.Key, i.Name, Enum.GetValues<PublicationField>()
            .Select(f => Field(f, byInvestment[(i.Id, f)], approvals)).ToList())).ToList();
    }

    /// <summary>One investment's publication state.</summary>
    public async Task<InvestmentPublication> OfAsync(Investment investment, CancellationToken ct = default) =>
        (await StatusAsync(investment.FundId, investment.Key, ct)).Single();

    /// <summary>Per investment of the fund, the field groups whose approved state is public. An investment is listed only
    /// when its name and purpose are approved public (otherwise the public may not even see that it exists). Participant
    /// data is never in it: there is no field group for it.</summary>
    public async Task<IReadOnlyList<PublishedInvestment>> PublishedAsync(int fundId, CancellationToken ct = default) =>
        (await StatusAsync(fundId, null, ct))
            .Select(i => new PublishedInvestment(i.InvestmentId, i.Key, i.Name, i.Public.ToHashSet()))
            .Where(p => p.Shows(PublicationField.NameAndPurpose)).ToList();

    /// <summary>Drafts the field group public or private as the next revision. <paramref name="basedOn"/> is the revision
    /// the drafter saw (0 when there was none): a draft based on an older revision is refused, two drafts at once are
    /// decided by the unique index (one is told). A draft equal to the latest revision is refused as unchanged.</summary>
    public async Task<PublicationRevision> DraftAsync(Investment investment, PublicationField field, bool isPublic, int basedOn,
        string? note = null, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(field)) throw Refused.At("Field", "publication.unknownField");
        var latest = await Revisions(investment, field).OrderByDescending(r => r.Revision).FirstOrDefaultAsync(ct);
        if ((latest?.Revision ?? 0) != basedOn) throw new Refused("publication.changed", latest?.Revision ?? 0);
        if (latest is null ? !isPublic : latest.IsPublic == isPublic) throw new Refused("publication.unchanged");
        var revision = new PublicationRevision
        {
            FundId = investment.FundId, InvestmentId = investment.Id, Field = field, Revision = basedOn + 1, IsPublic = isPublic,
            DraftedBy = user.Name, DraftedAt = clock.GetUtcNow(), Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        store.PublicationRevisions.Add(revision);
        await SaveAsync("publication.draftedConcurrently", ct);
        return revision;
    }

    /// <summary>Approves revision <paramref name="revision"/> of the field group for publication: only the latest revision,
    /// never by its drafter, and once (the unique index on the revision decides two approvals at once: one is told).</summary>
    public async Task<PublicationApproval> ApproveAsync(Investment investment, PublicationField field, int revision,
        CancellationToken ct = default)
    {
        var draft = await Revisions(investment, field).FirstOrDefaultAsync(r => r.Revision == revision, ct)
            ?? throw new Refused("publication.noSuchRevision", revision);
        var latest = await Revisions(investment, field).MaxAsync(r => r.Revision, ct);
        if (latest != revision) throw new Refused("publication.notLatest", revision, latest);
        if (string.Equals(draft.DraftedBy, user.Name, StringComparison.OrdinalIgnoreCase))
            throw new Refused("publication.ownDraft");
        var approval = new PublicationApproval
        {
            RevisionId = draft.Id, FundId = investment.FundId, ApprovedBy = user.Name, ApprovedAt = clock.GetUtcNow(),
        };
        store.PublicationApprovals.Add(approval);
        await SaveAsync("publication.alreadyApproved", ct);
        return approval;
    }

    /// <summary>The demo: the field groups Aarhus' annual reports already publish, approved public for every investment
    /// of the fund when the fund has no publication record yet (once), drafted by <paramref name="drafter"/> and approved by
    /// <paramref name="approver"/>, each noted as demo. Returns how many investments it published.</summary>
    public async Task<int> LoadDemoAsync(int fundId, string drafter, string approver, CancellationToken ct = default)
    {
        // Once per fund: an investment added later starts with nothing public, like any new investment.
        if (await store.PublicationRevisions.AnyAsync(r => r.FundId == fundId, ct)) return 0;
        var investments = await store.Investments.AsNoTracking().Where(i => i.FundId == fundId)
            .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);
        if (investments.Count == 0) return 0;
        var now = clock.GetUtcNow();
        var revisions = investments.SelectMany(id => AnnualReportFields.Select(f => new PublicationRevision
        {
            FundId = fundId, InvestmentId = id, Field = f, Revision = 1, IsPublic = true, DraftedBy = drafter, DraftedAt = now,
            Note = DemoNote,
        })).ToList();
        await using var tx = await store.Database.BeginTransactionAsync(ct);
        store.PublicationRevisions.AddRange(revisions);
        await store.SaveChangesAsync(ct);
        store.PublicationApprovals.AddRange(revisions.Select(r => new PublicationApproval
        {
            RevisionId = r.Id, FundId = fundId, ApprovedBy = approver, ApprovedAt = now,
        }));
        await store.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return investments.Count;
    }

    public const string DemoNote = "Demo: offentliggøres allerede i Aarhus' årsrapporter";

    /// <summary>The field groups the Aarhus annual reports publish per investment (all but the documents).</summary>
    public static readonly IReadOnlyList<PublicationField> AnnualReportFields =
    [
        PublicationField.NameAndPurpose, PublicationField.TargetGroup, PublicationField.Parties, PublicationField.Capital,
        PublicationField.PaymentModel, PublicationField.Enrolment, PublicationField.Results, PublicationField.Payments,
    ];

    private IQueryable<PublicationRevision> Revisions(Investment investment, PublicationField field) =>
        store.PublicationRevisions.AsNoTracking().Where(r => r.InvestmentId == investment.Id && r.Field == field);

    private static FieldPublication Field(PublicationField field, IEnumerable<PublicationRevision> revisions,
        Dictionary<int, PublicationApproval> approvals)
    {
        var history = revisions.OrderByDescending(r => r.Revision)
            .Select(r => new PublicationStep(r, approvals.GetValueOrDefault(r.Id))).ToList();
        var approved = history.FirstOrDefault(s => s.Approval is not null);
        var pending = history.FirstOrDefault() is { Approval: null } newest ? newest : null;
        return new(field, approved, pending, history);
    }

    private Task SaveAsync(string conflict, CancellationToken ct) => store.SaveOnceAsync(Refusal.Of(conflict), ct);
}
