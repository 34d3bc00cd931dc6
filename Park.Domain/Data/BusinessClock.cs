namespace Park.Domain.Data;

/// <summary>Business days are China's: UTC+8 all year (no daylight saving).</summary>
public static class BusinessClock
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);
}
