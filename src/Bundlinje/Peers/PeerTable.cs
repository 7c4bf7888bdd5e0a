namespace Bundlinje.Peers;

/// <summary>The INDIGO data types the peer library keeps, each read from one file of the INDIGO CSV export
/// (all-data-by-type/). <see cref="DeliveryLocation"/> is kept too: it is where a project's country is.</summary>
public enum PeerTable
{
    Project, Investment, OutcomePaymentCommitment, OutcomeMetric, OutcomePricing, OutcomePayment, Result, Organisation, Fund,
    DeliveryLocation,
}

public static class PeerTables
{
    /// <summary>Every table with its file in the export, in import order (projects first: the others refer to them).</summary>
    public static readonly IReadOnlyList<(PeerTable Table, string File)> Files =
    [
        (PeerTable.Project, "original_projects.csv"),
        (PeerTable.Investment, "original_projects_investments.csv"),
        (PeerTable.OutcomePaymentCommitment, "original_projects_outcome_payment_commitments.csv"),
        (PeerTable.OutcomeMetric, "original_projects_outcome_metrics.csv"),
        (PeerTable.OutcomePricing, "original_projects_outcome_pricings.csv"),
        (PeerTable.OutcomePayment, "original_projects_outcome_payments.csv"),
        (PeerTable.Result, "original_projects_results.csv"),
        (PeerTable.Organisation, "original_organisations.csv"),
        (PeerTable.Fund, "original_funds.csv"),
        (PeerTable.DeliveryLocation, "original_projects_delivery_locations.csv"),
    ];

    /// <summary>A project's sub-table: its rows name their project in "Project ID" and have no id of their own that is
    /// unique (INDIGO's row ids repeat or are empty), so a row's key is "{project id}#{n}", the n-th row of that
    /// project in the file.</summary>
    public static bool IsSubTable(PeerTable table) => table is not (PeerTable.Project or PeerTable.Organisation or PeerTable.Fund);

    public static string File(PeerTable table) => Files.Single(f => f.Table == table).File;
}
