namespace Bundlinje.Peers.Export;

/// <summary>What a field's value must be (INDIGO 4.1.0, docs/formatting-data.rst): text; a JSON number (never "250,000"
/// or "250k"); a number given as text; a date yyyy, yyyy-mm or yyyy-mm-dd; an ISO 4217 currency code; the id of an
/// organisation in the document; one of a codelist.</summary>
public enum IndigoKind { Text, Number, NumberText, Date, Currency, Organisation, Code }

/// <summary>A field the export writes, by its path in project.json or organisation.json ("[]" for an array's items).</summary>
public sealed record IndigoField(string Path, IndigoKind Kind, IReadOnlyList<string>? Codes = null);

/// <summary>The fields of INDIGO 4.1.0 that the export writes, with their kinds and codelists as the standard's data
/// dictionary (docs/data-dictionary/project.rst, organisation.rst) gives them. The validator refuses any other field, so a
/// misspelt path is caught here and not by a reader.</summary>
public static class IndigoFields
{
    public static readonly IReadOnlyList<string> Statuses = ["PUBLIC", "PRIVATE", "DISPUTED"];
    private static readonly string[] Stages = ["Contracted", "Implementation", "Service delivery complete", "Complete"];
    private static readonly string[] UnitTypes = ["Individual", "Other"];
    private static readonly string[] InvestorCategories =
    [
        "Nonprofit/NGO", "Foundation/Philanthropist", "Government/Public Sector/Public Bank",
        "Multilateral/Bilateral/Intergovernmental Financial Institution", "Corporate Giving", "Investment Fund",
        "High Net Worth Individual/Family Office/Private Bank", "Impact Investor", "Commercial",
    ];
    private static readonly string[] ProviderCategories =
        ["Nonprofit/NGO", "Foundation/Philanthropist", "Government/Public Sector/Public Bank", "For-profit", "Other"];
    private static readonly string[] PayerCategories =
    [
        "Nonprofit/NGO", "Foundation/Philanthropist", "Government/Public Sector/Public Bank",
        "Multilateral/Bilateral/Intergovernmental Financial Institution", "Corporate Giving", "Investment Fund", "Other",
    ];
    private static readonly string[] OrganisationTypes =
    [
        "Registered company, partnership or commercial association", "Registered non-profit organisation, charity or foundation",
        "Government body", "Multilateral, bilateral or intergovernmental body", "Arrangement", "Crowdfunding",
        "Unregistered organisation", "Individual", "Collective",
    ];

    /// <summary>The sections that are arrays of rows (each row an object with its own "status").</summary>
    public static readonly IReadOnlySet<string> RowSections = new HashSet<string>(StringComparer.Ordinal)
    {
        "investments", "service_provisions", "outcome_payment_commitments", "outcome_metrics", "outcome_pricings", "results",
        "outcome_payments",
    };

    public static readonly IReadOnlyDictionary<string, IndigoField> Project = Index(
    [
        new("name", IndigoKind.Text),
        new("stage_development", IndigoKind.Code, Stages),
        new("dates/outcomes_contract_signed", IndigoKind.Date),
        new("dates/start_date_of_service_provision", IndigoKind.Date),
        new("dates/anticipated_end_date_of_service_provision", IndigoKind.Date),
        new("overall_project_finance/total_investment_commitment/currency", IndigoKind.Currency),
        new("overall_project_finance/total_investment_commitment/amount/exact", IndigoKind.Number),
        new("overall_project_finance/maximum_potential_outcome_payment_v2/currency", IndigoKind.Currency),
        new("overall_project_finance/maximum_potential_outcome_payment_v2/amount", IndigoKind.Number),
        new("overall_project_finance/total_outcome_payments_made/currency", IndigoKind.Currency),
        new("overall_project_finance/total_outcome_payments_made/amount", IndigoKind.Number),
        new("service_and_beneficiaries/target_population", IndigoKind.Text),
        new("service_and_beneficiaries/targeted_number_service_users_or_beneficiaries_total", IndigoKind.Number),
        new("service_and_beneficiaries/unit_type_targeted_service_users_or_beneficiaries", IndigoKind.Code, UnitTypes),
        new("service_and_beneficiaries/actual_number_service_users_or_beneficiaries_total", IndigoKind.Number),
        new("service_and_beneficiaries/unit_type_actual_service_users_or_beneficiaries", IndigoKind.Code, UnitTypes),
        new("investments[]/organisation_id", IndigoKind.Organisation),
        new("investments[]/organisation_role_category", IndigoKind.Code, InvestorCategories),
        new("investments[]/investment_commitment/currency", IndigoKind.Currency),
        new("investments[]/investment_commitment/amount/exact", IndigoKind.Number),
        new("service_provisions[]/organisation_id", IndigoKind.Organisation),
        new("service_provisions[]/organisation_role_category", IndigoKind.Code, ProviderCategories),
        new("outcome_payment_commitments[]/organisation_id", IndigoKind.Organisation),
        new("outcome_payment_commitments[]/organisation_role_category", IndigoKind.Code, PayerCategories),
        new("outcome_payment_commitments[]/total_outcome_payments/currency", IndigoKind.Currency),
        new("outcome_payment_commitments[]/total_outcome_payments/amount", IndigoKind.Number),
        new("outcome_metrics[]/definition", IndigoKind.Text),
        new("outcome_pricings[]/outcome_metric_id", IndigoKind.Text),
        new("outcome_pricings[]/currency", IndigoKind.Currency),
        new("outcome_pricings[]/price_per_unit/amount", IndigoKind.Number),
        new("outcome_pricings[]/maximum_price_if_all_targets_achieved/amount", IndigoKind.NumberText),
        new("outcome_pricings[]/price_description", IndigoKind.Text),
        new("results[]/outcome_metric_id", IndigoKind.Text),
        new("results[]/result_level", IndigoKind.Code, ["Project level", "Outcome level"]),
        new("results[]/result_type", IndigoKind.Code, ["Interim", "Final"]),
        new("results[]/period/end_date", IndigoKind.Date),
        new("results[]/outcomes_achieved", IndigoKind.Text),
        new("results[]/number_engaged_in_impact_bond", IndigoKind.Number),
        new("results[]/number_with_positive_social_outcomes", IndigoKind.Number),
        new("outcome_payments[]/payer_organisation_id", IndigoKind.Organisation),
        new("outcome_payments[]/type", IndigoKind.Code, ["Planned", "Actual"]),
        new("outcome_payments[]/period/end_date", IndigoKind.Date),
        new("outcome_payments[]/money/currency", IndigoKind.Currency),
        new("outcome_payments[]/money/amount", IndigoKind.Number),
    ]);

    public static readonly IReadOnlyDictionary<string, IndigoField> Organisation = Index(
    [
        new("name", IndigoKind.Text),
        new("type", IndigoKind.Code, OrganisationTypes),
    ]);

    /// <summary>The row fields that are plain strings, not value objects: a row's own id and notes, a section's notes.</summary>
    public static bool IsPlainText(string key) => key is "id" or "notes";

    private static Dictionary<string, IndigoField> Index(IndigoField[] fields) => fields.ToDictionary(f => f.Path, StringComparer.Ordinal);
}
