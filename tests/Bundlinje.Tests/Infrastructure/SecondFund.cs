using Bundlinje.Agreements;
using Bundlinje.Data;
using Bundlinje.FollowUps;
using Bundlinje.Fund;
using Bundlinje.Investments;
using Bundlinje.Organisations;
using Bundlinje.Proposals;
using Bundlinje.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Infrastructure;

/// <summary>A second fund beside the demo's `aarhus`, with its own secretariat and one of everything a handler can take
/// an id of: investment, party, payment model, runs (one unapproved, one approved with an unpaid obligation), a ledger
/// posting, phase, maturity assessment, approval, proposal, assessment request, call and a department of its own.
/// Rows are inserted directly; the markers (<see cref="Markers"/>) never appear in fund A's pages.</summary>
public sealed record SecondFund(
    int FundId, int InvestmentId, int OrganisationId, int PartyId, int RunId, int ApprovedRunId, int ObligationId,
    int PostingId, int RequestId, int CallId, int PhaseId, int ApprovalId, int MaturityId, Guid JobId, int AttachmentId, int MeasureId)
{
    public const string Key = "fund-b";
    public const string Investment = "kystprojektet";
    public const string Organisation = "kystforvaltningen";
    public const string Reference = "B-2026-001";
    public const string Secretariat = "sekretariat@fund-b.test";
    public const string Council = "raad@fund-b.test";
    /// <summary>Text only fund B's rows carry (its department's name is not one: organisations are shared master data).</summary>
    public static readonly string[] Markers = ["Kystprojektet", "Kystpostering", "Kystforslaget", "Kystkaldet"];

    public const string ModelJson = """
        { "format": "bundlinje-payment-model/1", "model": { "investment": "kystprojektet", "agreementVersion": 1, "metrics": [
          { "key": "overforsel", "name": "Overførselsindkomst", "kind": "treatmentVsControl", "measure": "transfer-income",
            "payers": [ { "payer": "Kystforvaltningen", "share": 1 } ],
            "fromMonth": 0, "toMonth": 12, "share": 0.5 } ] } }
        """;

    public static async Task<SecondFund> CreateAsync(BundlinjeFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<BundlinjeDb>();
        var accounts = sp.GetRequiredService<Accounts>();
        var fund = new global::Bundlinje.Fund.Fund { Key = Key, Name = "Fond B" };
        var organisation = new Organisation { Key = Organisation, Name = "Kystforvaltningen", Kind = OrganisationKind.Department };
        db.AddRange(fund, organisation);
        await db.SaveChangesAsync();
        await accounts.AddAsync(Secretariat, Roles.Secretariat, [Key], DemoData.Password, "Sekretariat B");
        await accounts.AddAsync(Council, Roles.CouncilMember, [Key], DemoData.Password, "Råd B");

        var investment = new Investment { Key = Investment, Name = "Kystprojektet", FundId = fund.Id };
        var party = new Party { Organisation = organisation, Role = PartyRole.Authority };
        investment.Parties.Add(party);
        // An investor and a deficit guarantor, so a final settlement of fund B has a guarantee payment to post (4.000 kr.).
        investment.Parties.Add(new Party { Organisation = organisation, Role = PartyRole.Investor, Capital = 10_000m });
        investment.Parties.Add(new Party { Organisation = organisation, Role = PartyRole.DeficitGuarantor, Guarantee = 4_000m });
        db.Investments.Add(investment);
        await db.SaveChangesAsync();
        await global::Bundlinje.Payments.PaymentModelFile.StoreAsync(db, ModelJson, Investment);
        var model = await db.PaymentModels.SingleAsync(m => m.InvestmentId == investment.Id);

        // The unapproved run is computed against the approved one (cumulative settlement), so it can be approved after it.
        static string Result(params int[] settledAgainst) => new RunResult(Investment, new(2024, 1, 31), 1, [], 1_000m, 1_000m, 0m, 1_000m,
            [new global::Bundlinje.Payments.PayerPayment("Kystforvaltningen", 1_000m)], [], [], SettledAgainst: settledAgainst).ToJson();
        FollowUpRun Run(string result) => new()
        {
            InvestmentId = investment.Id, AsOf = new(2024, 1, 31), PaymentModelId = model.Id, ModelHash = model.Hash,
            ParticipantsHash = new string('b', 64),
            RegisterFingerprint = new string('c', 64), ResultJson = result, ResultHash = new string('d', 64), Payable = 1_000m,
            RunBy = "test", RunAt = DateTimeOffset.UtcNow,
        };
        var approved = Run(Result());
        db.FollowUpRuns.Add(approved);
        await db.SaveChangesAsync();
        var run = Run(Result(approved.Id));
        db.FollowUpRuns.Add(run);
        await db.SaveChangesAsync();
        db.FollowUpApprovals.Add(
            new FollowUpApproval
            {
                InvestmentId = investment.Id, RunId = approved.Id, Sequence = 1, DecisionReference = "B-1",
                ApprovedBy = "test", ApprovedAt = DateTimeOffset.UtcNow
            });
        var obligation = new PaymentObligation
        {
            InvestmentId = investment.Id, RunId = approved.Id, Payer = "Kystforvaltningen",
            Amount = 1_000m, DueOn = new(2026, 12, 31)
        };
        db.PaymentObligations.Add(obligation);
        var posting = new LedgerPosting
        {
            FundId = fund.Id, Pot = LedgerPot.InvestmentFund, FiscalYear = 2026, EntryDate = new(2026, 1, 10),
            Kind = LedgerKind.Disbursement,
            Basis = LedgerBasis.Actual, Amount = 250_000m, InvestmentId = investment.Id, Text = "Kystpostering", PostedBy = "test",
            PostedAt = DateTimeOffset.UtcNow,
        };
        db.LedgerPostings.Add(posting);
        var phase = new PhaseChange
        {
            InvestmentId = investment.Id, Phase = DevelopmentPhase.Idea, StartedOn = new(2026, 1, 5),
            Owner = "Sekretariat B", RecordedBy = "test"
        };
        var maturity = new MaturityAssessment
        {
            InvestmentId = investment.Id, AssessedOn = new(2026, 1, 6), Organisation = MaturityLevel.Mature, Content = MaturityLevel.Mature,
            Anchoring = MaturityLevel.Mature, FollowUp = MaturityLevel.Mature, RecordedBy = "test",
        };
        var approval = new Approval
        {
            InvestmentId = investment.Id, Kind = ApprovalKind.CouncilDecision, ApprovedBy = "Råd B", ApprovedOn = new(2026, 1, 7),
            DocumentReference = "B-råd-1", RecordedBy = "test",
        };
        db.AddRange(phase, maturity, approval);
        var call = new Call
        {
            FundId = fund.Id, Key = "kystkaldet", Title = "Kystkaldet", OpensOn = new(2026, 1, 1),
            ClosesOn = new(2026, 12, 31)
        };
        db.Calls.Add(call);
        await db.SaveChangesAsync();
        var proposal = new Proposal
        {
            FundId = fund.Id, Reference = Reference, Title = "Kystforslaget", ProposerType = ProposerType.Citizen,
            Contact = "borger@example.dk",
            ReceivedOn = new(2026, 1, 8), CallId = call.Id,
            Events = [new ProposalEvent { Step = ProposalStep.Received, On = new(2026, 1, 8), By = "test" },
                      new ProposalEvent { Step = ProposalStep.SentForAssessment, On = new(2026, 1, 9), By = "test" }],
        };
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync();
        var request = new AssessmentRequest
        {
            ProposalId = proposal.Id, OrganisationId = organisation.Id, RequestedOn = new(2026, 1, 9),
            DueOn = new(2026, 3, 1), RequestedBy = "test"
        };
        db.AssessmentRequests.Add(request);
        var attachment = new ProposalAttachment
        {
            ProposalId = proposal.Id, FileName = "kystbilag.pdf", ContentType = "application/pdf", Size = 4, Sha256 = "test",
            Content = "%PDF"u8.ToArray(),
        };
        db.ProposalAttachments.Add(attachment);
        await db.SaveChangesAsync();

        var job = await sp.GetRequiredService<JobQueue>().EnqueueFollowUpRunAsync(investment, new(2024, 1, 31), "test", default);
        // The app's worker runs it; the tests compare the database before and after their attacks, so wait until it is done.
        for (var i = 0; i < 600 && !factory.With(d => d.Jobs.Single(j => j.Id == job.Id).Finished); i++) await Task.Delay(100);
        return new(fund.Id, investment.Id, organisation.Id, party.Id, run.Id, approved.Id, obligation.Id, posting.Id, request.Id, call.Id,
            phase.Id, approval.Id, maturity.Id, job.Id, attachment.Id,
            // Fund B got the seed measure catalogue when it was created; one of its measures is the target of the catalogue attacks.
            await db.Measures.Where(m => m.FundId == fund.Id && m.Code == "reconvictions").Select(m => m.Id).SingleAsync());
    }

    /// <summary>The job started for fund B's investment: whether anyone asked to cancel it.</summary>
    public bool JobCancelled(BundlinjeFactory factory) => factory.With(db => db.Jobs.Single(j => j.Id == JobId).CancelRequested);
}
