using System.Globalization;

namespace Bundlinje.Web.Infrastructure;

/// <summary>The names users see for form fields, for messages that the framework writes (model binding, upload limits).</summary>
public static class FieldNames
{
    private static readonly Dictionary<string, (string Danish, string English)> Known = new()
    {
        ["EntryDate"] = ("Dato", "Date"), ["EffectiveOn"] = ("Gælder fra", "Effective from"),
        ["PeriodStart"] = ("Periodens start", "Period start"),
        ["PeriodEnd"] = ("Periodens slutning", "Period end"), ["AsOf"] = ("Opgørelsesdato", "As-of date"),
        ["PaidOn"] = ("Betalingsdato", "Payment date"),
        ["StartedOn"] = ("Startdato", "Start date"), ["AssessedOn"] = ("Dato for vurdering", "Assessment date"),
        ["ApprovedOn"] = ("Godkendt den", "Approved on"),
        ["FiscalYear"] = ("Regnskabsår", "Fiscal year"), ["Year"] = ("År", "Year"), ["Files"] = ("Bilag", "Attachments"),
        ["Upload"] = ("Fil", "File"),
        ["Published"] = ("Offentliggjort regnskab", "Published accounts"), ["RunId"] = ("Kørsel", "Run"),
        ["ObligationId"] = ("Betalingsforpligtelse", "Payment obligation"),
        ["PostingId"] = ("Postering", "Posting"), ["Version"] = ("Version", "Version"),
    };

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Of(string name) =>
        Known.TryGetValue(name, out var known) ? (English ? known.English : known.Danish) : name;
}
