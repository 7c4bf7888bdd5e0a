namespace Bundlinje.Common;

public static class Clock
{
    /// <summary>Today's date where the fund is (the server's local time zone).</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().Date);
}
