using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Contracts;
using Park.Domain.Seeding;
using Park.Domain.Tenants;
using Xunit;

namespace Park.Tests.Seeding;

/// <summary>The national generator at small size: the same invariants the app relies on, in seconds.</summary>
public sealed class NationalSeedTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private readonly List<string> _progress = [];

    public async ValueTask InitializeAsync()
    {
        _db = TestDatabase.Create();
        Assert.True(await _db.Get<NationalSeed>().RunAsync(NationalSize.Small, _progress.Add));
    }

    public async ValueTask DisposeAsync() => await _db.DisposeAsync();

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await _db.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    [Fact]
    public async Task Run_Small_CreatesTheSizedParksSeatsAndTenants()
    {
        var size = NationalSize.Small;
        Assert.Equal(size.Parks, await CountAsync("SELECT count(*) FROM parks WHERE code LIKE 'NAT-%'"));
        Assert.Equal(size.Seats, await CountAsync("SELECT count(*) FROM seats"));
        Assert.Equal(size.Parks * size.TenantsPerPark, await CountAsync("SELECT count(*) FROM tenants"));
        Assert.Equal(size.Parks, await CountAsync("SELECT count(*) FROM (SELECT park_id FROM seats GROUP BY park_id HAVING count(*) = " + size.SeatsPerPark + ")"));
        Assert.Contains(_progress, line => line.StartsWith($"park {size.Parks}/{size.Parks}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_Small_EveryUsccIsValidAndUniquePerPark()
    {
        await using var connection = await _db.Db.OpenAsync();
        var codes = (await connection.QueryAsync<string>("SELECT uscc FROM tenants UNION ALL SELECT operator_uscc FROM parks")).ToArray();
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.True(Uscc.IsValid(code), code));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM (SELECT 1 FROM tenants GROUP BY park_id, uscc HAVING count(*) > 1)"));
    }

    [Fact]
    public async Task Run_Small_SeatCodesAreUniquePerParkAndSeatsLieOnTheirFloorPlan()
    {
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM (SELECT 1 FROM seats GROUP BY park_id, code HAVING count(*) > 1)"));
        Assert.Equal(0, await CountAsync("""
            SELECT count(*) FROM seats s JOIN zones z ON z.id = s.zone_id JOIN floors f ON f.id = z.floor_id JOIN buildings b ON b.id = f.building_id
            WHERE s.x >= f.plan_width OR s.y >= f.plan_height OR b.park_id <> s.park_id
            """));
    }

    [Fact]
    public async Task Run_Small_NoSeatIsHeldTwiceOnAnyDay()
    {
        // Not vacuous: the leasing extension holds seats in every park.
        Assert.Equal(NationalSize.Small.Parks, await CountAsync("SELECT count(DISTINCT park_id) FROM seat_holds WHERE kind = 'held'"));
        Assert.Equal(0, await CountAsync("""
            SELECT count(*) FROM seat_holds a JOIN seat_holds b
              ON a.seat_id = b.seat_id AND a.id < b.id AND a.kind = 'held' AND b.kind = 'held' AND a.lease_id <> b.lease_id
             AND a.start_date < b.end_date AND b.start_date < a.end_date
            """));
    }

    [Fact]
    public async Task Run_Small_TheBenchFloorHoldsExactlyOneThousandSeats()
    {
        Assert.Equal(1000, await CountAsync($"""
            SELECT count(*) FROM seats s JOIN zones z ON z.id = s.zone_id JOIN floors f ON f.id = z.floor_id
            JOIN buildings b ON b.id = f.building_id JOIN parks p ON p.id = b.park_id
            WHERE p.code = '{NationalSeed.BenchFloorPark}' AND b.code = 'A' AND f.name = '3F'
            """));
    }

    [Fact]
    public async Task Run_Small_EveryParkHasContractTemplatesInBothLanguages()
    {
        foreach (var language in ContractTemplateStore.Languages)
        {
            Assert.Equal(NationalSize.Small.Parks, await CountAsync($"SELECT count(DISTINCT park_id) FROM contract_templates WHERE language = '{language}'"));
        }
    }

    private const string CountMismatches = """
        SELECT count(*) FROM parks p JOIN park_counts pc ON pc.park_id = p.id
        WHERE pc.seats_in_service <> (SELECT count(*) FROM seats s WHERE s.park_id = p.id AND s.service_status = 'in_service')
           OR pc.seats_maintenance <> (SELECT count(*) FROM seats s WHERE s.park_id = p.id AND s.service_status = 'maintenance')
           OR pc.seats_retired <> (SELECT count(*) FROM seats s WHERE s.park_id = p.id AND s.service_status = 'retired')
           OR pc.tenants_current <> (SELECT count(*) FROM tenants t WHERE t.park_id = p.id AND t.status IN ('admitted', 'active'))
        """;

    [Fact]
    public async Task ParkCounts_AfterSeedAndStatusChanges_MatchTheRows()
    {
        Assert.Equal(NationalSize.Small.Parks, await CountAsync("SELECT count(*) FROM park_counts"));
        Assert.Equal(0, await CountAsync(CountMismatches));
        await using (var connection = await _db.Db.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE seats SET service_status = 'retired' WHERE id IN (SELECT id FROM seats WHERE service_status = 'in_service' LIMIT 7)");
            await connection.ExecuteAsync("UPDATE seats SET service_status = 'in_service' WHERE id IN (SELECT id FROM seats WHERE service_status = 'maintenance' LIMIT 3)");
            await connection.ExecuteAsync("UPDATE tenants SET status = 'exited' WHERE id IN (SELECT id FROM tenants WHERE status = 'active' LIMIT 2)");
        }

        Assert.Equal(0, await CountAsync(CountMismatches));
    }

    [Fact]
    public async Task Run_Twice_ChangesNothingTheSecondTime()
    {
        var before = await FingerprintAsync();
        Assert.False(await _db.Get<NationalSeed>().RunAsync(NationalSize.Small, _ => { }));
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task Run_IsDeterministic_SameDataInAFreshDatabase()
    {
        await using var other = TestDatabase.Create();
        await other.Get<NationalSeed>().RunAsync(NationalSize.Small, _ => { });
        await using var a = await _db.Db.OpenAsync();
        await using var b = await other.Db.OpenAsync();
        Assert.Equal(await SeatsAsync(a), await SeatsAsync(b));
        Assert.Equal(await LeasesAsync(a), await LeasesAsync(b));
    }

    private static async Task<string> LeasesAsync(SqliteConnection connection) =>
        string.Join('\n', await connection.QueryAsync<string>("""
            SELECT l.number || ',' || l.status || ',' || l.stage || ',' || l.start_date || ',' || l.end_date || ',' || l.created_at || ','
                   || (SELECT count(*) FROM seat_holds h WHERE h.lease_id = l.id) || ',' || (SELECT group_concat(v.amendment_kind || v.status) FROM lease_versions v WHERE v.lease_id = l.id)
            FROM leases l ORDER BY l.id
            """));

    private static async Task<string> SeatsAsync(SqliteConnection connection) =>
        string.Join('\n', await connection.QueryAsync<string>("SELECT code || ',' || x || ',' || y || ',' || seat_type || ',' || service_status FROM seats ORDER BY id"));

    private async Task<string> FingerprintAsync()
    {
        await using var connection = await _db.Db.OpenAsync();
        var parts = new List<string>();
        foreach (var table in new[] { "parks", "buildings", "floors", "zones", "seats", "tenants", "contract_templates", "seed_runs", "seat_holds", "leases" })
        {
            parts.Add($"{table}:{await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}")}:{await connection.ExecuteScalarAsync<long?>($"SELECT max(rowid) FROM {table}")}");
        }

        return string.Join(';', parts);
    }
}
