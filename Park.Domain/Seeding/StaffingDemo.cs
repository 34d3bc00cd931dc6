using System.Globalization;
using Dapper;
using Park.Domain.Data;
using Park.Domain.Staffing;

namespace Park.Domain.Seeding;

/// <summary>
/// Demo staffing for tenant 0 (恒信通): a 30-minute service line with four weeks of history up to
/// last Sunday (weekdays peaking mid-morning and mid-afternoon, lighter weekends, fixed noise), a
/// baseline plan and a "new client" what-if scenario.
/// </summary>
public static class StaffingDemo
{
    public const string LineName = "信用卡客服热线";

    public static async Task SeedAsync(ParkDatabase db, TimeProvider clock, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var tenant = await connection.QuerySingleAsync<(long Id, long ParkId)>(new CommandDefinition(
            "SELECT id, park_id FROM tenants WHERE uscc = @Uscc", new { Uscc = DemoSeed.TenantUscc(0) }, tx, cancellationToken: ct));
        var now = clock.GetUtcNow();
        var lineId = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO staffing_service_lines (park_id, tenant_id, name, interval_seconds, aht_seconds, sl_target_bp, sl_seconds,
                shrinkage_bp, max_occupancy_bp, patience_seconds, max_abandon_bp, agents_per_lead, agents_per_qa, seat_sharing_bp, created_at)
            VALUES (@ParkId, @TenantId, @Name, 1800, 240, 8000, 20, 3000, 8500, NULL, NULL, 15, 25, 10000, @Now)
            RETURNING id
            """, new { tenant.ParkId, TenantId = tenant.Id, Name = LineName, Now = now }, tx, cancellationToken: ct));

        var today = clock.Today();
        var monday = today.AddDays(-WeeklyPattern.WeekOffset(today) - 28);
        var history = History(weeks: 4);
        var start = monday.ToDateTime(TimeOnly.MinValue);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO staffing_volumes (service_line_id, interval_start, offered, handled, aht_seconds, source)
            VALUES (@LineId, @Start, @Offered, @Handled, 240, 'import')
            """, history.Select((v, i) => new
        {
            LineId = lineId, Start = start.AddMinutes(30 * i).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            Offered = v, Handled = Math.Floor(v * 0.96),
        }).Where(r => r.Offered > 0), tx, cancellationToken: ct));

        var line = new ServiceLine
        {
            Id = lineId, ParkId = tenant.ParkId, TenantId = tenant.Id, Name = LineName, IntervalSeconds = 1800, AhtSeconds = 240,
            SlTargetBp = 8000, SlSeconds = 20, ShrinkageBp = 3000, MaxOccupancyBp = 8500, AgentsPerLead = 15, AgentsPerQa = 25, SeatSharingBp = 10000,
        };
        var series = new VolumeHistory(monday, 4, 336, history);
        foreach (var (name, method, growth, plan) in new[] { ("基线预测 Baseline", "seasonal_naive", 0L, 1), ("新项目 +25% New client", "seasonal_naive", 2500L, 0) })
        {
            var requirement = ScenarioStore.Compute(line, series, method, 8, growth, null);
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO staffing_scenarios (park_id, tenant_id, service_line_id, name, method, start_date, weeks, growth_bp, aht_seconds,
                    is_plan, peak_positions, seats_needed, created_at)
                VALUES (@ParkId, @TenantId, @LineId, @Name, @Method, @Start, 8, @Growth, NULL, @Plan, @Peak, @Seats, @Now)
                """, new
            {
                tenant.ParkId, TenantId = tenant.Id, LineId = lineId, Name = name, Method = method, Start = series.NextMonday,
                Growth = growth, Plan = plan, Peak = requirement.PeakPositions, Seats = requirement.SeatsNeeded, Now = now,
            }, tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>Half-hour offered calls: two daily peaks on weekdays, 60% on Saturday, 40% on Sunday, closed 22:00–08:00.</summary>
    internal static double[] History(int weeks)
    {
        var random = new Random(6);
        var values = new double[weeks * 336];
        for (var i = 0; i < values.Length; i++)
        {
            var day = i / 48;
            var hour = i % 48 / 2.0;
            if (hour is < 8 or >= 22)
            {
                continue;
            }

            var shape = 40 + (110 * Math.Exp(-Math.Pow((hour - 10.5) / 1.6, 2))) + (90 * Math.Exp(-Math.Pow((hour - 14.5) / 1.8, 2)));
            var weekday = (day % 7) switch { 5 => 0.6, 6 => 0.4, _ => 1.0 };
            var trend = 1 + (0.01 * (day / 7));
            values[i] = Math.Round(shape * weekday * trend * (0.9 + (0.2 * random.NextDouble())));
        }

        return values;
    }
}
