using Bundlinje.FollowUps.Demo;
using Bundlinje.Participants;

namespace Bundlinje.Tests.FollowUps;

/// <summary>The demo's synthetic data: the same every time, and ids that fit a participant file but cannot be a real CPR.</summary>
public sealed class DemoDataGenerationTests
{
    [Fact]
    public void The_generated_files_are_the_same_on_every_load()
    {
        var (first, second) = (DemoFollowUps.All(), DemoFollowUps.All());
        Assert.Equal(first.Select(d => (d.Investment, d.ParticipantsCsv, d.RegisterCsv)),
            second.Select(d => (d.Investment, d.ParticipantsCsv, d.RegisterCsv)));
        Assert.Equal(DemoFollowUps.Investments, first.Select(d => d.Investment));
    }

    [Fact]
    public void Every_synthetic_id_is_ten_digits_with_a_date_that_does_not_exist()
    {
        var ids = DemoFollowUps.All()
            .SelectMany(d => d.ParticipantsCsv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0])).ToList();
        Assert.Equal(1475 + 86 + 15 + 138, ids.Count); // Housing First: Havnen 32, Hjem, Job og Helhed 54
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id =>
        {
            Assert.NotNull(Pseudonymiser.Normalise(id)); // a participant file takes it
            Assert.Equal("99", id[..2]); // day 99
            Assert.InRange(int.Parse(id[2..4]), 91, 94); // month 91–94
        });
    }

    [Fact]
    public void Flere_kloge_haender_has_83_dropouts_within_six_months_of_admission_among_1475_students()
    {
        var demo = DemoFollowUps.All().Single(d => d.Investment == FlereKlogeHaender.Key);
        var admitted = demo.ParticipantsCsv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => DateOnly.Parse(f[^1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1475, admitted.Count);
        Assert.All(admitted.Values, d => Assert.InRange(d, new DateOnly(2023, 5, 1), new DateOnly(2024, 6, 30)));
        var dropouts = demo.RegisterCsv.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        Assert.Equal(83, dropouts.Count(f => DateOnly.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture) < admitted[f[0]]
            .AddMonths(6)));
        Assert.True(dropouts.Count > 83); // and some later, outside the window
    }
}
