using System.Globalization;
using System.Security.Cryptography;
using Bundlinje.Common;
using Bundlinje.Payments;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Bundlinje.Participants;

public sealed class ParticipantsRejected(IReadOnlyList<string> problems)
    : Exception($"Deltagerfilen er afvist ({problems.Count} fejl): " + string.Join("; ", problems.Take(20)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

public sealed record ParticipantImportResult(int Added, int Updated);

/// <summary>
/// Imports participants from CSV or XLSX with the columns cpr, cohort, group (treatment|control), enrolled (yyyy-mm-dd)
/// and optionally status (active|completed|droppedOut) and statusDate. The CPR is pseudonymised as the row is read and
/// never stored, logged or repeated in a message. All rows or none: any problem rejects the file with row-level messages.
/// A person already in the investment keeps cohort, group and enrolment date; only the status is updated.
/// </summary>
public sealed class ParticipantImporter(IBundlinjeStore store, ParticipantStore participants, Pseudonymiser pseudonymiser,
    ICurrentUser user, TimeProvider clock)
{
    private static readonly string[] Required = ["cpr", "cohort", "group", "enrolled"];

    /// <summary>The largest participant file read (about a million rows of CSV); it is read into memory, never to disk.</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>How many new participants one save writes before the change tracker forgets them.</summary>
    private const int SaveChunk = 10_000;

    public async Task<ParticipantImportResult> ImportAsync(string investmentKey, string fileName, Stream content,
        CancellationToken ct = default)
    {
        var investment = await store.Investments.FirstOrDefaultAsync(i => i.Key == investmentKey, ct)
            ?? throw new ParticipantsRejected([$"Ukendt investering '{investmentKey}'."]);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        for (int read; (read = await content.ReadAsync(chunk, ct)) > 0;)
        {
            if (buffer.Length + read > MaxBytes)
                throw new ParticipantsRejected([$"Fil: filen er større end {MaxBytes / 1024 / 1024} MB; del den op."]);
            buffer.Write(chunk, 0, read);
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        buffer.Position = 0;
        var rows = Read(fileName, buffer);
        var problems = new List<string>();
        if (rows.Count == 0) throw new ParticipantsRejected(["Filen har ingen rækker."]);
        var missing = Required.Where(c => !rows[0].ContainsKey(c)).ToList();
        if (rows[0].Keys.Any(CprLike.In))
            throw new ParticipantsRejected(["Række 1: en kolonneoverskrift ligner et CPR-nummer (mangler overskriftslinjen?)."]);
        if (missing.Count > 0)
            throw new ParticipantsRejected(
                [$"Række 1: kolonnen {string.Join(", ", missing)} mangler (skal have: {string.Join(", ", Required)})."]);

        var existing = await participants.Of(investment.Id).ToDictionaryAsync(p => p.Pseudonym, ct);
        var seen = new Dictionary<string, int>();
        var added = new List<Participant>();
        var updated = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i]; var line = i + 2;
            string Raw(string column) => row.TryGetValue(column, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim()
                ?? "" : "";
            // A CPR number anywhere but the cpr column is refused, and its value is never repeated or stored.
            var cprLike = row.Keys.Where(c => !c.Equals("cpr", StringComparison.OrdinalIgnoreCase) && CprLike.In(Raw(c))).ToList();
            foreach (var column in cprLike) problems.Add(CprLike.Refusal($"Række {line}", column));
            if (cprLike.Count > 0) continue;
            string Text(string column) => Raw(column);
            var cpr = Text("cpr");
            if (Pseudonymiser.Normalise(cpr) is null)
            {
                problems.Add($"Række {line}, cpr: skal være 10 cifre (ddmmåå-xxxx eller ddmmååxxxx), fandt {cpr.Length} tegn.");
                continue;
            }
            var pseudonym = pseudonymiser.Of(cpr);
            if (seen.TryGetValue(pseudonym, out var first))
            {
                problems.Add($"Række {line}, cpr: samme person som i række {first}.");
                continue;
            }
            seen[pseudonym] = line;
            var cohort = Text("cohort");
            if (cohort.Length is 0 or > 40) problems.Add($"Række {line}, cohort: skal udfyldes (højst 40 tegn).");
            ParticipantGroup? group = Text("group")
                .ToLowerInvariant() switch
            { "treatment" => ParticipantGroup.Treatment, "control" => ParticipantGroup.Control, _ => null };
            if (group is null) problems.Add($"Række {line}, group: '{Text("group")}' skal være treatment eller control.");
            var enrolled = Date(row, "enrolled");
            if (enrolled is null) problems.Add($"Række {line}, enrolled: '{Text("enrolled")}' er ikke en dato (yyyy-mm-dd).");
            ParticipantStatus? status = Text("status").ToLowerInvariant() switch
            {
                "" or "active" => ParticipantStatus.Active,
                "completed" => ParticipantStatus.Completed,
                "droppedout" => ParticipantStatus.DroppedOut,
                _ => null,
            };
            if (status is null) problems.Add($"Række {line}, status: '{Text("status")}' skal være active, completed eller droppedOut.");
            var statusOn = Text("statusDate") == "" ? null : Date(row, "statusDate");
            if (Text("statusDate") != "" && statusOn is null) problems.Add(
                $"Række {line}, statusDate: '{Text("statusDate")}' er ikke en dato (yyyy-mm-dd).");
            if (problems.Count > 0 || group is null || enrolled is null || status is null) continue;
            if (existing.TryGetValue(pseudonym, out var known))
            {
                if (known.Cohort != cohort || known.Group != group || known.EnrolledOn != enrolled)
                    problems.Add($"Række {line}: personen er allerede indskrevet med en anden kohorte, gruppe eller indskrivningsdato; "
                        + "kun status kan ændres.");
                else if (known.Status != status || known.StatusOn != statusOn)
                {
                    (known.Status, known.StatusOn) =
                    (status.Value, statusOn); updated++;
                }
                continue;
            }
            added.Add(new Participant
            {
                InvestmentId = investment.Id, Pseudonym = pseudonym, Cohort = cohort, Group = group.Value,
                EnrolledOn = enrolled.Value, Status = status.Value, StatusOn = statusOn
            });
        }
        if (problems.Count > 0) throw new ParticipantsRejected(problems);
        store.ParticipantImports.Add(new ParticipantImport
        {
            InvestmentId = investment.Id, FileName = CprLike.Mask(Path.GetFileName(fileName)), ContentHash = hash, Added = added.Count,
            Updated = updated,
            ImportedBy = user.Name, ImportedAt = clock.GetUtcNow(),
        });
        // All rows or none, in one transaction; new participants are saved in chunks and forgotten by the change tracker
        // once saved, so a file of a million rows does not hold a million tracked entities (docs/performance.md).
        await using var transaction = await store.Database.BeginTransactionAsync(ct);
        await store.SaveChangesAsync(ct);
        foreach (var part in added.Chunk(SaveChunk))
        {
            participants.Add(part);
            await store.SaveChangesAsync(ct);
            store.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(ct);
        return new ParticipantImportResult(added.Count, updated);
    }

    private static List<IDictionary<string, object?>> Read(string fileName, Stream content)
    {
        var type = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => ExcelType.CSV,
            ".xlsx" => ExcelType.XLSX,
            var other => throw new ParticipantsRejected([$"Filtypen '{other}' kendes ikke; brug .csv eller .xlsx."]),
        };
        try
        {
            // No shared-strings cache on disk: MiniExcel would otherwise spill a large sheet's strings (CPR numbers) to the temp folder.
            var configuration = type == ExcelType.XLSX ? new MiniExcelLibs.OpenXml.OpenXmlConfiguration { EnableSharedStringCache = false }
                : null;
            return content.Query(useHeaderRow: true, excelType: type, configuration: configuration).Cast<IDictionary<string, object?>>()
                .Select(r => (IDictionary<string, object?>)r.ToDictionary(kv => kv.Key.Trim(), kv => kv.Value,
                    StringComparer.OrdinalIgnoreCase)).ToList();
        }
        catch (Exception e) when (e is not ParticipantsRejected and not OutOfMemoryException)
        {
            throw new ParticipantsRejected([$"Filen kan ikke læses som {type}: {e.Message}"]);
        }
    }

    private static DateOnly? Date(IDictionary<string, object?> row, string column) => row.TryGetValue(column, out var v) ? v switch
    {
        DateTime d => DateOnly.FromDateTime(d),
        string s when DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => null,
    } : null;
}
