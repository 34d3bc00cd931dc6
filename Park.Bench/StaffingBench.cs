using System.Diagnostics;
using System.Globalization;
using Park.Domain.Seeding;
using Park.Domain.Staffing;

namespace Park.Bench;

/// <summary>
/// Staffing measures (issue #6): the 10,000-line requirement, every line computed through the app's
/// Requirement; and the synthetic years and the straightforward O(N²) Erlang C (Erlang B recomputed from zero
/// for every candidate N) that <see cref="EngineBenchmarks"/> times the engine on and against.
/// </summary>
internal static class StaffingBench
{
    public const string Group = "Staffing (in-process; one thread unless a row says otherwise) — baseline = straightforward Erlang C written in the bench";
    private const int IntervalsPerYear = 365 * 96;
    private const int NationalLines = 10_000;

    public static async Task RunAsync(List<Measure> measures)
    {
        var c = CultureInfo.InvariantCulture;
        // 10,000 lines, every one computed (no sampling): import-shaped years (whole calls) of varied size
        // and handle time, each staffed through the app's Requirement, lines spread over every core.
        var cores = Environment.ProcessorCount;
        GC.KeepAlive(Requirement.Compute(DateTime.MinValue, WholeCalls(Year(1_000, 300, seed: 99)), Targets(300)));
        var watch = Stopwatch.StartNew();
        var positions = 0L;
        var computeTicks = 0L;
        Parallel.For(0, NationalLines, new ParallelOptions { MaxDegreeOfParallelism = cores }, i =>
        {
            var random = new Random(100 + i);
            var daily = Math.Exp(Math.Log(200) + (random.NextDouble() * (Math.Log(20_000) - Math.Log(200))));
            var aht = 180 + random.Next(0, 421);
            var volumes = WholeCalls(Year(daily, aht, seed: 100 + i));
            var started = Stopwatch.GetTimestamp();
            var plan = Requirement.Compute(new DateTime(2025, 1, 6), volumes, Targets(aht));
            Interlocked.Add(ref computeTicks, Stopwatch.GetTimestamp() - started);
            Interlocked.Add(ref positions, plan.PeakPositions);
        });
        var wallMs = watch.Elapsed.TotalMilliseconds;
        var computeMs = computeTicks * 1000.0 / Stopwatch.Frequency;
        measures.Add(new Measure(Group,
            string.Create(c, $"Requirement of {NationalLines:N0} service lines × {IntervalsPerYear:N0} 15-minute intervals (a FULL run, every line computed; 200–20,000 calls a weekday log-uniform, AHT 180–600 s, whole calls as imported) through the app's Requirement, lines on all {cores} cores"),
            new Stats(1, wallMs, wallMs, wallMs), null, new Target(120_000),
            string.Create(c, $"wall time including generating the synthetic years; Requirement.Compute alone summed {computeMs / 1000:F1} s of core time, {computeMs / NationalLines:F1} ms a line; Σ peak positions {positions:N0}")));
    }

    private static double[] WholeCalls(StaffingRequest[] year) => year.Select(r => Math.Round((double)r.Volume)).ToArray();

    private static LineTargets Targets(int ahtSeconds) => new(900, ahtSeconds, 0.8, 20, 0.3m, 0.9m, null, null, 15, 25, 1m);

    /// <summary>A year of 15-minute intervals: open 08:00–22:00 with a two-peak day, weekends at 40%, a mild yearly swing.</summary>
    internal static StaffingRequest[] Year(double dailyCalls, int ahtSeconds, int seed)
    {
        var random = new Random(seed);
        var result = new StaffingRequest[IntervalsPerYear];
        double[] shape = new double[96];
        for (var q = 32; q < 88; q++)
        {
            var hour = q / 4.0;
            shape[q] = 0.3 + Math.Exp(-Math.Pow((hour - 10.5) / 1.5, 2)) + (0.8 * Math.Exp(-Math.Pow((hour - 15) / 2, 2)));
        }

        var shapeSum = shape.Sum();
        for (var day = 0; day < 365; day++)
        {
            var weekday = day % 7 < 5 ? 1.0 : 0.4;
            var season = 1 + (0.15 * Math.Sin(day / 365.0 * 2 * Math.PI));
            for (var q = 0; q < 96; q++)
            {
                var volume = dailyCalls * weekday * season * shape[q] / shapeSum * (0.9 + (0.2 * random.NextDouble()));
                result[(day * 96) + q] = new StaffingRequest(Math.Round((decimal)volume, 2), 900, ahtSeconds, 0.8, 20, 0.3m, 0.9m);
            }
        }

        return result;
    }

    internal static long SumAgents(StaffingRequest[] year)
    {
        var sum = 0L;
        for (var i = 0; i < year.Length; i++)
        {
            sum += StaffingEngine.CalculateValid(year[i]).Agents;
        }

        return sum;
    }

    internal static long NaiveSumAgents(StaffingRequest[] year)
    {
        var sum = 0L;
        foreach (var request in year)
        {
            sum += NaiveAgents(request);
        }

        return sum;
    }

    /// <summary>The textbook way: try N = 1, 2, … and for each N compute Erlang B from B(0) = 1 again.</summary>
    internal static int NaiveAgents(StaffingRequest request)
    {
        var load = (double)request.Volume * (double)request.AhtSeconds / request.IntervalSeconds;
        if (load <= 0)
        {
            return 0;
        }

        var aht = (double)request.AhtSeconds;
        var cap = (double)request.MaxOccupancy;
        for (var n = 1; ; n++)
        {
            var b = 1.0;
            for (var k = 1; k <= n; k++)
            {
                b = load * b / (k + (load * b));
            }

            if (n <= load)
            {
                continue;
            }

            var wait = n * b / (n - (load * (1 - b)));
            var serviceLevel = 1 - (wait * Math.Exp(-(n - load) * request.ThresholdSeconds / aht));
            if (serviceLevel >= request.ServiceLevelTarget && load / n <= cap)
            {
                return n;
            }
        }
    }
}

/// <summary>
/// A national line's year (issue #7: "one year of 15-minute staffing intervals ≤ 50 ms"): the seeded
/// NAT-01 12345 hotline, 15-minute intervals round the clock, loaded as the line page loads it and
/// staffed interval by interval by the app's Requirement; beside the bare SQL load of the same rows.
/// </summary>
internal static class NationalLineBench
{
    public static async Task RunAsync(BenchData data, string group, List<Measure> measures)
    {
        var c = CultureInfo.InvariantCulture;
        var id = await LineIdAsync(data.Get<Park.Domain.Data.ParkDatabase>());
        var lines = data.Get<ServiceLineStore>();
        var volumes = data.Get<VolumeStore>();
        var scope = Park.Domain.Access.AccessScope.System;
        RequirementPlan? plan = null;
        var stats = await Harness.TimeAsync(async () =>
        {
            var line = (await lines.GetAsync(scope, id))!;
            var history = (await volumes.HistoryAsync(scope, id))!;
            plan = Requirement.Compute(history.FirstMonday.ToDateTime(TimeOnly.MinValue), history.Offered, line.Targets());
        }, 3, 30);
        var year = (await volumes.HistoryAsync(scope, id))!;
        using var raw = new SqlBaselines(data.DatabasePath);
        var from = year.FirstMonday.ToString("yyyy-MM-dd", c) + "T00:00";
        var to = year.NextMonday.ToString("yyyy-MM-dd", c) + "T00:00";
        var rows = 0;
        var rawStats = await Harness.Time(() => rows = raw.Run(SqlBaselines.StaffingYear, ("$line", id), ("$from", from), ("$to", to)), 3, 30);
        measures.Add(new Measure(group,
            string.Create(c, $"Staffing: a national line's year of intervals — load from SQL + Erlang C requirement (NAT-01 {NationalStaffing.HotlineName}, 15-minute, 24 hours, {rows:N0} intervals, peak {plan!.PeakPositions:N0} positions)"),
            stats, rawStats, new Target(50),
            "ServiceLineStore.GetAsync + VolumeStore.HistoryAsync (as the line page) + Requirement.Compute; raw = the bare SELECT of the year's rows"));

        // Every national line that has a year of volumes, loaded and staffed as above: a full run, lines on all cores.
        var ids = await VolumeLineIdsAsync(data.Get<Park.Domain.Data.ParkDatabase>());
        var cores = Environment.ProcessorCount;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var positions = 0L;
        var intervals = 0L;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = cores }, async (lineId, ct) =>
        {
            var line = (await lines.GetAsync(scope, lineId, ct))!;
            var history = (await volumes.HistoryAsync(scope, lineId, ct))!;
            var year = Requirement.Compute(history.FirstMonday.ToDateTime(TimeOnly.MinValue), history.Offered, line.Targets());
            Interlocked.Add(ref positions, year.PeakPositions);
            Interlocked.Add(ref intervals, year.Intervals.Count);
        });
        var allMs = watch.Elapsed.TotalMilliseconds;
        measures.Add(new Measure(group,
            string.Create(c, $"Staffing: all {ids.Length:N0} national lines with a year of volumes ({intervals:N0} intervals; 15/30/60-minute), each loaded from SQL and staffed — a FULL run on {cores} cores"),
            new Stats(1, allMs, allMs, allMs), null, new Target(120_000),
            string.Create(c, $"{allMs / Math.Max(1, ids.Length):F1} ms a line of wall time; Σ peak positions {positions:N0}")));
    }

    private static async Task<long[]> VolumeLineIdsAsync(Park.Domain.Data.ParkDatabase db)
    {
        await using var connection = await db.OpenAsync();
        return (await Dapper.SqlMapper.QueryAsync<long>(connection,
            "SELECT l.id FROM staffing_service_lines l WHERE EXISTS (SELECT 1 FROM staffing_volumes v WHERE v.service_line_id = l.id) ORDER BY l.id")).ToArray();
    }

    /// <summary>The API paths of the same line for the HTTP driver: the line and its baseline plan (a forecast requirement over the year's history).</summary>
    public static (string Name, string Path, Target? Target)[] HttpEndpoints(string dbPath)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dbPath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT l.id, (SELECT s.id FROM staffing_scenarios s WHERE s.service_line_id = l.id AND s.is_plan = 1)
            FROM staffing_service_lines l JOIN parks p ON p.id = l.park_id
            WHERE p.code = '{NationalSeed.BenchFloorPark}' AND l.name = '{NationalStaffing.HotlineName}'
            """;
        using var reader = command.ExecuteReader();
        if (!reader.Read() || reader.IsDBNull(1))
        {
            return [];
        }

        return
        [
            ("Staffing line API (a national 15-minute 24-hour line with a year of volumes)", $"/api/v1/staffing/lines/{reader.GetInt64(0)}", new Target(100)),
            ("Staffing scenario API: that line's 8-week plan forecast from its year of history, requirement and seats", $"/api/v1/staffing/scenarios/{reader.GetInt64(1)}", new Target(50)),
        ];
    }

    private static async Task<long> LineIdAsync(Park.Domain.Data.ParkDatabase db)
    {
        await using var connection = await db.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, """
            SELECT l.id FROM staffing_service_lines l JOIN parks p ON p.id = l.park_id
            WHERE p.code = @Park AND l.name = @Name AND l.interval_seconds = 900
            """, new { Park = NationalSeed.BenchFloorPark, Name = NationalStaffing.HotlineName });
    }
}
