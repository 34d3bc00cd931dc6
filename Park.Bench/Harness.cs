using System.Diagnostics;
using System.Globalization;

namespace Park.Bench;

/// <summary>Timings of one measure: every sample in milliseconds, with median and p95.</summary>
public sealed record Stats(int Count, double Median, double P95, double Min)
{
    public static Stats Of(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0
            ? new Stats(0, double.NaN, double.NaN, double.NaN)
            : new Stats(sorted.Length, Percentile(sorted, 0.5), Percentile(sorted, 0.95), sorted[0]);
    }

    private static double Percentile(double[] sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}

/// <summary>A target from issue #7: the median must be at most <see cref="MaxMs"/> and, when given, at most <see cref="MaxRatio"/> × the raw SQL.</summary>
public sealed record Target(double MaxMs, double? MaxRatio = null)
{
    public override string ToString() => MaxRatio is { } r
        ? string.Create(CultureInfo.InvariantCulture, $"≤ {MaxMs:0} ms, ≤ {r:0}× raw")
        : string.Create(CultureInfo.InvariantCulture, $"≤ {MaxMs:0} ms");
}

/// <summary>One line of the report.</summary>
public sealed record Measure(string Group, string Name, Stats Stats, Stats? Baseline = null, Target? Target = null, string Note = "")
{
    public double? Ratio => Baseline is { Median: > 0 } b ? Stats.Median / b.Median : null;

    public string Verdict => Target is null ? "—"
        : Stats.Count == 0 ? "not run"
        : Stats.Median <= Target.MaxMs && (Target.MaxRatio is null || Ratio is null || Ratio <= Target.MaxRatio) ? "pass" : "**miss**";
}

/// <summary>
/// A small Stopwatch harness: warm-up runs, then N timed runs (bounded by a time budget). Warm-up goes
/// on past the requested runs until the code is as hot as in a long-running server: .NET's tiered JIT
/// recompiles a method after 30 calls once no new code has been compiled for 100 ms, so fast actions
/// are warmed for at least 30 calls and one second (slow ones stop after their runs and 3 seconds).
/// </summary>
public static class Harness
{
    public static async Task<Stats> TimeAsync(Func<Task> action, int warmup, int iterations, TimeSpan? budget = null)
    {
        var warming = Stopwatch.StartNew();
        for (var i = 0; KeepWarming(i, warmup, warming.Elapsed); i++)
        {
            await action();
        }

        var limit = budget ?? TimeSpan.FromSeconds(30);
        var total = Stopwatch.StartNew();
        var samples = new List<double>(iterations);
        for (var i = 0; i < iterations && (i < 3 || total.Elapsed < limit); i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        return Stats.Of(samples);
    }

    /// <summary>Whether a warm-up that has made <paramref name="done"/> calls goes on (see the class summary).</summary>
    public static bool KeepWarming(int done, int minimum, TimeSpan elapsed) =>
        done < minimum || (elapsed < TimeSpan.FromSeconds(3) && (done < 30 || elapsed < TimeSpan.FromSeconds(1)));

    public static Task<Stats> Time(Action action, int warmup, int iterations, TimeSpan? budget = null) =>
        TimeAsync(() => { action(); return Task.CompletedTask; }, warmup, iterations, budget);
}
