using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Park.Domain.Contracts;
using Park.Domain.Data;
using Park.Domain.Inventory;
using Park.Domain.Staffing;

namespace Park.Bench;

/// <summary>
/// The pure engines under BenchmarkDotNet (in process, its short-run job: warm-up and pilot until the JIT
/// has settled, then timed iterations of as many operations as a stable timing needs). One operation is the
/// whole unit the report names: a year of intervals, a lease's schedule, 10,000 prorations.
/// </summary>
[MemoryDiagnoser(displayGenColumns: false)]
public class EngineBenchmarks
{
    private StaffingRequest[] _year = [];
    private StaffingRequest[] _yearWithPatience = [];
    private ScheduleTerms _terms = null!;
    private CandidateSeat[] _candidates = [];
    private readonly LeasingScheduleSource _schedules = new();
    private readonly Money _price = new(48_000);
    private readonly long[] _weights = Enumerable.Range(1, 120).Select(i => (long)(i % 7 + 1)).ToArray();
    private readonly GridSpec _grid = new(SeatCodePattern.Default, 25, 40, 20, 20, 24, 32);

    [GlobalSetup]
    public void Setup()
    {
        _year = StaffingBench.Year(dailyCalls: 12_000, ahtSeconds: 300, seed: 1);
        _yearWithPatience = _year.Select(r => r with { PatienceSeconds = 120, MaxAbandon = 0.05 }).ToArray();
        _terms = new ScheduleTerms(new DateOnly(2026, 1, 1), new DateOnly(2029, 1, 1), 48_000, 120, "monthly", "percent", 300,
            [new ScheduleConcession(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1), 10_000)],
            [new ScheduleRampStep(new DateOnly(2026, 1, 1), 40), new ScheduleRampStep(new DateOnly(2026, 6, 1), 120)]);
        _candidates = SyntheticCandidates(15_000);
    }

    /// <summary>The textbook Erlang C (B recomputed from zero for every candidate N): the engine's baseline.</summary>
    [Benchmark(Baseline = true)]
    public long ErlangCYearStraightforward() => StaffingBench.NaiveSumAgents(_year);

    [Benchmark]
    public long ErlangCYear() => StaffingBench.SumAgents(_year);

    [Benchmark]
    public long ErlangAYear() => StaffingBench.SumAgents(_yearWithPatience);

    [Benchmark]
    public int PaymentSchedule() => _schedules.Build(_terms).Periods.Count;

    [Benchmark]
    public long Prorations()
    {
        var sum = 0L;
        for (var i = 0; i < 10_000; i++)
        {
            sum += _price.Times((i % 31 + 1) / 31m).Fen + _price.Allocate(_weights)[i % 120].Fen;
        }

        return sum;
    }

    [Benchmark]
    public int AvailabilityRanking() => Park.Domain.Inventory.AvailabilityRanking.Rank(_candidates, 50).Count;

    [Benchmark]
    public int SeatGrid() => Park.Domain.Inventory.SeatGrid.Generate(_grid, "A", 3, "Z1", 2000, 2000).Value!.Count;

    private static CandidateSeat[] SyntheticCandidates(int count) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var zone = i / 100;
            var floor = zone / 5;
            return new CandidateSeat(i + 1, string.Create(CultureInfo.InvariantCulture, $"A-{floor}F-Z{zone}-{i % 100:D3}"), zone, $"Z{zone}", floor, $"{floor}F", "A",
                20 + i % 20 * 24, 20 + i % 100 / 20 * 32);
        }).ToArray();

    /// <summary>Runs the benchmarks and turns BenchmarkDotNet's statistics into the report's measures.</summary>
    public static void Run(List<Measure> measures)
    {
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkRunner.Run<EngineBenchmarks>(config);
        const string group = "Engines (BenchmarkDotNet, in-process short run; one thread)";
        var baseline = Stats(summary, nameof(ErlangCYearStraightforward));
        var rows = new (string Method, string Name, Target? Target, bool AgainstBaseline)[]
        {
            (nameof(ErlangCYear), "Erlang C, one service line, a year of 15-minute intervals (35,040; 12,000 calls a weekday, AHT 300 s, peak 169 Erl, 80/20, occupancy ≤ 90%); baseline = the straightforward O(N²) Erlang C on the same year", new Target(50), true),
            (nameof(ErlangAYear), "Erlang A, the same year and line, patience 120 s, abandonment ≤ 5%", new Target(50), false),
            (nameof(PaymentSchedule), "Payment schedule with proration: 3-year lease, concession, ramp, escalation", null, false),
            (nameof(Prorations), "Money: 10,000 × prorate a month (Times) and allocate over 120 seats", null, false),
            (nameof(AvailabilityRanking), "Availability ranking: 50 seats among 15,000 free candidates", null, false),
            (nameof(SeatGrid), "Seat grid generator: 1,000 seats (25 × 40)", null, false),
        };
        foreach (var (method, name, target, againstBaseline) in rows)
        {
            if (Stats(summary, method) is { } stats)
            {
                measures.Add(new Measure(group, name, stats, againstBaseline ? baseline : null, target,
                    string.Create(CultureInfo.InvariantCulture, $"{stats.Count} iterations")));
            }
            else
            {
                measures.Add(new Measure(group, name, Park.Bench.Stats.Of([]), null, target, "failed under BenchmarkDotNet"));
            }
        }
    }

    private static Stats? Stats(Summary summary, string method)
    {
        var report = summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method);
        var s = report?.ResultStatistics;
        return s is null ? null : new Stats(s.N, s.Median / 1e6, s.Percentiles.P95 / 1e6, s.Min / 1e6);
    }
}
