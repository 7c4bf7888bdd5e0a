using Bundlinje.Common;
using Bundlinje.Data.Peers;
using Bundlinje.Data.Texts;
using Bundlinje.Peers;

namespace Bundlinje.Tests.Peers;

/// <summary>The strict CSV reader, the field grouping and the revision plan, without a database.</summary>
public sealed class PeerParsingTests
{
    private static (PeerSheet? Sheet, List<string> Problems) Read(string text)
    {
        var problems = new List<Refusal>();
        var sheet = IndigoCsv.Read(PeerTable.Fund, "f.csv", text, problems);
        return (sheet, problems.Select(p => RefusalText.Render(p, RefusalText.Danish)).ToList());
    }

    [Fact]
    public void Quoted_cells_keep_commas_doubled_quotes_and_line_breaks_and_rows_are_counted_as_records()
    {
        var (sheet, problems) = Read("\uFEFFID,Name - (Value)\r\nA,\"one, \"\"two\"\"\r\nthree\"\r\nB,plain\r\n");
        Assert.Empty(problems);
        Assert.Equal(["ID", "Name - (Value)"], sheet!.Header);
        Assert.Equal([(2, "A", "one, \"two\"\r\nthree"), (3, "B", "plain")], sheet.Rows.Select(r => (r.Row, r.Cells[0], r.Cells[1])));
    }

    [Theory]
    [InlineData("ID,Name\nA,\"never closed\nB,x\n", "f.csv, række 2: et citationstegn åbnet i linje 2 lukkes aldrig.")]
    [InlineData("ID,Name\nA,x\nB,a\"b\n", "f.csv, række 3: citationstegn midt i et felt uden citationstegn (linje 3).")]
    [InlineData("ID,Name\nA,\"x\"y\n", "f.csv, række 2: tekst efter et lukkende citationstegn (linje 2).")]
    [InlineData("ID,Name\nA,x,extra\n", "f.csv, række 2: rækken har 3 felter, overskriften 2.")]
    public void A_malformed_row_is_a_problem_with_file_and_row(string text, string expected) =>
        Assert.Contains(expected, Read(text).Problems);

    [Fact]
    public void A_fields_value_status_and_sources_columns_become_one_field_and_empty_fields_are_left_out()
    {
        var fields = PeerFields.Group(["ID", "Name - (Value)", "Name - (Status)", "Name - (Source ID's)", "Notes"],
            ["X", "Peer", "PRIVATE", "source1", ""]);
        Assert.Equal([new PeerField("ID", "X"), new PeerField("Name", "Peer", "PRIVATE", "source1")], fields);
        Assert.Equal(fields, PeerFields.FromJson(PeerFields.ToJson(fields)));
        Assert.Equal("PUBLIC", fields[0].ShownStatus);
        Assert.Equal("PRIVATE", fields[1].ShownStatus);
    }

    [Theory]
    [InlineData("2018", 2018)]
    [InlineData("2018-12", 2018)]
    [InlineData("2021-09-30", 2021)]
    [InlineData("Sept 2021", null)]
    [InlineData("2018-13", null)]
    public void A_year_is_read_from_the_three_date_forms_of_the_standard(string text, int? year) =>
        Assert.Equal(year, PeerProjectFacts.ParseYear(text));

    [Theory]
    [InlineData("2022-05", "2030-05", 96)]
    [InlineData("2021-12-01", "2024-12", 36)]
    [InlineData("2022", "2030-05", null)]
    [InlineData("2024-03", null, null)]
    public void A_duration_without_its_field_is_the_months_from_start_to_end(string? start, string? end, int? months) =>
        Assert.Equal(months, PeerColumn.Months(start, end));

    private static PeerRow Row(string key, string json) => new(PeerTable.Fund, key, null, [], json, 2);

    [Fact]
    public void The_plan_adds_new_rows_revises_changed_and_returning_ones_withdraws_gone_ones_and_leaves_the_rest()
    {
        PeerCurrent Now(string key, int revision, string fields, bool withdrawn = false) =>
            new(PeerTable.Fund, key, revision, withdrawn, fields, null);
        var (records, counts) = PeerPlan.Diff(
            [Now("same", 1, "a"), Now("changed", 3, "old"), Now("gone", 2, "g"), Now("back", 2, "b", withdrawn: true)],
            [Row("same", "a"), Row("changed", "new"), Row("back", "b"), Row("new", "n")]);
        Assert.Equal([("changed", 4, false, "new"), ("back", 3, false, "b"), ("new", 1, false, "n"), ("gone", 3, true, "g")],
            records.Select(r => (r.Key, r.Revision, r.Withdrawn, r.Fields)));
        Assert.Equal(new PeerTableCount(PeerTable.Fund, 4, 1, 2, 1, 1), counts.Single(c => c.Table == PeerTable.Fund));
    }
}
