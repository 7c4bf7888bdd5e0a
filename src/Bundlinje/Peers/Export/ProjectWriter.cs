using System.Globalization;
using System.Text.Json.Nodes;
using Bundlinje.FollowUps;
using Bundlinje.Investments;
using Bundlinje.Organisations;
using Bundlinje.Payments;
using Bundlinje.Publication;
using static Bundlinje.Peers.Export.IndigoMapping;

namespace Bundlinje.Peers.Export;

/// <summary>One published investment as an INDIGO project's data (the object project.json describes). The field group that
/// decides each field is in docs/indigo.md, "Export".</summary>
internal sealed class ProjectWriter(IndigoInvestmentFacts facts, string currency, DateOnly today,
    SortedDictionary<string, Organisation> organisations)
{
    private readonly Investment investment = facts.Investment;
    private readonly PublishedInvestment published = facts.Published;

    public JsonObject Project()
    {
        var i = investment;
        var data = new JsonObject { ["status"] = Public };
        Put(data, "name", Field(PublicationField.NameAndPurpose, i.Name));
        Put(data, "stage_development", Field(PublicationField.NameAndPurpose, Stage(i, today)));
        var dates = new JsonObject();
        Put(dates, "outcomes_contract_signed", Field(PublicationField.NameAndPurpose, i.AgreedOn));
        Put(dates, "start_date_of_service_provision", Field(PublicationField.NameAndPurpose, i.PeriodStart));
        Put(dates, "anticipated_end_date_of_service_provision", Field(PublicationField.NameAndPurpose, i.PeriodEnd));
        Put(data, "dates", dates);
        Put(data, "overall_project_finance", Finance());
        Put(data, "service_and_beneficiaries", Service());
        Rows(data, "investments", PublicationField.Capital, Investments());
        Rows(data, "service_provisions", PublicationField.Parties, ServiceProvisions());
        Rows(data, "outcome_payment_commitments", PublicationField.Parties, Commitments());
        Rows(data, "outcome_metrics", PublicationField.PaymentModel, Metrics());
        Rows(data, "outcome_pricings", PublicationField.PaymentModel, Pricings());
        Rows(data, "results", PublicationField.Results, Results());
        Rows(data, "outcome_payments", PublicationField.Payments, OutcomePayments());
        return data;
    }

    private bool Shows(PublicationField group) => published.Shows(group);

    /// <summary>{"value", "status": PUBLIC} when the group is public (null when there is no value); {"status": PRIVATE}
    /// with no value when it is not.</summary>
    private JsonObject? Field(PublicationField group, JsonNode? value) =>
        !Shows(group) ? new JsonObject { ["status"] = Private }
        : value is null ? null : new JsonObject { ["value"] = value, ["status"] = Public };

    private JsonObject? Field(PublicationField group, string? value) => Field(group, value is null ? null : Text(value));

    private JsonObject? Field(PublicationField group, DateOnly? value) => Field(group, value is { } d ? Text(Date(d)) : null);

    private JsonObject? Field(PublicationField group, decimal? value) => Field(group, value is { } d ? Number(d) : null);

    /// <summary>A currency and an amount of the group (amount under "exact" where INDIGO gives a range); null when the group
    /// is public and there is no amount.</summary>
    private JsonObject? Money(PublicationField group, decimal? amount, bool exact = false)
    {
        if (Shows(group) && amount is null) return null;
        var value = Field(group, amount);
        return new JsonObject
        {
            ["currency"] = Field(group, currency), ["amount"] = exact ? new JsonObject { ["exact"] = value } : value,
        };
    }

    /// <summary>The rows of a section when its group is public (rows carry their own status); nothing when it is private.</summary>
    private void Rows(JsonObject data, string section, PublicationField group, IEnumerable<JsonObject> rows)
    {
        if (!Shows(group)) return;
        var list = rows.ToList();
        if (list.Count == 0) return;
        foreach (var row in list) row["status"] = Public;
        data[section] = new JsonArray([.. list]);
    }

    private JsonObject Finance()
    {
        var finance = new JsonObject();
        var capital = investment.Parties.Where(Invests).ToList();
        Put(finance, "total_investment_commitment", Money(PublicationField.Capital,
            capital.Count == 0 ? null : capital.Sum(p => p.Capital!.Value), exact: true));
        Put(finance, "maximum_potential_outcome_payment_v2", Money(PublicationField.PaymentModel, facts.Model?.CapContract));
        Put(finance, "total_outcome_payments_made", Money(PublicationField.Payments,
            facts.Payments.Count == 0 ? null : facts.Payments.Where(p => p.PaidOn is not null).Sum(p => p.Amount)));
        return finance;
    }

    private JsonObject Service()
    {
        var service = new JsonObject();
        var notes = new List<string>();
        Put(service, "target_population", Field(PublicationField.TargetGroup, investment.TargetGroup));
        var planned = investment.Planned();
        Put(service, "targeted_number_service_users_or_beneficiaries_total",
            Field(PublicationField.TargetGroup, planned is { } p ? JsonValue.Create(p.Max) : null));
        if (planned is { } range)
        {
            Put(service, "unit_type_targeted_service_users_or_beneficiaries", Field(PublicationField.TargetGroup, "Individual"));
            if (range.Min != range.Max && Shows(PublicationField.TargetGroup))
                notes.Add($"Targeted participants: {range.Min}-{range.Max} (the total given is the most).");
        }
        var enrolled = investment.LatestEnrolment();
        if (!Shows(PublicationField.Enrolment))
            Put(service, "actual_number_service_users_or_beneficiaries_total", Field(PublicationField.Enrolment, (JsonNode?)null));
        else if (enrolled is { } e)
        {
            var small = e.Enrolled < Suppression.Threshold;
            Put(service, "actual_number_service_users_or_beneficiaries_total",
                small ? new JsonObject { ["status"] = Private } : Field(PublicationField.Enrolment, JsonValue.Create(e.Enrolled)));
            Put(service, "unit_type_actual_service_users_or_beneficiaries", Field(PublicationField.Enrolment, "Individual"));
            notes.Add($"Enrolled as of {Date(e.AsOf)}: {(small ? Suppression.Masked + " (suppressed)"
                : e.Enrolled.ToString(CultureInfo.InvariantCulture))}.");
        }
        if (notes.Count > 0) service["notes"] = string.Join(" ", notes);
        return service;
    }

    private static bool Invests(Party p) => p.Role is PartyRole.Investor or PartyRole.CoFunder && p.Capital is not null;

    private List<Party> Ordered(Func<Party, bool> which) => [.. investment.Parties.Where(which)
        .OrderBy(p => p.Organisation!.Key, StringComparer.Ordinal).ThenBy(p => p.Id)];

    /// <summary>"{prefix}-{organisation key}", with "-2", "-3" … when an organisation has the role twice.</summary>
    private static IEnumerable<(Party Party, string Id)> WithIds(List<Party> parties, string prefix)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in parties)
        {
            var n = seen[p.Organisation!.Key] = seen.GetValueOrDefault(p.Organisation.Key) + 1;
            yield return (p, $"{prefix}-{p.Organisation.Key}" + (n == 1 ? "" : $"-{n}"));
        }
    }

    /// <summary>The organisation's id under the parties group; named among the export's organisations only when public.</summary>
    private JsonObject? Reference(Organisation o)
    {
        if (Shows(PublicationField.Parties)) organisations[OrganisationId(o.Key)] = o;
        return Field(PublicationField.Parties, OrganisationId(o.Key));
    }

    private JsonObject? Category(Organisation o) => RoleCategory(o.Kind) is { } c ? Field(PublicationField.Parties, c) : null;

    private IEnumerable<JsonObject> Investments() => WithIds(Ordered(Invests), "investment").Select(x =>
    {
        var row = new JsonObject { ["id"] = x.Id };
        Put(row, "organisation_id", Reference(x.Party.Organisation!));
        Put(row, "organisation_role_category", Category(x.Party.Organisation!));
        row["investment_commitment"] = new JsonObject
        {
            ["currency"] = Field(PublicationField.Capital, currency),
            ["amount"] = new JsonObject { ["exact"] = Field(PublicationField.Capital, x.Party.Capital) },
        };
        return row;
    });

    private IEnumerable<JsonObject> ServiceProvisions() =>
        WithIds(Ordered(p => p.Role == PartyRole.Provider), "service-provision").Select(x =>
        {
            var row = new JsonObject { ["id"] = x.Id };
            Put(row, "organisation_id", Reference(x.Party.Organisation!));
            Put(row, "organisation_role_category", Category(x.Party.Organisation!));
            return row;
        });

    /// <summary>The outcome payers (authorities), each with what it has paid in result payments (the payments group).</summary>
    private IEnumerable<JsonObject> Commitments() => Ordered(p => p.Role == PartyRole.Authority).Select(p =>
    {
        var row = new JsonObject();
        Put(row, "organisation_id", Reference(p.Organisation!));
        Put(row, "organisation_role_category", Category(p.Organisation!));
        var paid = facts.Payments.Where(x => x.PaidOn is not null && Paying(x, p.Organisation!)).ToList();
        if (paid.Count > 0 || !Shows(PublicationField.Payments))
            Put(row, "total_outcome_payments", Money(PublicationField.Payments, paid.Count == 0 ? null : paid.Sum(x => x.Amount)));
        return row;
    });

    private static bool Paying(IndigoPayment payment, Organisation o) =>
        string.Equals(payment.Payer.Trim(), o.Name.Trim(), StringComparison.OrdinalIgnoreCase);

    private IEnumerable<Metric> ModelMetrics => facts.Model?.Metrics ?? [];

    private IEnumerable<JsonObject> Metrics() => ModelMetrics.Select(m =>
    {
        var row = new JsonObject { ["id"] = m.Key };
        Put(row, "definition", Field(PublicationField.PaymentModel, m.Name));
        return row;
    });

    private IEnumerable<JsonObject> Pricings() => ModelMetrics.Select(m =>
    {
        var row = new JsonObject();
        Put(row, "outcome_metric_id", Field(PublicationField.PaymentModel, m.Key));
        Put(row, "currency", Field(PublicationField.PaymentModel, currency));
        if (m.Tiers is not { Count: > 0 } && MetricFields.Effective(m) != PriceBasis.ShareOfSaving)
            row["price_per_unit"] = new JsonObject { ["amount"] = Field(PublicationField.PaymentModel, m.Price) };
        if (m.CapPerMetric is { } cap)
            row["maximum_price_if_all_targets_achieved"] = new JsonObject { ["amount"] = Field(PublicationField.PaymentModel, Plain(cap)) };
        Put(row, "price_description", Field(PublicationField.PaymentModel, PriceDescription(m, currency)));
        return row;
    });

    private IEnumerable<JsonObject> Results() => facts.LatestApprovedRun is { } run
        ? IndigoResults.Rows(run, published, investment.Status) : [];

    private IEnumerable<JsonObject> OutcomePayments() => facts.Payments
        .OrderBy(p => p.RunAsOf).ThenBy(p => p.Payer, StringComparer.Ordinal).ThenBy(p => p.Amount).ThenBy(p => p.PaidOn)
        .Select(p =>
        {
            var row = new JsonObject();
            var payer = investment.Parties.Select(x => x.Organisation!).FirstOrDefault(o => Paying(p, o));
            if (payer is not null) Put(row, "payer_organisation_id", Reference(payer));
            Put(row, "type", Field(PublicationField.Payments, p.PaidOn is null ? "Planned" : "Actual"));
            row["period"] = new JsonObject { ["end_date"] = Field(PublicationField.Payments, p.RunAsOf) };
            row["money"] = new JsonObject
            {
                ["currency"] = Field(PublicationField.Payments, currency), ["amount"] = Field(PublicationField.Payments, p.Amount),
            };
            var notes = new List<string> { $"Result payment for the follow-up approved as of {Date(p.RunAsOf)}" };
            if (payer is null && Shows(PublicationField.Parties)) notes.Add($"payer: {p.Payer}");
            if (p.PaidOn is { } paid) notes.Add($"paid {Date(paid)}");
            else if (p.DueOn is { } due) notes.Add($"due {Date(due)}");
            row["notes"] = string.Join("; ", notes) + ".";
            return row;
        });
}
