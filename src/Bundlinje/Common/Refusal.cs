namespace Bundlinje.Common;

/// <summary>
/// Why the domain refuses something, without its text: a stable <see cref="Code"/> ("ledger.closedYear"), the
/// <see cref="Field"/> it concerns (a form property such as "ApprovedBy", or a JSON path such as "$.entries[3].amount",
/// which the text is prefixed with) and the positional <see cref="Args"/> its text needs. The Danish and English texts
/// live in resources outside the domain (Bundlinje.Data/Texts/Refusals.resx) and are rendered by RefusalText in the
/// reader's language. An argument may itself be a <see cref="Refusal"/> (a translated label or a nested reason) or a
/// list of them.
/// </summary>
public sealed record Refusal(string Code, string? Field, IReadOnlyList<object?> Args)
{
    public static Refusal Of(string code, params object?[] args) => new(code, null, args);

    public static Refusal At(string? field, string code, params object?[] args) => new(code, field, args);

    /// <summary>"{label}: {reason}" — a reason named by a label (a translated <see cref="Refusal"/> or a literal such as a path).</summary>
    public static Refusal Labelled(object label, Refusal reason) => new("at.label", reason.Field, [label, reason]);

    /// <summary>The same refusal at a JSON path (the text is then prefixed with the path).</summary>
    public Refusal AtPath(string path) => this with { Field = path };

    public override string ToString() =>
        (Field is null ? "" : Field + ": ") + Code + (Args.Count == 0 ? "" : "(" + string.Join(", ", Args.Select(Describe)) + ")");

    private static string? Describe(object? arg) => arg switch
    {
        IEnumerable<Refusal> list => "[" + string.Join("; ", list) + "]",
        _ => arg?.ToString(),
    };
}

/// <summary>
/// The one exception a domain refusal is thrown as: one <see cref="Refusal"/>, or a file's many (every bad row or JSON
/// path) under a <see cref="Heading"/> ("Deltagerfilen er afvist (3 fejl)"). Nothing is written when it is thrown.
/// <see cref="Exception.Message"/> holds the codes and arguments (for logs); readers get RefusalText's rendering.
/// </summary>
public sealed class Refused : Exception
{
    public Refused(string code, params object?[] args) : this(Refusal.Of(code, args)) { }

    public Refused(Refusal refusal) : this(null, [refusal]) { }

    public Refused(Refusal? heading, IReadOnlyList<Refusal> problems)
        : base((heading is null ? "" : heading + ": ") + string.Join("; ", problems.Take(20)))
    {
        if (problems.Count == 0) throw new ArgumentException("A refusal needs at least one reason.", nameof(problems));
        Heading = heading;
        Problems = problems;
    }

    public static Refused At(string? field, string code, params object?[] args) => new(Refusal.At(field, code, args));

    /// <summary>"{subject} er afvist ({n} fejl)" over the problems; the subject is a refusal code naming the file.</summary>
    public static Refused File(string subject, IReadOnlyList<Refusal> problems) =>
        new(Refusal.Of("file.rejected", Refusal.Of(subject), problems.Count), problems);

    public Refusal? Heading { get; }

    public IReadOnlyList<Refusal> Problems { get; }

    /// <summary>The first (for a single refusal: the) reason.</summary>
    public Refusal First => Problems[0];

    public string? Field => First.Field;

    public string Code => First.Code;
}
