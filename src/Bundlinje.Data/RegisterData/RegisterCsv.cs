using System.Text;
using Bundlinje.FollowUps;
using Bundlinje.Common;
using Bundlinje.Participants;

namespace Bundlinje.Data.RegisterData;

/// <summary>
/// Reads a register extract (CSV, RFC 4180: comma, double quotes) as a stream and writes the staged file DuckDB loads:
/// line, person (the pseudonym, or "!" and the length of what was not a CPR number), measure, f, t, v, unit, cprlike (the
/// first other column holding a CPR-shaped value, whose value is then left out). Only pseudonyms reach the output.
/// </summary>
public static class RegisterCsv
{
    /// <summary>What the staged file holds instead of a value that is not a CPR number: its length, never the value.</summary>
    public static string NotACpr(string? value) => "!" + (value?.Trim().Length ?? 0);

    /// <summary>Writes the staged file; returns the number of records written (the rows DuckDB must load).</summary>
    public static long Pseudonymise(Stream input, Stream output, Pseudonymiser pseudonymiser, IReadOnlyList<string> required)
    {
        using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16,
            leaveOpen: true);
        using var writer = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true);
        var records = Records(reader).GetEnumerator();
        if (!records.MoveNext()) throw RegisterRejected.With(Refusal.Of("register.empty", RegisterRejected.Line(1)));
        var header = records.Current.Fields.Select(h => h.Trim()).ToList();
        if (header.Any(CprLike.In)) throw RegisterRejected.With(Refusal.Of("import.headerLooksLikeCpr", RegisterRejected.Line(1)));
        if (header.Any(h => h.Length == 0)) throw RegisterRejected.With(Refusal.Of("register.headerNotCsv", RegisterRejected.Line(1)));
        var missing = required.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
            throw RegisterRejected.With(
                Refusal.Of("import.columnsMissing", RegisterRejected.Line(1), string.Join(", ", missing), string.Join(", ", required)));
        var index = required.ToDictionary(c => c, c => header.FindIndex(h => h.Equals(c, StringComparison.OrdinalIgnoreCase)));
        var cprColumn = index["cpr"];
        var columns = new[] { "measure", "from", "to", "value", "unit" }.Select(c => index[c]).ToArray();

        var problems = new List<Refusal>();
        var cprShaped = new bool[header.Count];
        // Extracts list a person's rows together: the previous row's pseudonym is reused for the same CPR (one HMAC per run of rows).
        string? previousCpr = null, previousPerson = null;
        long written = 0;
        writer.Write("\"line\",\"person\",\"measure\",\"f\",\"t\",\"v\",\"unit\",\"cprlike\"\n");
        while (records.MoveNext())
        {
            var (line, fields) = records.Current;
            if (fields.Count == 1 && fields[0].Length == 0) continue; // a blank line
            if (fields.Count != header.Count)
            {
                if (problems.Count < 50) problems.Add(
                    Refusal.Of("register.fieldCount", RegisterRejected.Line(line), fields.Count, header.Count));
                continue;
            }
            var cpr = fields[cprColumn];
            if (cpr != previousCpr)
                (previousCpr, previousPerson) = (cpr, Pseudonymiser.Normalise(cpr) is null ? NotACpr(cpr) : pseudonymiser.Of(cpr));
            // Each other field is checked once: a CPR-shaped value is left out, and the first such column is named.
            var cprLike = "";
            for (var i = 0; i < fields.Count; i++)
            {
                cprShaped[i] = i != cprColumn && CprLike.In(fields[i]);
                if (cprShaped[i] && cprLike.Length == 0) cprLike = header[i];
            }
            writer.Write(line);
            WriteQuoted(writer, previousPerson!);
            foreach (var column in columns) WriteQuoted(writer, cprShaped[column] ? "" : fields[column]);
            WriteQuoted(writer, cprLike);
            writer.Write('\n');
            written++;
        }
        if (problems.Count > 0) throw RegisterRejected.With(problems);
        return written;
    }

    /// <summary>A comma and the text as a quoted CSV field.</summary>
    private static void WriteQuoted(TextWriter writer, string text)
    {
        writer.Write(",\"");
        writer.Write(text.Contains('"') ? text.Replace("\"", "\"\"") : text);
        writer.Write('"');
    }

    /// <summary>Records with the line each starts on; a quoted field may hold commas, doubled quotes and line breaks.</summary>
    private static IEnumerable<(long Line, List<string> Fields)> Records(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        long line = 1, start = 1;
        bool quoted = false, wasQuoted = false, any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else { if (c == '\n') line++; field.Append((char)c); }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !wasQuoted: quoted = wasQuoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); wasQuoted = false; break;
                case '\r' when reader.Peek() == '\n': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear(); wasQuoted = false;
                    yield return (start, fields);
                    fields = []; any = false; start = ++line;
                    break;
                default: field.Append((char)c); break;
            }
        }
        if (quoted) throw RegisterRejected.With(Refusal.Of("register.unclosedQuote", RegisterRejected.Line(start)));
        if (any) { fields.Add(field.ToString()); yield return (start, fields); }
    }
}
