using System.Net;
using System.Reflection;
using Bundlinje.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bundlinje.Tests.Web;

/// <summary>
/// The authorization matrix across funds: a second fund (<see cref="SecondFund"/>) beside the demo's `aarhus` (fund A).
/// Fund A's secretariat and council post fund B's ids to every POST handler of the app — through fund A's own routes and
/// through fund B's — and read fund B's objects; each is refused (403/404) and nothing changes. A new POST handler
/// fails <see cref="Every_post_handler_is_listed_with_the_ids_it_accepts"/> until it is listed in <see cref="Posts"/>.
/// </summary>
public abstract class CrossFundAuthorizationTests : IAsyncLifetime
{
    protected BundlinjeFactory Factory { get; private set; } = null!;
    private SecondFund b = null!;
    private BusinessCases.SecondFundCases bc = null!;
    private int bCase;
    private int bReport;
    private readonly Dictionary<string, HttpClient> clients = [];
    private const string A = "aarhus", AInvestment = "dialog-mod-vold";
    private static readonly string[] Attackers = ["sekretariat@demo.bundlinje.dk", "raad@demo.bundlinje.dk"];

    protected abstract Task<BundlinjeFactory?> CreateFactoryAsync();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Factory = (await CreateFactoryAsync())!;
        if (Factory is null) return;
        _ = Factory.Services;
        b = await SecondFund.CreateAsync(Factory);
        bc = await BusinessCases.SecondFundCases.CreateAsync(Factory, b);
        bCase = Factory.With(db => AddBusinessCase(db, b.InvestmentId));
        bReport = Factory.With(db => AddReport(db, b.FundId));
        foreach (var email in Attackers.Append(SecondFund.Secretariat)) clients[email] = await Login.AsAsync(Factory, email);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values) client.Dispose();
        if (Factory is not null) await Factory.DisposeAsync();
    }

    /// <summary>A business case of fund B's investment (with expected payments in the coming years), stored as a row: revision 2,
    /// after the one SecondFundCases stores for the case pages.</summary>
    private static int AddBusinessCase(Data.BundlinjeDb db, int investmentId)
    {
        var holder = new Bundlinje.BusinessCases.BudgetHolder("kyst", "Kystforvaltningen", true,
            Bundlinje.BusinessCases.PublicLevel.Municipality,
            Bundlinje.BusinessCases.CeilingType.Service, true);
        var c = new Bundlinje.BusinessCases.BusinessCase(SecondFund.Investment, 1, null, "Kystprojektet", 2026, 10, 2026, null,
            [new(2026, 10), new(2027, 10)], [new(2026, 100_000m, "Fond B")], [holder],
            [new("job", "Job", 0.5m, 1, 3, 0.5m, [new("Ydelse", "uge", -10, "kyst", 1_000m)])], ["test"]);
        var stored = new Bundlinje.BusinessCases.StoredBusinessCase
        {
            InvestmentId = investmentId, AgreementVersion = 1, Revision = 2, Json = Bundlinje.BusinessCases.BusinessCaseFile.Write(c),
            Hash = Bundlinje.BusinessCases.BusinessCaseFile.Hash(c), SavedBy = "test", SavedAt = DateTimeOffset.UnixEpoch,
        };
        db.BusinessCases.Add(stored);
        db.SaveChanges();
        return stored.Id;
    }

    /// <summary>An issued fact sheet of fund B's investment and one of its texts, stored as rows.</summary>
    private static int AddReport(Data.BundlinjeDb db, int fundId)
    {
        var report = new Bundlinje.Reports.ReportRecord
        {
            FundId = fundId, Kind = Bundlinje.Reports.ReportKind.FactSheet, Subject = SecondFund.Investment, Period = "2024-2",
            AsOf = new(2024, 12, 31), Format = Bundlinje.Reports.ReportFormat.Docx, Number = 1, Language = "da",
            FileName = "faktaark-kystprojektet-2024-2-1.docx", Content = [1, 2, 3], InputsSha256 = new string('0', 64),
            OutputSha256 = new string('1', 64), GeneratedBy = "test", GeneratedAt = DateTimeOffset.UnixEpoch,
        };
        db.Reports.Add(report);
        db.ReportNarratives.Add(new()
        {
            FundId = fundId, Scope = $"factsheet/{SecondFund.Investment}/2024-2", Key = "status", Revision = 1, Text = "Kystteksten",
            WrittenBy = "test", WrittenAt = DateTimeOffset.UnixEpoch,
        });
        // A draft of fund B's publication awaiting approval, for the approve handler to be attacked with.
        db.PublicationRevisions.Add(new()
        {
            FundId = fundId, InvestmentId = db.Investments.Single(i => i.Key == SecondFund.Investment).Id,
            Field = Bundlinje.Publication.PublicationField.Results, Revision = 1, IsPublic = true, DraftedBy = "test",
            DraftedAt = DateTimeOffset.UnixEpoch,
        });
        db.SaveChanges();
        return report.Id;
    }

    /// <summary>One forged request: a URL and the form it posts (optionally with a file).</summary>
    protected sealed record Attack(string Url, Dictionary<string, string> Form, (string Field, string Name, string Content)? File = null);

    /// <summary>A POST handler: the attacks with fund B's ids, or why it takes no id of a fund.</summary>
    protected sealed record Listed(string? NoFundId, params Attack[] Attacks);

    private static Listed Public(string why) => new(why);
    private static Dictionary<string, string> F(params (string Key, object Value)[] fields) =>
        fields.ToDictionary(f => f.Key, f => f.Value.ToString()!);

    private Dictionary<(string Route, string? Handler), Listed> Posts()
    {
        var (bi, bf) = (SecondFund.Investment, SecondFund.Key);
        var versions = Factory.With(db => (
            Party: db.Parties.Single(p => p.Id == b.PartyId).Version, Fund: db.Funds.Single(f => f.Id == b.FundId).Version,
            Organisation: db.Organisations.Single(o => o.Id == b.OrganisationId).Version,
                Investment: db.Investments.Single(i => i.Id == b.InvestmentId).Version));
        var party = F(("OrganisationKey", SecondFund.Organisation), ("Role", "Authority"), ("Note", "Overtaget"),
            ("Version", versions.Party));
        var participants = ("Upload", "deltagere.csv", "cpr,cohort,group,enrolled\n0101951234,2023,treatment,2023-01-01\n");
        var register = ("Upload", "udtraek.csv",
            "cpr,measure,from,to,value,unit\n0101951234,transfer-income,2023-01-01,2023-01-28,1,kr.\n");
        var approve = F(("RunId", b.RunId), ("Decision", "Overtaget"));
        var editor = F(("Form.AgreementVersion", 1), ("Form.Metrics[0].Key", "overtaget"), ("Form.Metrics[0].Name", "Overtaget"),
            ("Form.Metrics[0].Kind", "Milestone"), ("Form.Metrics[0].Measure", "employed"), ("Form.Metrics[0].ToMonth", 12),
            ("Form.Metrics[0].Price", 1000), ("Form.Metrics[0].Payers[0].Payer", "Overtaget"), ("Form.Metrics[0].Payers[0].Share", 1));
        var pay = F(("ObligationId", b.ObligationId), ("PaidOn", "2026-01-15"));
        var reverse = F(("PostingId", b.PostingId), ("Reason", "Overtaget"));
        var triage = F(("Step", "DirectRejection"), ("Note", "Overtaget"));
        var measure = F(("MeasureId", b.MeasureId), ("Version", 0), ("Input.Code", "overtaget"), ("Input.NameDa", "Overtaget"),
            ("Input.NameEn", "Taken"),
            ("Input.Unit", "Events"), ("Input.ValueType", "Integer"), ("Input.Decimals", 0), ("Input.Source", "Register"));
        var unitPrice = F(("PriceId", bc.UnitPriceId), ("Version", 0), ("Input.Code", "overtaget"), ("Input.Service", "Overtaget"),
            ("Input.Unit", "døgn"), ("Input.Price", "1"), ("Input.PriceYear", 2024), ("Input.Source", "Overtaget"),
            ("Input.Level", "Municipality"));
        var businessCase = F(("CaseJson", global::Bundlinje.BusinessCases.BusinessCaseFile.Write(
            BusinessCases.SecondFundCases.Case with { Title = "Overtaget" })));
        return new()
        {
            [("Account/Login", null)] = Public("signs in; takes no id of a fund"),
            [("Account/Login", "SingleSignOn")] = Public("starts single sign-on; takes no id of a fund"),
            [("Account/Logout", null)] = Public("signs out; takes no id of a fund"),
            [("Language", null)] = Public("sets the UI language; takes no id of a fund"),
            [("Proposals/New/{fund?}", null)] = Public("the public proposal form: anyone may propose to any fund"),
            [("Assessments/{id:int}", null)] = new(null,
                new Attack($"/Assessments/{b.RequestId}",
                    F(("Relevance", "Overtaget"), ("EconomicConsequences", "Overtaget"), ("Recommendation", "Reject")))),
            [("Investments/Create", null)] = new(null,
                new Attack("/Investments/Create",
                    F(("FundKey", bf), ("NewKey", "overtaget"), ("Input.Name", "Overtaget"), ("Input.Status", "InDevelopment")))),
            [("Investments/{key}/Edit", null)] = new(null,
                new Attack($"/Investments/{bi}/Edit",
                    F(("Input.Name", "Overtaget"), ("Input.Status", "InDevelopment"), ("Input.Version", versions.Investment)))),
            [("Investments/{key}/Revise", null)] = new(null,
                new Attack($"/Investments/{bi}/Revise",
                    F(("EffectiveOn", "2026-02-01"), ("Reason", "Overtaget"), ("PlannedParticipants", 99),
                        ("Version", versions.Investment)))),
            [("Investments/{key}/Parties/Add", null)] = new(null,
                new Attack($"/Investments/{bi}/Parties/Add", F(("OrganisationKey", "sfb"), ("Role", "Partner")))),
            [("Investments/{key}/Parties/{id:int}/Edit", null)] = new(null,
                new Attack($"/Investments/{AInvestment}/Parties/{b.PartyId}/Edit", party),
                    new Attack($"/Investments/{bi}/Parties/{b.PartyId}/Edit", party)),
            [("Investments/{key}/Parties/{id:int}/Edit", "Remove")] = new(null,
                new Attack($"/Investments/{AInvestment}/Parties/{b.PartyId}/Edit?handler=Remove", party),
                new Attack($"/Investments/{bi}/Parties/{b.PartyId}/Edit?handler=Remove", party)),
            [("Investments/{key}/Development", "Phase")] = new(null,
                new Attack($"/Investments/{bi}/Development?handler=Phase",
                    F(("Phase.Phase", "BusinessCase"), ("Phase.StartedOn", "2026-02-01"), ("Phase.Owner", "Overtaget")))),
            [("Investments/{key}/Development", "Maturity")] = new(null,
                new Attack($"/Investments/{bi}/Development?handler=Maturity",
                    F(("Maturity.AssessedOn", "2026-02-01"), ("Maturity.Organisation", "Mature"),
                    ("Maturity.Content", "Mature"), ("Maturity.Anchoring", "Mature"), ("Maturity.FollowUp", "Mature")))),
            [("Investments/{key}/Development", "Approval")] = new(null,
                new Attack($"/Investments/{bi}/Development?handler=Approval",
                    F(("Approval.Kind", "Councillor"), ("Approval.DepartmentKey", SecondFund.Organisation),
                    ("Approval.ApprovedBy", "Overtaget"), ("Approval.ApprovedOn", "2026-02-01"), ("Approval.DocumentReference", "X-1")))),
            [("Investments/{key}/FollowUp/Participants/Import", null)] = new(null,
                new Attack($"/Investments/{bi}/FollowUp/Participants/Import", new(), participants)),
            [("Investments/{key}/FollowUp/Register", null)] = new(null,
                new Attack($"/Investments/{bi}/FollowUp/Register", new(), register)),
            [("Investments/{key}/FollowUp/Model", null)] = new(null,
                new Attack($"/Investments/{bi}/FollowUp/Model", F(("ModelJson", SecondFund.ModelJson)))),
            [("Investments/{key}/FollowUp/Model", "SaveForm")] = new(null,
                new Attack($"/Investments/{bi}/FollowUp/Model?handler=SaveForm", editor)),
            [("Investments/{key}/FollowUp/Model", "AddMetric")] = new(null,
                new Attack($"/Investments/{bi}/FollowUp/Model?handler=AddMetric", editor)),
            [("Investments/{key}/FollowUp/Model", "RemoveMetric")] = new(null,
                new Attack($"/Investments/{bi}/FollowUp/Model?handler=RemoveMetric", F(("Remove", 0)))),
            [("Investments/{key}/FollowUp/Model", "Preview")] = new(null,
                new Attack($"/Investments/{bi}/FollowUp/Model?handler=Preview", editor)),
            [("Investments/{key}/FollowUp/Runs", "Start")] = new(null,
                new Attack($"/Investments/{bi}/FollowUp/Runs?handler=Start", F(("AsOf", "2024-01-31")))),
            [("Investments/{key}/FollowUp/Runs", "Approve")] = new(null,
                new Attack($"/Investments/{AInvestment}/FollowUp/Runs?handler=Approve", approve),
                new Attack($"/Investments/{bi}/FollowUp/Runs?handler=Approve", approve)),
            [("Investments/{key}/FollowUp/Runs", "Pay")] = new(null,
                new Attack($"/Investments/{AInvestment}/FollowUp/Runs?handler=Pay", pay),
                    new Attack($"/Investments/{bi}/FollowUp/Runs?handler=Pay", pay)),
            [("Investments/{key}/FollowUp/Settlement", null)] = new(null,
                new Attack($"/Investments/{bi}/FollowUp/Settlement", F(("AsOf", "2026-01-15")))),
            [("Investments/{key}/FollowUp/Jobs/{id:guid}", "Cancel")] = new(null,
                new Attack($"/Investments/{AInvestment}/FollowUp/Jobs/{b.JobId}?handler=Cancel", new()),
                    new Attack($"/Investments/{bi}/FollowUp/Jobs/{b.JobId}?handler=Cancel", new())),
            [("Investments/{key}/BusinessCases", null)] = new(null, new Attack($"/Investments/{bi}/BusinessCases", businessCase)),
            [("Funds/{key}/UnitPrices", null)] = new(null, new Attack($"/Funds/{bf}/UnitPrices", unitPrice)),
            [("Funds/{key}/UnitPrices", "Edit")] = new(null,
                new Attack($"/Funds/{A}/UnitPrices?handler=Edit", unitPrice),
                new Attack($"/Funds/{bf}/UnitPrices?handler=Edit", unitPrice)),
            [("Funds/{key}/UnitPrices", "Index")] = new(null,
                new Attack($"/Funds/{bf}/UnitPrices?handler=Index", F(("Index.Year", 2024), ("Index.Value", "100")))),
            [("Investments/{key}/BusinessCases/{id:int}/Budget", "Book")] = new(null,
                new Attack($"/Investments/{AInvestment}/BusinessCases/{bCase}/Budget?handler=Book", new()),
                new Attack($"/Investments/{bi}/BusinessCases/{bCase}/Budget?handler=Book", new())),
            [("Investments/{key}/BusinessCases/{id:int}/Budget", "Unbook")] = new(null,
                new Attack($"/Investments/{AInvestment}/BusinessCases/{bCase}/Budget?handler=Unbook", new()),
                new Attack($"/Investments/{bi}/BusinessCases/{bCase}/Budget?handler=Unbook", new())),
            [("Organisations/Edit/{key?}", null)] = new(null,
                new Attack($"/Organisations/Edit/{SecondFund.Organisation}",
                    F(("Name", "Overtaget"), ("Kind", "Department"), ("Version", versions.Organisation)))),
            [("Funds/Edit/{key?}", null)] = new(null,
                new Attack($"/Funds/Edit/{bf}",
                    F(("Name", "Overtaget"), ("HorizonYears", 10), ("BudgetEffectPercent", 80), ("Version", versions.Fund)))),
            [("Funds/{key}/Ledger", "Reverse")] = new(null,
                new Attack($"/Funds/{A}/Ledger?handler=Reverse", reverse), new Attack($"/Funds/{bf}/Ledger?handler=Reverse", reverse)),
            [("Funds/{key}/Ledger/Post", null)] = new(null,
                new Attack($"/Funds/{bf}/Ledger/Post",
                    F(("Line.FiscalYear", 2026), ("Line.Kind", "RunningCost"), ("Line.Basis", "Actual"), ("Line.Pot", "InvestmentFund"),
                    ("Line.Category", "Overtaget"), ("AmountText", "1.000"))),
                new Attack($"/Funds/{A}/Ledger/Post",
                    F(("Line.FiscalYear", 2026), ("Line.Kind", "Disbursement"), ("Line.Basis", "Actual"), ("Line.Pot", "InvestmentFund"),
                    ("Line.Investment", bi), ("AmountText", "1.000")))),
            [("Funds/{key}/Ledger/Close", null)] = new(null, new Attack($"/Funds/{bf}/Ledger/Close", F(("Year", 2026)))),
            [("Funds/{key}/Reconcile", null)] = new(null,
                new Attack($"/Funds/{bf}/Reconcile", F(("Tolerance", "1")), ("Published", "t.csv", "row,column,value\n"))),
            [("Funds/{key}/Economics/Publication", null)] = new(null,
                new Attack($"/Funds/{bf}/Economics/Publication", F(("DecidedOn", "2026-01-20"), ("Reference", "Overtaget")))),
            [("Funds/{key}/Reconcile", "Store")] = new(null,
                new Attack($"/Funds/{bf}/Reconcile?handler=Store", F(("Year", 2024)),
                    ("Published", "t.csv", "row,column,value\n\"I alt\",\"R 2024\",1\n"))),
            [("Funds/{key}/Calls", null)] = new(null,
                new Attack($"/Funds/{bf}/Calls",
                    F(("Input.Title", "Overtaget"), ("Input.Text", "Overtaget"), ("Input.OpensOn", "2026-02-01"),
                        ("Input.ClosesOn", "2026-03-01")))),
            [("Funds/{key}/Measures", null)] = new(null, new Attack($"/Funds/{bf}/Measures", measure)),
            [("Funds/{key}/Measures", "Edit")] = new(null,
                new Attack($"/Funds/{A}/Measures?handler=Edit", measure), new Attack($"/Funds/{bf}/Measures?handler=Edit", measure)),
            [("Funds/{key}/Measures", "Delete")] = new(null,
                new Attack($"/Funds/{A}/Measures?handler=Delete", measure), new Attack($"/Funds/{bf}/Measures?handler=Delete", measure)),
            [("Funds/{key}/Reports/Annual/{year:int}", "Issue")] = new(null,
                new Attack($"/Funds/{bf}/Reports/Annual/2024?handler=Issue", F(("Format", "docx")))),
            [("Funds/{key}/Reports/Annual/{year:int}", "CopyPrevious")] = new(null,
                new Attack($"/Funds/{bf}/Reports/Annual/2024?handler=CopyPrevious", new())),
            [("Investments/{key}/FactSheet", "Issue")] = new(null,
                new Attack($"/Investments/{bi}/FactSheet?asOf=2024-12-31&handler=Issue", F(("Format", "docx")))),
            [("Investments/{key}/Publication", "Draft")] = new(null,
                new Attack($"/Investments/{bi}/Publication?handler=Draft",
                    F(("field", "Documents"), ("isPublic", "true"), ("basedOn", 0)))),
            [("Investments/{key}/Publication", "Approve")] = new(null,
                new Attack($"/Investments/{bi}/Publication?handler=Approve", F(("field", "Results"), ("revision", 1)))),
            [("Investments/{key}/FactSheet", "CopyPrevious")] = new(null,
                new Attack($"/Investments/{bi}/FactSheet?asOf=2025-06-30&handler=CopyPrevious", new())),
            [("Funds/{key}/Reports/Departments/{department}", "Issue")] = new(null,
                new Attack($"/Funds/{bf}/Reports/Departments/{SecondFund.Organisation}?asOf=2024-12-31&handler=Issue",
                    F(("Format", "docx"))),
                new Attack($"/Funds/{A}/Reports/Departments/{SecondFund.Organisation}?asOf=2024-12-31&handler=Issue",
                    F(("Format", "docx")))),
            [("Funds/{key}/Reports/Narrative", null)] = new(null,
                new Attack($"/Funds/{A}/Reports/Narrative?scope=factsheet/{bi}/2024-2&field=status",
                    F(("Text", "Overtaget"), ("BasedOn", 1))),
                new Attack($"/Funds/{bf}/Reports/Narrative?scope=factsheet/{bi}/2024-2&field=status",
                    F(("Text", "Overtaget"), ("BasedOn", 1)))),
            [("Funds/{key}/Proposals/{reference}", null)] = new(null,
                new Attack($"/Funds/{A}/Proposals/{SecondFund.Reference}", triage),
                    new Attack($"/Funds/{bf}/Proposals/{SecondFund.Reference}", triage)),
        };
    }

    /// <summary>GETs with fund B's ids (through fund A's routes and fund B's); true where fund B's secretariat reads it.</summary>
    private (string Url, bool BReads)[] Reads() =>
    [
        ($"/Investments/{SecondFund.Investment}", true), ($"/Investments/{SecondFund.Investment}/Development", true),
        ($"/Investments/{SecondFund.Investment}/FollowUp", true), ($"/Investments/{SecondFund.Investment}/FollowUp/Participants", true),
        ($"/Investments/{SecondFund.Investment}/FollowUp/Runs", true), ($"/Investments/{SecondFund.Investment}/FollowUp/Model", true),
        ($"/Investments/{SecondFund.Investment}/FollowUp/Register", true),
        ($"/Investments/{SecondFund.Investment}/FollowUp/Participants/Import", true),
        ($"/Investments/{SecondFund.Investment}/FollowUp/Runs/{b.RunId}", true),
        ($"/Investments/{AInvestment}/FollowUp/Runs/{b.RunId}", false),
        ($"/Investments/{SecondFund.Investment}/FollowUp/Settlement?AsOf=2026-01-15", true),
        ($"/Investments/{SecondFund.Investment}/FollowUp/Jobs/{b.JobId}", true),
        ($"/Investments/{AInvestment}/FollowUp/Jobs/{b.JobId}", false),
        ($"/Investments/{SecondFund.Investment}/Versions/2", false),
        ($"/Investments/{SecondFund.Investment}/BusinessCases/{bCase}/Budget", true),
        ($"/Investments/{AInvestment}/BusinessCases/{bCase}/Budget", false),
        ($"/Investments/{AInvestment}/BusinessCases/{bCase}/Budget?handler=Draft", false),
        ($"/Funds/{SecondFund.Key}/BusinessCaseCheck", true),
        ($"/Funds/{SecondFund.Key}/Reports/{bReport}", true), ($"/Funds/{A}/Reports/{bReport}", false),
        ($"/Funds/{SecondFund.Key}/Reports/Annual/2024", true), ($"/Investments/{SecondFund.Investment}/FactSheet?asOf=2024-12-31", true),
        ($"/Investments/{SecondFund.Investment}/Publication", true),
        ($"/Funds/{A}/Reports/Narrative?scope=factsheet/{SecondFund.Investment}/2024-2&field=status", false),
        ($"/Funds/{SecondFund.Key}/Reports/Narrative?scope=factsheet/{SecondFund.Investment}/2024-2&field=status", true),
        ($"/Investments/{SecondFund.Investment}/Edit", true), ($"/Investments/{SecondFund.Investment}/Revise", true),
        ($"/Investments/{SecondFund.Investment}/Parties/Add", true),
        ($"/Investments/{SecondFund.Investment}/Parties/{b.PartyId}/Edit", true),
        ($"/Investments/{AInvestment}/Parties/{b.PartyId}/Edit", false),
        ($"/Audit/Fund/{b.FundId}", true), ($"/Audit/Organisation/{b.OrganisationId}", true), ($"/Audit/Investment/{b.InvestmentId}", true),
        ($"/Funds/{SecondFund.Key}/Proposals", true), ($"/Funds/{SecondFund.Key}/Proposals/{SecondFund.Reference}", true),
        ($"/Funds/{A}/Proposals/{SecondFund.Reference}", false),
        ($"/Funds/{SecondFund.Key}/Proposals/{SecondFund.Reference}/Attachments/{b.AttachmentId}", true),
        ($"/Funds/{A}/Proposals/{SecondFund.Reference}/Attachments/{b.AttachmentId}", false),
        ($"/Investments/{SecondFund.Investment}/BusinessCases", true),
        ($"/Investments/{SecondFund.Investment}/BusinessCases/{bc.CaseId}", true),
        ($"/Investments/{AInvestment}/BusinessCases/{bc.CaseId}", false),
        ($"/Investments/{AInvestment}/BusinessCases/{bc.CaseId}?handler=Json", false),
        ($"/Funds/{SecondFund.Key}/UnitPrices", true), ($"/Funds/{SecondFund.Key}/UnitPrices?id={bc.UnitPriceId}", true),
        ($"/Funds/{A}/UnitPrices?id={bc.UnitPriceId}", false),
        ($"/Funds/{SecondFund.Key}/Measures", true), ($"/Funds/{SecondFund.Key}/Measures?id={b.MeasureId}", true),
        ($"/Funds/{A}/Measures?id={b.MeasureId}", false),
        ($"/Funds/{SecondFund.Key}/Calls", true), ($"/Funds/{SecondFund.Key}/Outbox", true), ($"/Funds/{SecondFund.Key}/OutcomeFund", true),
        ($"/Funds/{SecondFund.Key}/Reconcile", true), ($"/Funds/{SecondFund.Key}/Ledger/Post", true),
        ($"/Funds/{SecondFund.Key}/Economics/Publication", true),
        ($"/Funds/{SecondFund.Key}/Ledger/Close", true),
        ($"/Funds/Edit/{SecondFund.Key}", true), ($"/Organisations/Edit/{SecondFund.Organisation}", true),
        ($"/Assessments/{b.RequestId}", true), ($"/api/investments/{SecondFund.Investment}", true),
        ($"/api/investments/{SecondFund.Investment}/business-cases", true),
        // public pages: fund B's investment is not found under fund A's route, nor under its own (nothing published)
        ($"/Offentlig/{A}/{SecondFund.Investment}", false), ($"/Offentlig/{SecondFund.Key}/{SecondFund.Investment}", false),
        .. NamedGets().Values.SelectMany(urls => urls.Select(u => (u, true))),
    ];

    /// <summary>Named GET handlers (`?handler=…`, e.g. a chart or a download): each is listed with its fund B URLs, so a
    /// new one fails <see cref="Every_named_get_handler_is_listed"/> until its cross-fund reads are written here.</summary>
    private Dictionary<(string Route, string Handler), string[]> NamedGets() => new()
    {
        [("Investments/{key}/BusinessCases/{id:int}/Budget", "Draft")] =
            [$"/Investments/{SecondFund.Investment}/BusinessCases/{bCase}/Budget?handler=Draft"],
        [("Funds/{key}/Economics", "Chart")] = [$"/Funds/{SecondFund.Key}/Economics?handler=Chart&name=balance"],
        [("Investments/{key}/BusinessCases/{id:int}", "Json")] =
            [$"/Investments/{SecondFund.Investment}/BusinessCases/{bc.CaseId}?handler=Json"],
        [("Investments/{key}/BusinessCases/{id:int}", "Xlsx")] =
            [$"/Investments/{SecondFund.Investment}/BusinessCases/{bc.CaseId}?handler=Xlsx"],
        [("Investments/{key}/FollowUp/Model", "Download")] = [$"/Investments/{SecondFund.Investment}/FollowUp/Model?handler=Download"],
        [("Funds/{key}/Reports/Annual/{year:int}", "Print")] = [$"/Funds/{SecondFund.Key}/Reports/Annual/2024?handler=Print"],
        [("Investments/{key}/FactSheet", "Print")] = [$"/Investments/{SecondFund.Investment}/FactSheet?asOf=2024-12-31&handler=Print"],
        [("Funds/{key}/Reports/Departments/{department}", "Print")] =
            [$"/Funds/{SecondFund.Key}/Reports/Departments/{SecondFund.Organisation}?asOf=2024-12-31&handler=Print"],
    };

    /// <summary>Pages every reader may open for any fund (or lists): they show fund A's users none of fund B's rows.</summary>
    private static readonly string[] OpenToReaders =
    [
        $"/Funds/{SecondFund.Key}/Economics", $"/Funds/{SecondFund.Key}/Ledger", $"/Funds/{SecondFund.Key}/Board",
        $"/api/funds/{SecondFund.Key}/economics", $"/Organisations/{SecondFund.Organisation}", "/Portfolio", "/api/investments",
        $"/Funds/{A}/Ledger", $"/Funds/{A}/Proposals", "/Assessments",
        $"/Offentlig/{A}", $"/Offentlig/{A}/data/investments.json", $"/Offentlig/{A}/data/results.csv",
        $"/Offentlig/{A}/data/payments.json",
    ];

    [Fact]
    public void Every_post_handler_is_listed_with_the_ids_it_accepts()
    {
        if (Factory is null) return;
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var pages = endpoints.Select(e => (Route: e.RoutePattern.RawText!, Page: e.Metadata.GetMetadata<CompiledPageActionDescriptor>()))
            .Where(e => e.Page is not null && e.Route != "Index").ToList();
        var handlers = pages.SelectMany(e => e.Page!.HandlerMethods.Where(h => h.HttpMethod == "Post")
            .Select(h => (Route: e.Route, Handler: (string?)h.Name))).ToHashSet();
        // Reflection as a cross-check: every OnPost* method of every page model is behind some route found above.
        var routed = pages.Select(p => p.Page!.ModelTypeInfo!.AsType()).ToHashSet();
        var declared = typeof(Bundlinje.Web.SharedResource).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Any(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal))).ToList();
        Assert.Empty(declared.Where(t => !routed.Contains(t)).Select(t => t.Name));
        // Non-page endpoints (minimal API) that accept POST, PUT, PATCH or DELETE: none today; each would need its own entry.
        var apiWrites = endpoints.Where(e => e.Metadata.GetMetadata<CompiledPageActionDescriptor>() is null)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST"
                or "PUT" or "PATCH" or "DELETE") == true)
            .Select(e => (Route: e.RoutePattern.RawText!, Handler: (string?)null));
        handlers.UnionWith(apiWrites);
        var listed = Posts();
        Assert.Empty(handlers.Except(listed.Keys).Select(h => $"{h.Route}?handler={h.Handler} is not listed in Posts()"));
        Assert.Empty(listed.Keys.Except(handlers).Select(h => $"{h.Route}?handler={h.Handler} is listed but not routed"));
        Assert.All(listed, l => Assert.True(l.Value.NoFundId is not null || l.Value.Attacks.Length > 0, $"{l.Key} has no attack"));
    }

    [Fact]
    public void Every_named_get_handler_is_listed()
    {
        if (Factory is null) return;
        var named = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: e.RoutePattern.RawText!, Page: e.Metadata.GetMetadata<CompiledPageActionDescriptor>()))
            .Where(e => e.Page is not null)
            .SelectMany(e => e.Page!.HandlerMethods.Where(h => h.HttpMethod == "Get" && h.Name is not null).Select(h => (e.Route, h.Name!)))
            .ToHashSet();
        Assert.True(named.SetEquals(NamedGets().Keys), "Named GET handlers: "
            + string.Join(", ", named.Select(n => $"{n.Item1}?handler={n.Item2}")));
    }

    [Fact]
    public async Task Fund_A_users_posting_fund_B_ids_are_refused_and_nothing_changes()
    {
        if (Factory is null) return;
        var before = await SnapshotAsync();
        var failures = new List<string>();
        foreach (var email in Attackers)
        {
            var client = clients[email];
            var token = await Login.TokenAsync(client, "/Portfolio");
            foreach (var ((route, handler), listed) in Posts())
                foreach (var attack in listed.Attacks)
                {
                    var response = await client.PostAsync(attack.Url, Content(attack, token), Ct);
                    if (!Refused(response)) failures.Add(
                        $"{email} POST {attack.Url}: {(int)response.StatusCode} {response.Headers.Location}");
                    // Through fund A's own routes its secretariat passes the owner's check: fund B's child id is then not found.
                    else if (email == Attackers[0] && ThroughFundA(attack.Url) && response.StatusCode != HttpStatusCode.NotFound)
                        failures.Add($"{email} POST {attack.Url}: {(int)response.StatusCode}, expected 404 for another fund's id");
                    var after = await SnapshotAsync();
                    if (after != before)
                    {
                        failures.Add($"{email} POST {attack.Url} changed the data:\n{Diff(before, after)}");
                        before = after;
                    }
                }
        }
        Assert.Contains(Factory.Logs, l => l.StartsWith("Bundlinje.Authorization: Refused Administer on Fund")
            && l.Contains(SecondFund.Key));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Fund_A_users_reading_fund_B_ids_are_refused_and_fund_B_reads_them()
    {
        if (Factory is null) return;
        var failures = new List<string>();
        foreach (var (url, bReads) in Reads())
        {
            foreach (var email in Attackers)
            {
                var response = await clients[email].GetAsync(url, Ct);
                if (!Refused(response)) failures.Add($"{email} GET {url}: {(int)response.StatusCode} {response.Headers.Location}");
            }
            if (!bReads) continue;
            var own = await clients[SecondFund.Secretariat].GetAsync(url, Ct);
            if (own.StatusCode != HttpStatusCode.OK) failures.Add(
                $"fund B's secretariat GET {url}: {(int)own.StatusCode} {own.Headers.Location}");
        }
        foreach (var url in OpenToReaders)
            foreach (var email in Attackers)
            {
                var response = await clients[email].GetAsync(url, Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                if (response.StatusCode != HttpStatusCode.OK && !Refused(response)) failures.Add(
                    $"{email} GET {url}: {(int)response.StatusCode}");
                failures.AddRange(SecondFund.Markers.Where(m => body.Contains(m, StringComparison.OrdinalIgnoreCase))
                    .Select(m => $"{email} GET {url} shows '{m}'"));
            }
        // Nor do fund A's pages offer links into fund B's audit logs or edit forms.
        foreach (var (url, link) in new[] { ("/Funds", $"/Audit/Fund/{b.FundId}\""), ("/Funds", $"/Funds/Edit/{SecondFund.Key}\""),
                     ($"/Organisations/{SecondFund.Organisation}", $"/Audit/Organisation/{b.OrganisationId}\""),
                     ($"/Organisations/{SecondFund.Organisation}", $"/Organisations/Edit/{SecondFund.Organisation}\"") })
            foreach (var email in Attackers)
                if ((await clients[email].GetStringAsync(url, Ct)).Contains(link)) failures.Add($"{email} GET {url} links to {link}");
        if (!(await clients[SecondFund.Secretariat].GetStringAsync("/Funds", Ct)).Contains($"/Audit/Fund/{b.FundId}\""))
            failures.Add("fund B's secretariat has no link to its fund's audit log");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Fund_B_secretariat_approves_pays_and_reverses_through_its_own_routes()
    {
        if (Factory is null) return;
        var client = clients[SecondFund.Secretariat];
        var token = await Login.TokenAsync(client, "/Portfolio");
        var money = Posts();
        foreach (var handler in new[] { ("Investments/{key}/FollowUp/Runs", "Approve"), ("Investments/{key}/FollowUp/Runs", "Pay"),
            ("Funds/{key}/Ledger", "Reverse"),
                     ("Investments/{key}/FollowUp/Settlement", (string?)null) })
        {
            var attack = money[handler].Attacks.Single(a => a.Url.Contains(SecondFund.Investment) || a.Url.Contains(SecondFund.Key));
            var response = await client.PostAsync(attack.Url, Content(attack, token), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{attack.Url}: {(int)response.StatusCode}\n"
                + string.Join("\n", Factory.Logs.Where(l => l.Contains("Exception"))));
            Assert.DoesNotContain("form-error", await response.Content.ReadAsStringAsync(Ct));
        }
        Factory.With(db =>
        {
            Assert.True(db.FollowUpApprovals.Any(a => a.RunId == b.RunId));
            Assert.NotNull(db.PaymentObligations.Single(o => o.Id == b.ObligationId).PaidOn);
            Assert.True(db.LedgerPostings.Any(p => p.Reverses == b.PostingId));
            Assert.Equal(4_000m,
                db.LedgerPostings.Single(p =>
                    p.SourceReference == $"settlement:{SecondFund.Investment}/guarantor:{SecondFund.Organisation}").Amount);
            return 0;
        });
    }

    private static HttpContent Content(Attack attack, string token)
    {
        var fields = new Dictionary<string, string>(attack.Form) { ["__RequestVerificationToken"] = token };
        if (attack.File is not { } file) return new FormUrlEncodedContent(fields);
        var multipart = new MultipartFormDataContent();
        foreach (var (key, value) in fields) multipart.Add(new StringContent(value), key);
        multipart.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(file.Content)), file.Field, file.Name);
        return multipart;
    }

    private static bool ThroughFundA(string url) => url.StartsWith($"/Investments/{AInvestment}/") || url.StartsWith($"/Funds/{A}/");

    private static bool Refused(HttpResponseMessage response) => response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
        || (response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied") == true);

    /// <summary>Row counts of every table a handler writes, the ledger's sum, every record's version, fund B's names and its job.</summary>
    private Task<string> SnapshotAsync() => Factory.WithAsync(async db =>
    {
        var lines = new List<string>
        {
            $"funds {await db.Funds.CountAsync()}", $"organisations {await db.Organisations.CountAsync()}",
            $"investments {await db.Investments.CountAsync()}",
            $"parties {await db.Parties.CountAsync()}", $"subprojects {await db.SubProjects.CountAsync()}",
            $"enrolment {await db.EnrolmentCounts.CountAsync()}",
            $"versions {await db.AgreementVersions.CountAsync()}", $"audit {await db.AuditEntries.CountAsync()}",
            $"postings {await db.LedgerPostings.CountAsync()}",
            $"closed {await db.ClosedFiscalYears.CountAsync()}", $"participants {await db.Participants.CountAsync()}",
            $"imports {await db.ParticipantImports.CountAsync()}",
            $"models {await db.PaymentModels.CountAsync()}", $"runs {await db.FollowUpRuns.CountAsync()}",
            $"approvals {await db.FollowUpApprovals.CountAsync()}",
            $"obligations {await db.PaymentObligations.CountAsync()}, paid {await db.PaymentObligations.CountAsync(o => o.PaidOn != null)}",
            $"proposals {await db.Proposals.CountAsync()}", $"events {await db.ProposalEvents.CountAsync()}",
            $"calls {await db.Calls.CountAsync()}",
            $"requests {await db.AssessmentRequests.CountAsync()}, answered {await db.AssessmentRequests.CountAsync(r =>
                r.WrittenOn != null)}",
            $"outbox {await db.OutboxMessages.CountAsync()}", $"phases {await db.PhaseChanges.CountAsync()}",
            $"maturity {await db.MaturityAssessments.CountAsync()}",
            $"chain {await db.Approvals.CountAsync()}", $"users {await db.Users.CountAsync()}",
            $"measures {await db.Measures.CountAsync()}, versions {(await db.Measures.Select(m => m.Version)
                .ToListAsync()).Sum()}, codes {string.Join(",", await db.Measures.Where(m => m.FundId == b.FundId).OrderBy(m => m.Id)
                    .Select(m => m.Code).ToListAsync())}",
            $"business cases {await db.BusinessCases.CountAsync()}, unit prices {string.Join(",", await db.UnitPrices.OrderBy(p => p.Id)
                .Select(p => p.Code + ":" + p.Version).ToListAsync())}, price index {await db.PriceIndices.CountAsync()}",
            $"ledger sum {(await db.LedgerPostings.Select(p => p.Amount).ToListAsync()).Sum()}",
            $"reports {await db.Reports.CountAsync()}, texts {await db.ReportNarratives.CountAsync()}, published tables {
                await db.PublishedEconomicsTables.CountAsync()}",
            $"publication {await db.PublicationRevisions.CountAsync()}/{await db.PublicationApprovals.CountAsync()}",
            $"economics publications {await db.EconomicsPublications.CountAsync()}",
            $"record versions {(await db.Funds.Select(f => f.Version).ToListAsync()).Sum()}/{(await db.Organisations.Select(f => f.Version)
                .ToListAsync()).Sum()}"
                + $"/{(await db.Investments.Select(f => f.Version).ToListAsync()).Sum()}/{(await db.Parties.Select(f => f.Version)
                    .ToListAsync()).Sum()}",
            $"fund B {(await db.Funds.SingleAsync(f => f.Id == b.FundId)).Name}, {(await db.Organisations.SingleAsync(o =>
                o.Id == b.OrganisationId)).Name}",
            $"job cancelled {b.JobCancelled(Factory)}",
        };
        return string.Join("\n", lines);
    });

    private static string Diff(string before, string after) =>
        string.Join("\n", before.Split('\n').Zip(after.Split('\n')).Where(p => p.First != p.Second)
            .Select(p => $"  {p.First} -> {p.Second}"));
}

public sealed class SqliteCrossFundAuthorizationTests : CrossFundAuthorizationTests
{
    protected override Task<BundlinjeFactory?> CreateFactoryAsync() => Task.FromResult<BundlinjeFactory?>(BundlinjeFactory.Sqlite());
}

/// <summary>The same attacks on PostgreSQL (the money handlers matter most there: approve, pay, reverse).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCrossFundAuthorizationTests(PostgresCluster cluster) : CrossFundAuthorizationTests
{
    protected override async Task<BundlinjeFactory?> CreateFactoryAsync()
    {
        if (cluster.Unavailable is { } reason) { Requirement.Missing(reason); return null; }
        return BundlinjeFactory.Postgres(await cluster.CreateDatabaseAsync());
    }
}
