using System.Text.Json.Nodes;
using Bundlinje.FollowUps;
using Bundlinje.Investments;
using Bundlinje.Organisations;
using Bundlinje.Payments;
using Bundlinje.Peers;
using Bundlinje.Peers.Export;
using Bundlinje.Publication;

namespace Bundlinje.Tests.Peers;

/// <summary>The INDIGO export's mapping and validator without a database: facts built here, the document checked by our
/// validator (and by the standard's schema where it is on the machine). The validator must also say no: broken documents
/// are refused, each for its own reason.</summary>
public sealed class IndigoMappingTests
{
    private static readonly Organisation Department =
        new() { Id = 1, Key = "sundhed", Name = "Sundhed og Omsorg", Kind = OrganisationKind.Department };
    private static readonly Organisation Foundation = new() { Id = 2, Key = "fonden", Name = "Fonden", Kind = OrganisationKind.Foundation };
    private static readonly Organisation Provider =
        new() { Id = 3, Key = "leverandoeren", Name = "Leverandøren", Kind = OrganisationKind.Provider };

    private static Investment Investment(string key = "proeve")
    {
        var i = new Investment
        {
            Id = 7, Key = key, Name = "Prøveinvesteringen", FundId = 1, AgreedOn = new(2022, 3, 1), PeriodStart = new(2022, 5, 1),
            PeriodEnd = new(2027, 4, 30), TargetGroup = "Unge hjemløse", PlannedParticipants = 45,
            Parties =
            [
                new() { Id = 1, Organisation = Department, OrganisationId = 1, Role = PartyRole.Authority },
                new() { Id = 2, Organisation = Foundation, OrganisationId = 2, Role = PartyRole.Investor, Capital = 1_250_000.50m },
                new() { Id = 3, Organisation = Provider, OrganisationId = 3, Role = PartyRole.Provider },
            ],
            Enrolment = [new() { AsOf = new(2024, 6, 30), Enrolled = 38 }],
        };
        i.TakeOverStatus(InvestmentStatus.Active, null);
        return i;
    }

    private static readonly PaymentModel Model = new("proeve", 1,
    [
        new Metric("bolig", "I egen bolig 12 måneder", MetricKind.ConditionInWindow, "housing", 60_000m, PriceBasis.PerParticipant,
            [new PayerShare("Sundhed og Omsorg", 1m)], CapPerMetric: 900_000m),
        new Metric("besparelse", "Færre overførsler", MetricKind.TreatmentVsControl, "transfer-income", 0m, PriceBasis.ShareOfSaving,
            [new PayerShare("Sundhed og Omsorg", 1m)], Share: 0.5m),
    ], CapContract: 2_000_000m);

    private static RunMetric Line(string key, string cohort, int eligible, int achieved) =>
        new(key, key, cohort, eligible, achieved, 0m, 0m, 0m, 0m, 0m, "");

    private static RunResult Run(params RunMetric[] lines) =>
        new("proeve", new(2024, 6, 30), 1, lines, 0m, 0m, 0m, 0m, [], [], []);

    private static readonly IndigoPayment[] Payments =
    [
        new("Sundhed og Omsorg", 120_000m, new(2023, 12, 31), new(2024, 3, 1), new(2024, 2, 20)),
        new("Sundhed og Omsorg", 60_000m, new(2024, 6, 30), new(2024, 9, 1), null),
    ];

    private static IndigoFacts Facts(IEnumerable<PublicationField> fields, RunResult? run = null, Investment? investment = null)
    {
        var i = investment ?? Investment();
        var published = new PublishedInvestment(i.Id, i.Key, i.Name, fields.ToHashSet());
        return new("aarhus", "Aarhus", "DKK", new(2025, 1, 1),
            [new IndigoInvestmentFacts(published, i, Model, run ?? Run(Line("bolig", "Alle", 30, 12)), Payments, ["INDIGO-POJ-0264"])]);
    }

    private static JsonObject Data(JsonObject document) => document["projects"]![0]!["data"]!.AsObject();

    [Fact]
    public void Everything_public_maps_to_the_standards_fields_and_validates()
    {
        var document = IndigoMapping.Build(Facts(Publications.AnnualReportFields));
        Assert.Empty(IndigoValidator.Check(document));
        var data = Data(document);
        Assert.Equal("BUNDLINJE-POJ-proeve", (string)document["projects"]![0]!["id"]!);
        Assert.Equal("Prøveinvesteringen", (string)data["name"]!["value"]!);
        Assert.Equal("Implementation", (string)data["stage_development"]!["value"]!);
        Assert.Equal("2022-05-01", (string)data["dates"]!["start_date_of_service_provision"]!["value"]!);
        Assert.Equal(1_250_000.5m,
            (decimal)data["overall_project_finance"]!["total_investment_commitment"]!["amount"]!["exact"]!["value"]!);
        Assert.Equal(120_000m, (decimal)data["overall_project_finance"]!["total_outcome_payments_made"]!["amount"]!["value"]!);
        Assert.Equal(38, (int)data["service_and_beneficiaries"]!["actual_number_service_users_or_beneficiaries_total"]!["value"]!);
        Assert.Equal("BUNDLINJE-ORG-fonden", (string)data["investments"]![0]!["organisation_id"]!["value"]!);
        Assert.Equal(["bolig", "besparelse"], data["outcome_metrics"]!.AsArray().Select(m => (string)m!["id"]!));
        Assert.Equal(["Actual", "Planned"], data["outcome_payments"]!.AsArray().Select(p => (string)p!["type"]!["value"]!));
        Assert.Equal(["BUNDLINJE-ORG-fonden", "BUNDLINJE-ORG-leverandoeren", "BUNDLINJE-ORG-sundhed"],
            document["organisations"]!.AsArray().Select(o => (string)o!["id"]!));
        SchemaValid(document);
    }

    [Fact]
    public void A_private_field_group_is_PRIVATE_without_a_value_and_its_rows_are_left_out()
    {
        var document = IndigoMapping.Build(Facts([PublicationField.NameAndPurpose, PublicationField.Results]));
        Assert.Empty(IndigoValidator.Check(document));
        var data = Data(document);
        var capital = data["overall_project_finance"]!["total_investment_commitment"]!.AsObject();
        Assert.Equal("PRIVATE", (string)capital["amount"]!["exact"]!["status"]!);
        Assert.False(capital["amount"]!["exact"]!.AsObject().ContainsKey("value"));
        Assert.Equal("PRIVATE", (string)data["service_and_beneficiaries"]!["target_population"]!["status"]!);
        Assert.False(data["service_and_beneficiaries"]!["target_population"]!.AsObject().ContainsKey("value"));
        foreach (var rows in new[] { "investments", "service_provisions", "outcome_payment_commitments", "outcome_metrics",
            "outcome_payments" })
            Assert.False(data.ContainsKey(rows), rows);
        Assert.Single(data["results"]!.AsArray());
        var text = IndigoMapping.Write(document);
        Assert.DoesNotContain("1250000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unge hjemløse", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fonden", text, StringComparison.Ordinal);
        Assert.Empty(document["organisations"]!.AsArray()); // parties are private: no organisation is named
        SchemaValid(document);
    }

    [Fact]
    public void Small_result_counts_are_suppressed_and_cannot_be_worked_out()
    {
        // 3 of 20 achieved: 3 is hidden, and so is 17 (or 3 would be 20 - 17); 20 eligible can stay.
        var data = Data(IndigoMapping.Build(Facts(Publications.AnnualReportFields, Run(Line("bolig", "Alle", 20, 3)))));
        var row = data["results"]![0]!.AsObject();
        Assert.Equal(20, (int)row["number_engaged_in_impact_bond"]!["value"]!);
        Assert.False(row.ContainsKey("number_with_positive_social_outcomes"));
        Assert.Equal("<5 of 20 eligible achieved the outcome", (string)row["outcomes_achieved"]!["value"]!);

        // Cohorts with a pooled line (the column totals, 22 of 40): cohort 2023's 2 is hidden, so 2024's 20 must be too
        // (22 - 20 = 2), and with them the cells beside them; the pooled line and the cohorts' totals can stay.
        var cohorts = Data(IndigoMapping.Build(Facts(Publications.AnnualReportFields, Run(Line("bolig", "2023", 10, 2),
            Line("bolig", "2024", 30, 20), Line("bolig", "Alle", 40, 22)))))["results"]!.AsArray();
        Assert.Equal(["<5 of 10", "suppressed of 30", "22 of 40"],
            cohorts.Select(r => ((string)r!["outcomes_achieved"]!["value"]!)[..^" eligible achieved the outcome".Length]));
        Assert.Equal([false, false, true], cohorts.Select(r => r!.AsObject().ContainsKey("number_with_positive_social_outcomes")));
        Assert.Equal(["Cohort 2023.", "Cohort 2024."], cohorts.Take(2).Select(r => (string)r!["notes"]!));

        // Fewer than 5 eligible: the total is hidden too.
        var few = Data(IndigoMapping.Build(Facts(Publications.AnnualReportFields, Run(Line("bolig", "Alle", 3, 3)))))["results"]![0]!;
        Assert.Equal("<5 of <5 eligible achieved the outcome", (string)few["outcomes_achieved"]!["value"]!);
        Assert.False(few.AsObject().ContainsKey("number_engaged_in_impact_bond"));

        // Enrolment below 5 is not published either.
        var small = Investment();
        small.Enrolment = [new() { AsOf = new(2024, 6, 30), Enrolled = 4 }];
        var service = Data(IndigoMapping.Build(Facts(Publications.AnnualReportFields, investment: small)))["service_and_beneficiaries"]!;
        Assert.Equal("PRIVATE", (string)service["actual_number_service_users_or_beneficiaries_total"]!["status"]!);
        Assert.Contains("<5 (suppressed)", (string)service["notes"]!);
    }

    [Fact]
    public void The_same_facts_give_the_same_bytes()
    {
        var a = IndigoMapping.Write(IndigoMapping.Build(Facts(Publications.AnnualReportFields)));
        var b = IndigoMapping.Write(IndigoMapping.Build(Facts(Publications.AnnualReportFields.Reverse())));
        Assert.Equal(a, b);
        Assert.EndsWith("}\n", a, StringComparison.Ordinal);
    }

    /// <summary>Each breakage with the path the validator must name.</summary>
    public static TheoryData<string, string> Breakages => new()
    {
        { "status", "$.projects[0].data.status" },
        { "private-with-value", "target_population: PRIVATE but has a value" },
        { "public-without-value", "name: PUBLIC without a value" },
        { "bad-date", "start_date_of_service_provision.value: '2022-13-01' is not a date" },
        { "text-number", "exact.value: not a number" },
        { "currency", "'kr.' is not an ISO 4217 currency code" },
        { "unknown-field", "$.projects[0].data.nmae: not a field" },
        { "unknown-organisation", "'BUNDLINJE-ORG-nobody' is not an organisation of the export" },
        { "codelist", "'Running' is not in the codelist" },
        { "duplicate-project", "$.projects[1].id: BUNDLINJE-POJ-proeve repeated" },
        { "unknown-metric", "'nothing' is not an outcome metric of the project" },
        { "our-id", "$.projects[0].id: not BUNDLINJE-POJ-<key>" },
        { "row-status", "$.projects[0].data.investments[0].status: missing" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_document_is_rejected(string breakage, string expected)
    {
        var document = IndigoMapping.Build(Facts(Publications.AnnualReportFields));
        var data = Data(document);
        switch (breakage)
        {
            case "status": data["status"] = "SECRET"; break;
            case "private-with-value": data["service_and_beneficiaries"]!["target_population"]!["status"] = "PRIVATE"; break;
            case "public-without-value": data["name"]!.AsObject().Remove("value"); break;
            case "bad-date": data["dates"]!["start_date_of_service_provision"]!["value"] = "2022-13-01"; break;
            case "text-number":
                data["overall_project_finance"]!["total_investment_commitment"]!["amount"]!["exact"]!["value"] =
                "250,000"; break;
            case "currency": data["overall_project_finance"]!["total_investment_commitment"]!["currency"]!["value"] = "kr."; break;
            case "unknown-field": data["nmae"] = new JsonObject { ["value"] = "x", ["status"] = "PUBLIC" }; break;
            case "unknown-organisation": data["investments"]![0]!["organisation_id"]!["value"] = "BUNDLINJE-ORG-nobody"; break;
            case "codelist": data["stage_development"]!["value"] = "Running"; break;
            case "duplicate-project": document["projects"]!.AsArray().Add(document["projects"]![0]!.DeepClone()); break;
            case "unknown-metric": data["outcome_pricings"]![0]!["outcome_metric_id"]!["value"] = "nothing"; break;
            case "our-id": document["projects"]![0]!["id"] = "INDIGO-POJ-0264"; break;
            case "row-status": data["investments"]![0]!.AsObject().Remove("status"); break;
        }
        var problems = IndigoValidator.Check(document);
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_standards_schema_rejects_what_it_can_see()
    {
        var folder = IndigoSchema.Required();
        var data = Data(IndigoMapping.Build(Facts(Publications.AnnualReportFields)));
        Assert.Empty(IndigoSchema.Errors(folder, "project.json", data));
        data["status"] = "SECRET";
        Assert.NotEmpty(IndigoSchema.Errors(folder, "project.json", data));
        data["status"] = "PUBLIC";
        data["dates"]!["start_date_of_service_provision"]!["value"] = "1 May 2022";
        Assert.NotEmpty(IndigoSchema.Errors(folder, "project.json", data));
        data["dates"]!["start_date_of_service_provision"]!["value"] = "2022-05-01";
        data["overall_project_finance"]!["total_investment_commitment"]!["amount"]!["exact"]!["value"] = "250,000";
        Assert.NotEmpty(IndigoSchema.Errors(folder, "project.json", data));
    }

    [Fact]
    public void The_import_reads_our_project_back_with_the_same_values()
    {
        // Our project's fields as a row of INDIGO's CSV export (columns: the standard's titles along each path), read by the
        // peer library's own mapping (PeerRows, PeerProjectFacts), give back the investment's values.
        var folder = IndigoSchema.Required();
        var investment = Investment();
        var data = Data(IndigoMapping.Build(Facts(Publications.AnnualReportFields, investment: investment)));
        string[] paths =
        [
            "name", "stage_development", "service_and_beneficiaries/target_population",
            "service_and_beneficiaries/targeted_number_service_users_or_beneficiaries_total",
            "overall_project_finance/total_investment_commitment/currency",
            "overall_project_finance/total_investment_commitment/amount/exact",
            "dates/start_date_of_service_provision", "dates/anticipated_end_date_of_service_provision",
        ];
        List<string> header = [PeerRows.IdColumn], cells = ["BUNDLINJE-POJ-proeve"];
        foreach (var path in paths)
        {
            var field = path.Split('/').Aggregate((JsonNode)data, (node, key) => node[key]!);
            var title = IndigoSchema.Title(folder, path);
            header.AddRange([title + " - (Value)", title + " - (Status)"]);
            cells.AddRange([field["value"]!.ToString(), (string)field["status"]!]);
        }
        var problems = new List<Bundlinje.Common.Refusal>();
        var rows = PeerRows.Build([new PeerSheet(PeerTable.Project, "original_projects.csv", header, [new PeerSheetRow(2, cells)])],
            problems);
        var project = Assert.Single(PeerProjectFacts.Build(rows, [], problems));
        Assert.Empty(problems);
        Assert.Equal((investment.Name, "Implementation", investment.TargetGroup), (project.Name, project.Stage, project.TargetPopulation));
        Assert.Equal((investment.CommittedCapital, "DKK"), (project.CapitalAmount!.Value, project.CapitalCurrency));
        Assert.Equal((45, 2022, 2027), (project.MaxParticipants!.Value, project.StartYear!.Value, project.EndYear!.Value));
        Assert.All(Assert.Single(rows).Fields.Skip(1), f => Assert.Equal("PUBLIC", f.ShownStatus));
    }

    /// <summary>Every project and organisation against the standard's schema, where the schema files are given.</summary>
    internal static void SchemaValid(JsonObject document)
    {
        if (IndigoSchema.Folder() is not { } folder) return; // The_standards_schema_rejects_what_it_can_see says why not
        foreach (var p in document["projects"]!.AsArray())
            Assert.Empty(IndigoSchema.Errors(folder, "project.json", p!["data"]!));
        foreach (var o in document["organisations"]!.AsArray())
            Assert.Empty(IndigoSchema.Errors(folder, "organisation.json", o!["data"]!));
    }
}
