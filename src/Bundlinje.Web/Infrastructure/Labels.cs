using Bundlinje.Agreements;
using Bundlinje.Common;
using Bundlinje.Investments;
using Bundlinje.Organisations;

namespace Bundlinje.Web.Infrastructure;

/// <summary>Danish labels for domain values (translated through the shared resource like all UI text).</summary>
public static class Labels
{
    public static string Of(InvestmentStatus s) => s switch
    {
        InvestmentStatus.InDevelopment => "Under udvikling",
        InvestmentStatus.Active => "Aktiv",
        InvestmentStatus.Ended => "Afsluttet",
        InvestmentStatus.TerminatedEarly => "Afsluttet før tid",
        InvestmentStatus.Donation => "Donation",
        _ => s.ToString(),
    };

    public static string Of(PartyRole r) => r switch
    {
        PartyRole.Authority => "Myndighed",
        PartyRole.Provider => "Leverandør",
        PartyRole.Investor => "Investor",
        PartyRole.CoFunder => "Medfinansierende",
        PartyRole.DeficitGuarantor => "Underskudsgarant",
        PartyRole.Donor => "Donor",
        PartyRole.EvaluationFunder => "Finansierer evaluering",
        PartyRole.Partner => "Partner",
        _ => r.ToString(),
    };

    public static string Of(OrganisationKind k) => k switch
    {
        OrganisationKind.Department => "Magistratsafdeling",
        OrganisationKind.Provider => "Leverandør",
        OrganisationKind.Investor => "Investor",
        OrganisationKind.Foundation => "Fond",
        _ => "Anden",
    };

    public static string Of(Fund.LedgerKind k) => k switch
    {
        Fund.LedgerKind.Appropriation => "Bevilling",
        Fund.LedgerKind.RunningCost => "Driftsudgift",
        Fund.LedgerKind.Disbursement => "Udbetaling til indsats",
        Fund.LedgerKind.ResultPayment => "Resultatbetaling",
        Fund.LedgerKind.Donation => "Donation",
        Fund.LedgerKind.GuaranteePayment => "Underskudsgaranti",
        Fund.LedgerKind.Correction => "Korrektion",
        Fund.LedgerKind.Commitment => "Tilsagn",
        Fund.LedgerKind.Payout => "Udbetaling fra outcomefonden",
        _ => k.ToString(),
    };

    public static string Of(Proposals.ProposerType type) => type switch
    {
        Proposals.ProposerType.Department => "En magistratsafdeling",
        Proposals.ProposerType.Ngo => "En frivillig organisation (NGO)",
        Proposals.ProposerType.SocialEnterprise => "En socialøkonomisk virksomhed",
        Proposals.ProposerType.Citizen => "En borger",
        _ => "Et byrådsmedlem",
    };

    public static string Of(Proposals.ProposalStep step) => step switch
    {
        Proposals.ProposalStep.Received => "Modtaget",
        Proposals.ProposalStep.DirectRejection => "Afvist direkte",
        Proposals.ProposalStep.SentForAssessment => "Sendt til faglig belysning",
        Proposals.ProposalStep.AssessmentReceived => "Faglig belysning modtaget",
        Proposals.ProposalStep.RejectedAfterAssessment => "Afvist efter faglig belysning",
        Proposals.ProposalStep.Donation => "Donation",
        Proposals.ProposalStep.TakenIntoDevelopment => "Under udvikling",
        _ => "Igangsat",
    };

    public static string Of(Proposals.Recommendation r) => r switch
    {
        Proposals.Recommendation.TakeIntoDevelopment => "Tag i udvikling",
        Proposals.Recommendation.Donation => "Giv en donation",
        _ => "Afvis",
    };

    public static string Of(DevelopmentPhase p) => p switch
    {
        DevelopmentPhase.Idea => "1 Idé",
        DevelopmentPhase.DataAndDesign => "2 Data og design",
        DevelopmentPhase.BusinessCase => "3a Businesscase",
        DevelopmentPhase.PaymentModel => "3b Betalingsmodel",
        DevelopmentPhase.Implementation => "4 Implementering",
        DevelopmentPhase.FollowUp => "5 Opfølgning",
        _ => "6 Evaluering",
    };

    public static string Of(MaturityLevel m) => m switch
    {
        MaturityLevel.NotMature => "1 Ikke moden",
        MaturityLevel.SlightlyMature => "2 Lidt moden",
        MaturityLevel.PartlyMature => "3 Delvist moden",
        MaturityLevel.Mature => "4 Moden",
        _ => "5 Meget moden",
    };

    public static string Dimension(string dimension) => dimension switch
    {
        nameof(MaturityAssessment.Organisation) => "Organisering",
        nameof(MaturityAssessment.Content) => "Indhold",
        nameof(MaturityAssessment.Anchoring) => "Forankring",
        _ => "Opfølgning",
    };

    public static string Of(ApprovalKind k) => k switch
    {
        ApprovalKind.CouncilDecision => "Rådets beslutning",
        ApprovalKind.Councillor => "Rådmandens godkendelse",
        _ => "Borgmesterens godkendelse",
    };

    public static string Of(Fund.LedgerBasis b) => b == Fund.LedgerBasis.Actual ? "Regnskab" : "Budget";

    public static string Of(Fund.LedgerPot p) => p == Fund.LedgerPot.OutcomeFund ? "Outcomefonden" : "Investeringsfonden";

    public static string Of(Fund.LedgerSource s) => s switch
    {
        Fund.LedgerSource.Import => "Import",
        Fund.LedgerSource.FollowUp => "Opfølgningskørsel",
        Fund.LedgerSource.BusinessCase => "Business case",
        _ => "Manuel",
    };

    /// <summary>Label of an agreement term code; capital terms name the investor.</summary>
    public static (string Label, string? Organisation) Term(string field) => field switch
    {
        AgreementTerms.PlannedParticipants => ("Planlagte deltagere", null),
        AgreementTerms.PeriodStart => ("Periodens start", null),
        AgreementTerms.PeriodEnd => ("Periodens slut", null),
        AgreementTerms.TargetGroup => ("Målgruppe", null),
        AgreementTerms.PaymentModel => ("Betalingsmodel", null),
        _ when field.StartsWith(AgreementTerms.CapitalPrefix, StringComparison.Ordinal) =>
            ("Kapital", field[AgreementTerms.CapitalPrefix.Length..]),
        _ => (field, null),
    };

    /// <summary>An agreement term value, shown da-DK: amounts in kr., dates dd-MM-yyyy.</summary>
    public static string TermValue(string field, string? value)
    {
        if (value is null) return "–";
        if (field.StartsWith(AgreementTerms.CapitalPrefix, StringComparison.Ordinal) &&
            decimal.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var amount))
            return Kroner.Format(amount);
        if (field == AgreementTerms.PlannedParticipants && int.TryParse(value, out var n)) return Kroner.Number(n);
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", out var d)) return Date(d);
        return value;
    }

    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>A stored instant shown in Danish local time.</summary>
    public static string Local(DateTimeOffset at, string format = "dd-MM-yyyy HH:mm:ss") =>
        TimeZoneInfo.ConvertTime(at, Copenhagen).ToString(format, Kroner.Danish);

    public static string Date(DateOnly? d) => d?.ToString("dd-MM-yyyy", Kroner.Danish) ?? "";

    public static string Period(DateOnly? start, DateOnly? end) =>
        start is null && end is null ? "" : $"{Date(start)} – {Date(end)}";
}
