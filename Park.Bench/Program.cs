using System.Globalization;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Contracts;
using Park.Domain.Data;
using Park.Domain.Documents;
using Park.Domain.Inventory;
using Park.Domain.Leasing;
using Park.Domain.Tenants;

namespace Park.Bench;

/// <summary>
/// Park.Bench: engine timings, SQL-backed store timings beside their raw SQL, and a loopback HTTP
/// driver against the real app, all on the national data set; writes docs/performance.md.
/// Usage: dotnet run -c Release --project Park.Bench -- [--db /tmp/park-bench/national.db] [--out docs/performance.md] [--no-http] [--only engines|stores|contracts|http]
///        [--endpoints "Lease list,Tenant list"] (HTTP measures whose names contain one of these)
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var root = RepoRoot();
        var dbPath = Arg(args, "--db") ?? "/tmp/park-bench/national.db";
        var outPath = Arg(args, "--out") ?? Path.Combine(root, "docs", "performance.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(dbPath))!);
        var measures = new List<Measure>();

        await using var data = new BenchData(dbPath);
        Console.WriteLine($"Database {dbPath}: preparing (seeds the national data set if missing)…");
        var (ids, seedTime) = await data.PrepareAsync();
        var sizes = await Report.DatasetAsync(data.Get<ParkDatabase>());

        var only = Arg(args, "--only");
        if (only is null or "engines")
        {
            Console.WriteLine("Engines (BenchmarkDotNet)…");
            EngineBenchmarks.Run(measures);
        }

        if (only is null)
        {
            Console.WriteLine("Staffing…");
            await StaffingBench.RunAsync(measures);
        }

        if (only is null or "stores")
        {
            Console.WriteLine("SQL-backed stores…");
            await StoresAsync(data, ids, measures);
        }

        if (only is null or "contracts")
        {
            Console.WriteLine("Contracts…");
            await ContractsBench.RunAsync(data, ids, measures);
        }

        long? rssKb = null;
        if (only is null or "http" && !args.Contains("--no-http"))
        {
            Console.WriteLine("HTTP (loopback)…");
            // The contract API serves the issued (stored) PDF: issue the 120-seat lease's contract first (a no-op when it is).
            await data.Get<ContractService>().GenerateAsync(AccessScope.System, AuditActor.Cli, ids.Lease120, "zh-CN");
            rssKb = await HttpDriver.RunAsync(root, dbPath, ids, measures, Arg(args, "--endpoints")?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        }

        var text = Report.Write(measures, sizes, seedTime, rssKb, dbPath);
        await File.WriteAllTextAsync(outPath, text);
        Console.WriteLine(text);
        Console.WriteLine($"Wrote {outPath}");
        return 0;
    }

    private static async Task StoresAsync(BenchData data, BenchIds ids, List<Measure> measures)
    {
        const string group = "SQL-backed stores (in-process, platform admin scope) beside the raw SQL";
        using var raw = new SqlBaselines(data.DatabasePath);
        var today = new DateOnly(2026, 11, 23);
        var maps = data.Get<SeatMapQueries>();
        var seats = 0;
        var map = await Harness.TimeAsync(async () => seats = (await maps.FloorAsync(AccessScope.System, ids.FloorId, today))!.Seats.Count, 3, 40);
        var mapRaw = await Harness.Time(() => raw.Run(SqlBaselines.SeatMap, ("$date", "2026-11-23"), ("$floor", ids.FloorId)), 3, 40);
        measures.Add(new Measure(group, $"Seat map data of the 1,000-seat floor ({seats} seats)", map, mapRaw, new Target(150)));

        var availability = data.Get<AvailabilityService>();
        var query = new AvailabilityQuery(ids.ParkId, 50, new DateOnly(2027, 1, 1), new DateOnly(2028, 1, 1));
        var found = 0;
        var search = await Harness.TimeAsync(async () => found = (await availability.SearchAsync(AccessScope.System, query)).Value!.Available, 3, 40);
        var zones = raw.Scalar(SqlBaselines.AvailabilityTopZones, ("$park", ids.ParkId), ("$from", "2027-01-01"), ("$to", "2028-01-01"));
        var searchRaw = await Harness.Time(() => GC.KeepAlive(
            raw.Run(SqlBaselines.AvailabilityZones, ("$park", ids.ParkId), ("$from", "2027-01-01"), ("$to", "2028-01-01"))
            + raw.Run(SqlBaselines.AvailabilityZoneSeats, ("$park", ids.ParkId), ("$from", "2027-01-01"), ("$to", "2028-01-01"), ("$zones", zones))), 3, 40);
        measures.Add(new Measure(group, $"Availability search: 50 seats in one park of 15,000 ({found:N0} free)", search, searchRaw, new Target(20, 3)));

        var parks = data.Get<ParkStore>();
        var list = await Harness.TimeAsync(async () => GC.KeepAlive(await parks.ListAsync(AccessScope.System, null, new PageRequest(1, 50))), 3, 40);
        var listRaw = await Harness.Time(() => raw.Run(SqlBaselines.ParkList), 3, 40);
        measures.Add(new Measure(group, "Park list (page of 50, seat and tenant counts)", list, listRaw, new Target(100)));

        var audit = data.Get<AuditTrail>();
        var events = await Harness.TimeAsync(async () => GC.KeepAlive(await audit.ListAsync(AccessScope.System, new AuditFilter(), new PageRequest(1, 50))), 3, 40);
        var eventsRaw = await Harness.Time(() => raw.Run(SqlBaselines.AuditList), 3, 40);
        measures.Add(new Measure(group, "Audit list (page of 50, newest first)", events, eventsRaw, new Target(100)));

        await LeasingAsync(data, ids, raw, measures, group);
        await NationalLineBench.RunAsync(data, group, measures);
    }

    /// <summary>Issue #4 at scale: lease and tenant lists over 15,000 leases and 5,000 tenants, each beside its raw SQL.</summary>
    private static async Task LeasingAsync(BenchData data, BenchIds ids, SqlBaselines raw, List<Measure> measures, string group)
    {
        var leases = data.Get<LeaseStore>();
        var total = 0;
        var all = await Harness.TimeAsync(async () => total = (await leases.ListAsync(AccessScope.System, new LeaseQuery(), new PageRequest(1, 50))).Total, 3, 40);
        var allRaw = await Harness.Time(() => GC.KeepAlive(raw.Scalar(SqlBaselines.LeaseCount) + raw.Run(SqlBaselines.LeaseList)), 3, 40);
        measures.Add(new Measure(group, $"Lease list, all parks (page of 50 by number, of {total:N0})", all, allRaw, new Target(100)));

        var filtered = await Harness.TimeAsync(async () => total = (await leases.ListAsync(AccessScope.System,
            new LeaseQuery(ParkId: ids.ParkId, Stage: "active"), new PageRequest(1, 50))).Total, 3, 40);
        var filteredRaw = await Harness.Time(() => GC.KeepAlive(raw.Scalar(SqlBaselines.LeaseCountParkStage, ("$park", ids.ParkId), ("$stage", "active"))
            + raw.Run(SqlBaselines.LeaseListParkStage, ("$park", ids.ParkId), ("$stage", "active"))), 3, 40);
        measures.Add(new Measure(group, $"Lease list, one park, stage active (page of 50, of {total:N0})", filtered, filteredRaw, new Target(100)));

        var tenants = data.Get<TenantStore>();
        var search = await Harness.TimeAsync(async () => total = (await tenants.ListAsync(AccessScope.System, new TenantQuery("恒信"), new PageRequest(1, 50))).Total, 3, 40);
        var searchRaw = await Harness.Time(() => GC.KeepAlive(raw.Run(SqlBaselines.TenantList, ("$search", "%恒信%"), ("$grams", "[\"恒信\"]"))), 3, 40);
        measures.Add(new Measure(group, $"Tenant list, search \"恒信\" over 5,000 tenants (page of 50, of {total:N0})", search, searchRaw, new Target(100)));
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Park.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
