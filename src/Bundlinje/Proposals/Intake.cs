using System.Security.Cryptography;
using Bundlinje.Common;
using Microsoft.EntityFrameworkCore;

namespace Bundlinje.Proposals;

/// <summary>A file sent with a proposal; kept in the database with its hash.</summary>
public sealed class ProposalAttachment
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public Proposal? Proposal { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
}

public sealed record IntakeFile(string FileName, byte[] Content);

/// <summary>A proposal from the public form, before it is checked.</summary>
public sealed record IntakeForm(
    ProposerType? ProposerType, string? Proposer, string? Contact, string? Title, string? Problem, string? TargetGroup,
    string? Intervention, string? Evidence, string? ExpectedEffect, string? CallKey, IReadOnlyList<IntakeFile> Files);

/// <summary>
/// Receives proposals from the public: every field checked on the server with a message per field, one contact address,
/// attachments checked by their structure (<see cref="AttachmentCheck"/>) and stored under their row id with a
/// sanitised name (<see cref="AttachmentName"/>), nothing stored unless all holds. Text is stored as written and shown encoded wherever it
/// appears.
/// </summary>
public sealed class Intake(IBundlinjeStore store, TimeProvider clock)
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 5;

    /// <summary>What is wrong with the form, at most one reason per field (keyed by the field); empty when it may be submitted.</summary>
    public static Dictionary<string, Refusal> Check(IntakeForm form)
    {
        var problems = new Dictionary<string, Refusal>();
        void Problem(string field, string code, params object?[] args) => problems[field] = Refusal.At(field, code, args);
        void Required(string field, string? value, string label, int max)
        {
            if (string.IsNullOrWhiteSpace(value)) Problem(field, "form.required", Refusal.Of(label));
            else if (value.Length > max) Problem(field, "form.tooLong", Refusal.Of(label), max);
        }
        if (form.ProposerType is null) Problem("ProposerType", "intake.chooseProposerType");
        Required("Proposer", form.Proposer, "label.proposer", 300);
        Required("Contact", form.Contact, "label.email", 300);
        if (!problems.ContainsKey("Contact") && !IsOneAddress(form.Contact!.Trim())) Problem("Contact", "intake.oneAddress");
        Required("Title", form.Title, "label.title", 300);
        Required("Problem", form.Problem, "label.problem", 5000);
        Required("TargetGroup", form.TargetGroup, "label.targetGroup", 5000);
        Required("Intervention", form.Intervention, "label.intervention", 5000);
        if (form.Evidence?.Length > 5000) Problem("Evidence", "form.tooLong", Refusal.Of("label.evidence"), 5000);
        if (form.ExpectedEffect?.Length > 5000) Problem("ExpectedEffect", "form.tooLong", Refusal.Of("label.expectedEffect"), 5000);
        if (form.Files.Count > MaxFiles) Problem("Files", "intake.tooManyFiles", MaxFiles);
        foreach (var file in form.Files)
        {
            var name = AttachmentName.Sanitise(file.FileName);
            if (file.Content.Length > MaxFileBytes) { Problem("Files", "intake.fileTooLarge", name, MaxFileBytes / 1024 / 1024); break; }
            if (AttachmentCheck.Inspect(file.FileName, file.Content).Refusal is { } why)
            {
                Problem("Files", "intake.attachmentRefused", name, why);
                break;
            }
        }
        return problems;
    }

    /// <summary>Exactly one address as written: MailAddress must accept it and give it back unchanged (no display
    /// name, no list, no line break), so a receipt can never be sent to more than the one address.</summary>
    public static bool IsOneAddress(string text) =>
        text.Length <= 254 && text.IndexOfAny([',', ';', '\r', '\n', '<', '>', ' ', '\t']) < 0
        && System.Net.Mail.MailAddress.TryCreate(text, out var address) && address.DisplayName.Length == 0
        && string.Equals(address.Address, text, StringComparison.Ordinal) && address.Host.Contains('.');

    /// <summary>The content type by what the file is, not what it is called; null when it is not an acceptable attachment.</summary>
    public static string? Kind(IntakeFile file) => AttachmentCheck.Inspect(file.FileName, file.Content).ContentType;

    /// <summary>Stores a checked proposal with its "received" step and attachments in one save; returns its reference.</summary>
    public async Task<string> SubmitAsync(string fundKey, IntakeForm form, CancellationToken ct = default)
    {
        if (Check(form) is { Count: > 0 } problems) throw new Refused(null, [.. problems.Values]);
        var fund = await store.Funds.FirstOrDefaultAsync(f => f.Key == fundKey, ct) ?? throw new Refused("fund.unknown", fundKey);
        var today = clock.Today();
        Call? call = null;
        if (!string.IsNullOrEmpty(form.CallKey))
            call = await store.Calls.Where(Calls.OpenOn(today)).FirstOrDefaultAsync(c => c.FundId == fund.Id && c.Key == form.CallKey, ct)
                ?? throw Refused.At("CallKey", "intake.callNotOpen");
        var prefix = $"{(call is null ? "H" : "T")}-{today.Year}-";
        // The reference is the next number of the fund's year; the unique index (FundId, Reference) decides when two
        // citizens submit at once, and the one who lost the number simply gets the next: no proposal is lost.
        for (var attempt = 1; ; attempt++)
        {
            var taken = await store.Proposals.CountAsync(p => p.FundId == fund.Id && p.Reference.StartsWith(prefix), ct);
            var proposal = Add(fund.Id, $"{prefix}{taken + 1:000}", form, call, today);
            try
            {
                await store.SaveChangesAsync(ct);
                return proposal.Reference;
            }
            catch (DbUpdateException e) when (StoreConflict.IsUniqueViolation(e) && attempt < MaxReferenceAttempts)
            {
                StoreConflict.ForgetAdded(store);
                await Task.Delay(Random.Shared.Next(5, 40) * attempt, ct);
            }
        }
    }

    /// <summary>How often a submission takes the next reference when others took it first (each try, someone wins).</summary>
    private const int MaxReferenceAttempts = 25;

    private Proposal Add(int fundId, string reference, IntakeForm form, Call? call, DateOnly today)
    {
        var proposal = new Proposal
        {
            FundId = fundId, Reference = reference, Title = form.Title!.Trim(), ProposerType = form.ProposerType!.Value,
            Proposer = form.Proposer!.Trim(), Problem = form.Problem, TargetGroup = form.TargetGroup, Intervention = form.Intervention,
            Evidence = form.Evidence, ExpectedEffect = form.ExpectedEffect,
            ReceivedOn = today, Call = call,
            Contact = form.Contact!.Trim(),
            Events = [new ProposalEvent { Step = ProposalStep.Received, On = today, By = "offentlig formular" }],
        };
        store.Proposals.Add(proposal);
        store.OutboxMessages.Add(ProposerMessages.For(proposal, ProposalStep.Received, clock.GetUtcNow())!);
        foreach (var file in form.Files)
            store.ProposalAttachments.Add(new ProposalAttachment
            {
                Proposal = proposal, FileName = AttachmentName.Sanitise(file.FileName), ContentType = Kind(file)!,
                Size = file.Content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content)), Content = file.Content,
            });
        return proposal;
    }
}
