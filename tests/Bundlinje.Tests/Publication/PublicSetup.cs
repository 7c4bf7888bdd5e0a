using Bundlinje.FollowUps;
using Bundlinje.Investments;
using Bundlinje.Payments;
using Bundlinje.Publication;
using Bundlinje.Tests.Infrastructure;
using Bundlinje.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Publication;

/// <summary>Set-ups of the public pages' tests (not their subject): a new investment of a fund with chosen field groups
/// approved public through <see cref="Publications"/>, and an approved run with chosen results inserted directly.</summary>
public static class PublicSetup
{
    public const string Drafter = "sekretariat@demo.bundlinje.dk", Approver = "sekretariat2@demo.bundlinje.dk";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Runs <paramref name="use"/> in its own scope as <paramref name="user"/>.</summary>
    public static async Task<T> As<T>(BundlinjeFactory factory, string user, Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobActor>().Name = user;
        return await use(scope.ServiceProvider);
    }

    public static Task<PublicFund?> FundAsync(BundlinjeFactory factory, string fund) =>
        As(factory, Drafter, s => s.GetRequiredService<PublicFunds>().FundAsync(fund, Ct));

    public static Task<PublicInvestment?> InvestmentAsync(BundlinjeFactory factory, string fund, string key, string language = "da") =>
        As(factory, Drafter, s => s.GetRequiredService<PublicFunds>().InvestmentAsync(fund, key, language, Ct));

    /// <summary>A new fund (key "pf-…") with no publication record, inserted directly.</summary>
    public static Task<Bundlinje.Fund.Fund> NewFundAsync(BundlinjeFactory factory) => factory.WithAsync(async db =>
    {
        var key = "pf-" + Guid.NewGuid().ToString("N")[..8];
        var fund = new Bundlinje.Fund.Fund { Key = key, Name = "Prøvefond " + key };
        db.Funds.Add(fund);
        await db.SaveChangesAsync(Ct);
        return fund;
    });

    /// <summary>A new investment of the fund (key "pub-…"), inserted directly.</summary>
    public static Task<Investment> NewInvestmentAsync(BundlinjeFactory factory, int fundId) => factory.WithAsync(async db =>
    {
        var key = "pub-" + Guid.NewGuid().ToString("N")[..8];
        var investment = new Investment { Key = key, Name = "Offentlighedsprøve " + key, FundId = fundId, TargetGroup = "Unge" };
        db.Investments.Add(investment);
        await db.SaveChangesAsync(Ct);
        return investment;
    });

    public static Task<int> FundIdAsync(BundlinjeFactory factory, string key) =>
        factory.WithAsync(db => db.Funds.Where(f => f.Key == key).Select(f => f.Id).SingleAsync(Ct));

    /// <summary>Drafts the field group public (or private) as <see cref="Drafter"/> (or takes the pending draft that says so) and (unless
    /// <paramref name="approve"/> is false) approves
    /// it as <see cref="Approver"/>, through <see cref="Publications"/>.</summary>
    public static async Task PublishAsync(BundlinjeFactory factory, Investment investment, PublicationField field, bool approve = true,
        bool isPublic = true)
    {
        var revision = await As(factory, Drafter, async s =>
        {
            var publications = s.GetRequiredService<Publications>();
            var state = (await publications.OfAsync(investment, Ct)).Fields.Single(f => f.Field == field);
            if (state.Pending?.Revision is { } pending && pending.IsPublic == isPublic) return pending.Revision; // approve that draft
            var latest = state.History.FirstOrDefault()?.Revision.Revision ?? 0;
            return (await publications.DraftAsync(investment, field, isPublic, latest, null, Ct)).Revision;
        });
        if (approve)
            await As(factory, Approver, s => s.GetRequiredService<Publications>().ApproveAsync(investment, field, revision, Ct));
    }

    /// <summary>An approved run of the investment as of <paramref name="asOf"/> with one metric line per (cohort, eligible,
    /// achieved), an obligation of its payable for "SFB", and (for the run's foreign key) a copy of a demo payment model.</summary>
    public static Task<FollowUpRun> ApprovedRunAsync(BundlinjeFactory factory, Investment investment, DateOnly asOf, decimal payable,
        params (string Cohort, int Eligible, int Achieved)[] lines) => factory.WithAsync(async db =>
    {
        var demo = await db.PaymentModels.AsNoTracking().OrderBy(m => m.Id).FirstAsync(Ct);
        var model = new StoredPaymentModel { InvestmentId = investment.Id, AgreementVersion = 1, Json = demo.Json, Hash = demo.Hash };
        db.PaymentModels.Add(model);
        await db.SaveChangesAsync(Ct);
        var metrics = lines.Select(l => new RunMetric("beskaeftiget", "I beskæftigelse", l.Cohort, l.Eligible, l.Achieved, l.Achieved,
            0m, 1000m, l.Achieved * 1000m, l.Achieved * 1000m, "prøve")).ToList();
        var result = new RunResult(investment.Key, asOf, 1, metrics, payable, payable, 0m, payable, [new PayerPayment("SFB", payable)],
            [], []);
        var run = new FollowUpRun
        {
            InvestmentId = investment.Id, AsOf = asOf, PaymentModelId = model.Id, ModelHash = demo.Hash, ParticipantsHash = "p",
            RegisterFingerprint = "r", ResultJson = result.ToJson(), ResultHash = Guid.NewGuid().ToString("N"), Payable = payable,
            RunBy = Drafter, RunAt = DateTimeOffset.UnixEpoch,
        };
        db.FollowUpRuns.Add(run);
        await db.SaveChangesAsync(Ct);
        var sequence = await db.FollowUpApprovals.CountAsync(a => a.InvestmentId == investment.Id, Ct) + 1;
        db.FollowUpApprovals.Add(new FollowUpApproval
        {
            InvestmentId = investment.Id, RunId = run.Id, Sequence = sequence, DecisionReference = "Prøve", ApprovedBy = Approver,
            ApprovedAt = new DateTimeOffset(asOf.AddDays(14), TimeOnly.MinValue, TimeSpan.Zero),
        });
        db.PaymentObligations.Add(new PaymentObligation { InvestmentId = investment.Id, RunId = run.Id, Payer = "SFB", Amount = payable });
        await db.SaveChangesAsync(Ct);
        return run;
    });
}
