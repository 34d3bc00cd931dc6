using System.Globalization;
using Dapper;
using Park.Domain.Data;
using Park.Domain.Staffing;

namespace Park.Tests.Staffing;

public sealed class WeekShapeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static double[] Hours(params (int Hour, double Share)[] given)
    {
        var hours = new double[24];
        foreach (var (hour, share) in given)
        {
            hours[hour] = share;
        }

        return hours;
    }

    [Theory]
    [InlineData(900, 4)]
    [InlineData(1800, 2)]
    [InlineData(3600, 1)]
    public void ToWeekShares_GivesEachIntervalItsDayTimesItsPartOfTheHour(int intervalSeconds, int perHour)
    {
        var shape = new WeekShape([2, 1, 1, 1, 1, 0, 0.5], Hours((9, 3), (10, 1)));
        var shares = shape.ToWeekShares(intervalSeconds);
        var perDay = 24 * perHour;
        Assert.Equal(7 * perDay, shares.Length);
        Assert.Equal(2 * 3.0 / perHour, shares[9 * perHour]); // Monday 09:00
        Assert.Equal(1 * 1.0 / perHour, shares[perDay + (10 * perHour)]); // Tuesday 10:00
        Assert.Equal(0, shares[(5 * perDay) + (9 * perHour)]); // Saturday is closed
        Assert.Equal(0.5 * 3.0 / perHour, shares[(6 * perDay) + (9 * perHour)]); // Sunday 09:00
        Assert.Equal(0, shares[8 * perHour]); // 08:00 has no share
        Assert.Equal((2 + 1 + 1 + 1 + 1 + 0 + 0.5) * 4, shares.Sum(), 9);
    }

    [Fact]
    public void ToWeekShares_TwoHourIntervals_AddTheHoursTheyCover()
    {
        var shares = new WeekShape([1, 0, 0, 0, 0, 0, 0], Hours((9, 3), (10, 1), (11, 5))).ToWeekShares(7200);
        Assert.Equal(new double[] { 3, 1 + 5 }, new[] { shares[4], shares[5] }); // 08:00–10:00 holds hour 9; 10:00–12:00 hours 10 and 11
    }

    [Fact]
    public void Expand_WithAShape_SpreadsTheMonthlyTotalExactlyOverItsDaysAndHours()
    {
        var shares = new WeekShape([0, 0, 0, 0, 0, 1, 1], Hours((10, 1), (11, 1))).ToWeekShares(1800);
        var volumes = WeeklyPattern.Expand(new DateOnly(2026, 3, 1), 9_000, shares, 48);
        Assert.Equal(9_000, volumes.Sum(), 6);
        // March 2026 has 9 weekend days (Sun 1, Sat/Sun 7–8, 14–15, 21–22, 28–29), each 4 open half-hours.
        Assert.Equal(9_000 / 36.0, volumes[20], 9); // Sunday 1 March 10:00
        Assert.Equal(0, volumes[48 + 20]); // Monday 2 March 10:00
        Assert.Equal(0, volumes[19]); // Sunday 09:30
    }

    [Fact]
    public void Validate_NamesEachNegativeShareAndAllZeroGroups()
    {
        var problems = new WeekShape([1, -1, 1, 1, double.NaN, 0, 0], new double[24]).Validate();
        Assert.Equal(
            new (string?, string, int)[] { ("days[1]", StaffingCodes.PatternDayNegative, 2), ("days[4]", StaffingCodes.PatternDayNegative, 5), ("hours", StaffingCodes.PatternHoursZero, -1) },
            problems.Select(p => (p.Field, p.Code, p.Args.Length > 0 ? (int)p.Args[0] : -1)));
        Assert.Equal(StaffingCodes.PatternHourNegative, Assert.Single(new WeekShape([1, 1, 1, 1, 1, 1, 1], Hours((3, -0.5), (9, 1))).Validate()).Code);
        Assert.Equal(StaffingCodes.PatternDaysZero, Assert.Single(new WeekShape(new double[7], Hours((9, 1))).Validate()).Code);
        Assert.Equal(StaffingCodes.PatternShareCount, Assert.Single(new WeekShape([1, 1], Hours((9, 1))).Validate()).Code);
        Assert.Empty(WeekShape.OfficeHours.Validate());
    }

    [Fact]
    public async Task ApplyPattern_WithAShape_FillsOnlyItsDaysAndHours_AndAuditsIt()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var scope = await db.ScopeOfAsync("ops@yunsheng.demo");
        var id = (await db.Get<ServiceLineStore>().CreateAsync(scope, new NewServiceLine("Weekend", 1800, 240, 80, 20, 30, 85), Ct)).Value;
        var shape = new WeekShape([0, 0, 0, 0, 0, 1, 3], Hours((10, 1), (11, 1)));
        var filled = await db.Get<VolumeStore>().ApplyPatternAsync(scope, id, new DateOnly(2026, 3, 1), 9_000, shape, Ct);
        Assert.Equal(31 * 48, filled.Value);

        await using var connection = await db.Db.OpenAsync(Ct);
        var open = (await connection.QueryAsync<(string Start, double Offered)>(
            "SELECT interval_start, offered FROM staffing_volumes WHERE service_line_id = @id AND offered > 0 ORDER BY interval_start", new { id })).ToArray();
        Assert.Equal(9 * 4, open.Length);
        Assert.Equal(9_000, open.Sum(o => o.Offered), 6);
        Assert.All(open, o =>
        {
            var start = DateTime.ParseExact(o.Start, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
            Assert.Contains(start.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
            Assert.InRange(start.Hour, 10, 11);
        });
        var sunday = open.Where(o => o.Start.StartsWith("2026-03-08T10:00", StringComparison.Ordinal)).Single().Offered;
        var saturday = open.Where(o => o.Start.StartsWith("2026-03-07T10:00", StringComparison.Ordinal)).Single().Offered;
        Assert.Equal(3 * saturday, sunday, 9);
        var details = await connection.QuerySingleAsync<string>(
            "SELECT details FROM audit_events WHERE action = 'staffing.volumes.pattern' AND target_id = @Target", new { Target = id.ToString(CultureInfo.InvariantCulture) });
        Assert.Contains("2026-03 total 9000, weekdays 0/0/0/0/0/1/3", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyPattern_WithABadShape_IsInvalidAndWritesNothing()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var scope = await db.ScopeOfAsync("ops@yunsheng.demo");
        var id = (await db.Get<ServiceLineStore>().CreateAsync(scope, new NewServiceLine("Broken", 1800, 240, 80, 20, 30, 85), Ct)).Value;
        var result = await db.Get<VolumeStore>().ApplyPatternAsync(scope, id, new DateOnly(2026, 3, 1), 9_000, new WeekShape(new double[7], Hours((9, 1))), Ct);
        Assert.Equal((ErrorKind.Invalid, StaffingCodes.PatternDaysZero, "days"), (result.Problem!.Kind, result.Problem.Code, result.Problem.Field));
        await using var connection = await db.Db.OpenAsync(Ct);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM staffing_volumes WHERE service_line_id = @id", new { id }));
    }
}
