namespace Park.Tests.Support;

/// <summary>A clock tests can set and move.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public static TestClock At(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 2, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
