using Bundlinje.Participants;

namespace Bundlinje.Tests.Participants;

public sealed class PseudonymiserTests
{
    internal const string Key = "test-pseudonym-key-0123456789abcdef";

    [Fact]
    public void The_same_cpr_with_or_without_dash_gives_the_same_pseudonym_and_another_key_another()
    {
        var p = new Pseudonymiser(Key);
        Assert.Equal(p.Of("010203-1234"), p.Of("0102031234"));
        Assert.Equal(32, p.Of("0102031234").Length);
        Assert.DoesNotContain("0102031234", p.Of("0102031234"));
        Assert.NotEqual(p.Of("0102031234"), new Pseudonymiser(Key + "x").Of("0102031234"));
    }

    [Theory]
    [InlineData("0102031234", true)]   // fails modulus 11: still a valid CPR since 2007
    [InlineData("010203-1234", true)]
    [InlineData("010203123", false)]
    [InlineData("01020312345", false)]
    [InlineData("0102-031234", false)]
    [InlineData("01020a1234", false)]
    public void A_cpr_is_ten_digits_with_or_without_the_dash(string text, bool valid) =>
        Assert.Equal(valid, Pseudonymiser.Normalise(text) is not null);

    [Fact]
    public void A_short_key_is_refused() => Assert.Throws<ArgumentException>(() => new Pseudonymiser("short"));
}
