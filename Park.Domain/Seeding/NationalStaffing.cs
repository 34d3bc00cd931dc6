using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Access;
using Park.Domain.Data;
using Park.Domain.Staffing;

namespace Park.Domain.Seeding;

/// <summary>
/// The national data set's staffing (issue 7): service lines for every active tenant (12345 hotlines
/// for government-hotline operators, one to three client projects for outsourcers, their own lines for
/// in-house centers), a year of imported interval volumes for <see cref="VolumeLines"/> of them (1,000
/// at full size) — exactly the rows a CSV import stores, inside opening hours only — and, on every third
/// line with volumes, a baseline plan and a growth scenario computed by the app's own
/// <see cref="ScenarioStore"/> over the history <see cref="VolumeStore"/> reads back.
/// Bulk SQL through prepared commands, one transaction per park.
/// </summary>
public sealed class NationalStaffing(ServiceLineStore lines, VolumeStore volumes) : INationalSeedExtension
{
    /// <summary>Every park's first government-hotline operator runs this line: 15-minute intervals round the clock.</summary>
    public const string HotlineName = "12345 政务热线";

    private static readonly LineKind Hotline = new(HotlineName, 240, 0, 24, 8_000, 40_000, SeasonKind.Government);

    private static readonly LineKind[] Government =
    [
        new("12345 企业服务专线", 300, 8, 20, 400, 3_000, SeasonKind.Government),
        new("12315 消费者投诉热线", 280, 8, 22, 1_500, 9_000, SeasonKind.Ecommerce),
        new("12366 纳税服务热线", 320, 8, 18, 1_000, 6_000, SeasonKind.Government, Office: true),
        new("12328 交通运输服务热线", 260, 0, 24, 800, 5_000, SeasonKind.Travel),
        new("医保服务热线", 300, 8, 20, 1_000, 8_000, SeasonKind.Government),
    ];

    private static readonly LineKind[] Outsourcing =
    [
        new("信用卡客服", 250, 8, 22, 2_000, 15_000, SeasonKind.Flat),
        new("宽带报修", 300, 8, 22, 800, 8_000, SeasonKind.Summer),
        new("电商售后", 200, 8, 22, 1_500, 20_000, SeasonKind.Ecommerce),
        new("保险理赔报案", 420, 0, 24, 500, 4_000, SeasonKind.Flat),
        new("快递查件", 150, 8, 20, 2_000, 18_000, SeasonKind.Ecommerce),
        new("航空票务", 330, 0, 24, 1_000, 9_000, SeasonKind.Travel),
        new("手机银行客服", 220, 8, 20, 1_000, 10_000, SeasonKind.Flat),
        new("燃气报修", 280, 0, 24, 300, 3_000, SeasonKind.Winter),
        new("家电售后安装", 260, 8, 20, 800, 7_000, SeasonKind.Summer),
        new("新能源汽车车主服务", 310, 8, 22, 500, 5_000, SeasonKind.Flat),
        new("在线教育咨询", 360, 9, 21, 300, 3_000, SeasonKind.Summer),
        new("政企客户服务", 330, 9, 18, 300, 2_500, SeasonKind.Flat, Office: true),
    ];

    private static readonly LineKind[] InHouse =
    [
        new("客户服务热线", 240, 8, 20, 500, 6_000, SeasonKind.Flat),
        new("售后服务热线", 300, 9, 18, 300, 3_000, SeasonKind.Flat, Office: true),
        new("会员服务热线", 210, 8, 22, 400, 4_000, SeasonKind.Ecommerce),
    ];

    public string Name => "staffing";

    public int Order => 60;

    /// <summary>Lines with a year of volumes: 1,000 at full size, in proportion to the seats below it, at least one per park.</summary>
    public static int VolumeLines(NationalSize size)
    {
        ArgumentNullException.ThrowIfNull(size);
        return Math.Min(1000, Math.Max(size.Parks, (int)Math.Round(1000.0 * size.Seats / NationalSize.Full.Seats)));
    }

    /// <summary>The year of volumes: the twelve complete months before the business date's month, [First, End).</summary>
    public static (DateOnly First, DateOnly End) Year(DateOnly today)
    {
        var end = new DateOnly(today.Year, today.Month, 1);
        return (end.AddMonths(-12), end);
    }

    private sealed record PlannedLine(long Id, LineKind Kind, int IntervalSeconds, double DailyBase);

    public async Task RunAsync(NationalSeedContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = context.Connection;
        var (first, end) = Year(context.Clock.Today());
        var days = end.DayNumber - first.DayNumber;
        var now = DapperSetup.ToDbText(context.Clock.GetUtcNow());
        var parks = (await connection.QueryAsync<long>("SELECT id FROM parks WHERE code LIKE 'NAT-%' ORDER BY code")).ToArray();
        var wanted = VolumeLines(context.Size);
        var watch = Stopwatch.StartNew();
        long rows = 0, lineCount = 0, withVolumes = 0, scenarios = 0;
        for (var p = 0; p < parks.Length; p++)
        {
            ct.ThrowIfCancellationRequested();
            var random = new Random(context.Random.Next());
            var quota = (wanted / parks.Length) + (p < wanted % parks.Length ? 1 : 0);
            List<PlannedLine> chosen;
            await using (var tx = connection.BeginTransaction(deferred: false))
            {
                var planned = CreateLines(connection, tx, parks[p], now, random);
                chosen = [.. planned.Where(l => l.Kind == Hotline).Concat(planned.Where(l => l.Kind != Hotline).OrderBy(_ => random.Next())).Take(quota)];
                foreach (var line in chosen)
                {
                    rows += InsertYear(connection, tx, line, first, days, new Random(random.Next()));
                }

                await tx.CommitAsync(ct);
                lineCount += planned.Count;
                withVolumes += chosen.Count;
            }

            for (var i = 0; i < chosen.Count; i += 3)
            {
                scenarios += await AddScenariosAsync(connection, chosen[i].Id, now, ct);
            }

            context.Progress(string.Create(CultureInfo.InvariantCulture,
                $"staffing: park {p + 1}/{parks.Length}: {lineCount:N0} lines, {withVolumes:N0} with a year of volumes ({rows:N0} intervals), {scenarios:N0} scenarios ({watch.Elapsed.TotalSeconds:F0} s)"));
        }
    }

    /// <summary>The park's lines; its first government-hotline operator runs the 15-minute 24-hour 12345 line.</summary>
    private static List<PlannedLine> CreateLines(SqliteConnection connection, SqliteTransaction tx, long parkId, string now, Random random)
    {
        var tenants = connection.Query<(long Id, string Type)>(
            "SELECT id, business_type FROM tenants WHERE park_id = @ParkId AND status = 'active' ORDER BY id", new { ParkId = parkId }, tx).ToArray();
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO staffing_service_lines (park_id, tenant_id, name, interval_seconds, aht_seconds, sl_target_bp, sl_seconds,
                shrinkage_bp, max_occupancy_bp, patience_seconds, max_abandon_bp, agents_per_lead, agents_per_qa, seat_sharing_bp, created_at)
            VALUES ($park, $tenant, $name, $interval, $aht, $sl, $slSeconds, $shrinkage, $occupancy, $patience, $abandon, $lead, $qa, 10000, $now)
            RETURNING id
            """;
        var names = new[] { "$park", "$tenant", "$name", "$interval", "$aht", "$sl", "$slSeconds", "$shrinkage", "$occupancy", "$patience", "$abandon", "$lead", "$qa", "$now" };
        var parameters = names.Select(n => insert.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        insert.Prepare();

        var planned = new List<PlannedLine>();
        var hotlineTaken = false;
        foreach (var (tenantId, type) in tenants)
        {
            foreach (var kind in KindsFor(type, ref hotlineTaken, random))
            {
                var first = kind == Hotline;
                var interval = first ? 900 : random.Next(100) switch { < 12 => 900, < 60 => 1800, _ => 3600 };
                var erlangA = !first && random.Next(100) < 12;
                var values = new object[]
                {
                    parkId, tenantId, kind.Name, interval, kind.AhtSeconds,
                    kind.Season == SeasonKind.Government ? 8500 : 8000, kind.Season == SeasonKind.Government ? 15 : kind.AhtSeconds > 300 ? 30 : 20,
                    2500 + (random.Next(11) * 100), random.Next(2) == 0 ? 8500 : 9000,
                    erlangA ? 60 + (random.Next(5) * 30) : DBNull.Value, erlangA ? 500 : DBNull.Value,
                    12 + random.Next(7), 20 + random.Next(11), now,
                };
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = values[i];
                }

                var id = (long)insert.ExecuteScalar()!;
                var daily = Math.Exp(Math.Log(kind.MinDaily) + (random.NextDouble() * (Math.Log(kind.MaxDaily) - Math.Log(kind.MinDaily))));
                planned.Add(new PlannedLine(id, kind, interval, daily));
            }
        }

        return planned;
    }

    private static IEnumerable<LineKind> KindsFor(string businessType, ref bool hotlineTaken, Random random)
    {
        if (businessType == "gov_hotline")
        {
            var kinds = new List<LineKind>();
            if (!hotlineTaken)
            {
                hotlineTaken = true;
                kinds.Add(Hotline);
            }

            kinds.AddRange(Government.OrderBy(_ => random.Next()).Take(kinds.Count == 0 ? 1 + random.Next(2) : random.Next(2)));
            return kinds;
        }

        var catalog = businessType == "in_house" ? InHouse : Outsourcing;
        var count = businessType == "in_house" ? 1 + random.Next(2) : 1 + random.Next(3);
        return catalog.OrderBy(_ => random.Next()).Take(count).ToArray();
    }

    /// <summary>A year of the line's intervals, as an import of its ACD export stores them; returns the rows written.</summary>
    private static long InsertYear(SqliteConnection connection, SqliteTransaction tx, PlannedLine line, DateOnly first, int days, Random random)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO staffing_volumes (service_line_id, interval_start, offered, handled, aht_seconds, source)
            VALUES ($line, $start, $offered, $handled, $aht, 'import')
            """;
        var lineId = insert.Parameters.Add(new SqliteParameter { ParameterName = "$line", Value = line.Id });
        var start = insert.Parameters.Add(new SqliteParameter { ParameterName = "$start" });
        var offered = insert.Parameters.Add(new SqliteParameter { ParameterName = "$offered" });
        var handled = insert.Parameters.Add(new SqliteParameter { ParameterName = "$handled" });
        var aht = insert.Parameters.Add(new SqliteParameter { ParameterName = "$aht" });
        insert.Prepare();
        GC.KeepAlive(lineId);

        var perDay = 86_400 / line.IntervalSeconds;
        var times = Enumerable.Range(0, perDay)
            .Select(s => TimeOnly.FromTimeSpan(TimeSpan.FromSeconds((double)s * line.IntervalSeconds)).ToString("'T'HH:mm", CultureInfo.InvariantCulture)).ToArray();
        var dayTexts = Enumerable.Range(0, days).Select(d => first.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        long count = 0;
        foreach (var v in NationalStaffingYear.Generate(line.Kind, line.IntervalSeconds, first, days, line.DailyBase, random))
        {
            start.Value = string.Concat(dayTexts[v.Day], times[v.Slot]);
            offered.Value = v.Offered;
            handled.Value = v.Handled;
            aht.Value = v.AhtSeconds;
            insert.ExecuteNonQuery();
            count++;
        }

        return count;
    }

    /// <summary>A baseline plan and a +15% growth what-if, each computed by the app's scenario code over the history as the app reads it.</summary>
    private async Task<int> AddScenariosAsync(SqliteConnection connection, long lineId, string now, CancellationToken ct)
    {
        var line = await lines.GetAsync(AccessScope.System, lineId, ct) ?? throw new InvalidOperationException($"Line {lineId} vanished.");
        var history = await volumes.HistoryAsync(line, ct);
        if (history.Weeks < 1)
        {
            return 0;
        }

        await using var tx = connection.BeginTransaction(deferred: false);
        var scenarios = new[] { ("基线预测 Baseline", "seasonal_naive", 8, 0L, 1), ("业务增长 +15% Growth", "holt_winters", 13, 1500L, 0) };
        foreach (var (name, method, weeks, growth, plan) in scenarios)
        {
            var requirement = ScenarioStore.Compute(line, history, method, weeks, growth, null);
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO staffing_scenarios (park_id, tenant_id, service_line_id, name, method, start_date, weeks, growth_bp, aht_seconds,
                    is_plan, peak_positions, seats_needed, created_at)
                VALUES (@ParkId, @TenantId, @LineId, @Name, @Method, @Start, @Weeks, @Growth, NULL, @Plan, @Peak, @Seats, @Now)
                """, new
            {
                line.ParkId, line.TenantId, LineId = line.Id, Name = name, Method = method, Start = history.NextMonday, Weeks = weeks,
                Growth = growth, Plan = plan, Peak = requirement.PeakPositions, Seats = requirement.SeatsNeeded, Now = now,
            }, tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
        return scenarios.Length;
    }
}
