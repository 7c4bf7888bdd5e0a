using Bundlinje.FollowUps;
using Bundlinje.Investments;
using Bundlinje.Payments;
using Bundlinje.Publication;

namespace Bundlinje.Peers.Export;

/// <summary>What the INDIGO export of one fund is made from: the fund, its published investments (with what each has
/// approved public) and the day it is exported (which decides "Contracted" or "Implementation").</summary>
public sealed record IndigoFacts(string FundKey, string FundName, string Currency, DateOnly Today,
    IReadOnlyList<IndigoInvestmentFacts> Projects);

/// <summary>One published investment: the investment with its parties (and their organisations), sub-projects and
/// enrolment; its current payment model; the result of its latest approved follow-up run; its result payments (the
/// obligations approved runs created); and the INDIGO projects that are this investment (the reviewed link file).</summary>
public sealed record IndigoInvestmentFacts(PublishedInvestment Published, Investment Investment, PaymentModel? Model,
    RunResult? LatestApprovedRun, IReadOnlyList<IndigoPayment> Payments, IReadOnlyList<string> IndigoIds);

/// <summary>A result payment: what a payer owes after the approved run as of <see cref="RunAsOf"/>, and when it was paid
/// (null: not yet).</summary>
public sealed record IndigoPayment(string Payer, decimal Amount, DateOnly RunAsOf, DateOnly? DueOn, DateOnly? PaidOn);
