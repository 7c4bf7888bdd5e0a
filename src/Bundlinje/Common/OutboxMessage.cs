namespace Bundlinje.Common;

/// <summary>
/// A message the system has to send (a receipt to a proposer, a request to assessors). Written in the same save as
/// the change it tells about; a sender delivers it by SMTP when one is configured, otherwise it waits in the outbox.
/// </summary>
public sealed class OutboxMessage : Entity
{
    public int? FundId { get; set; }
    public string? ProposalReference { get; set; }
    /// <summary>Who it is for, as a person reads it (e.g. a department's analysts).</summary>
    public required string Recipient { get; set; }
    /// <summary>E-mail addresses, comma-separated; empty when nobody with an address is known.</summary>
    public string? Addresses { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

/// <summary>Where messages to a department's assessors go: the addresses of its analysts.</summary>
public interface IAssessorDirectory
{
    Task<IReadOnlyList<string>> AddressesAsync(string organisationKey, CancellationToken ct = default);
}
