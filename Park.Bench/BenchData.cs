using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;
using Park.Domain.Seeding;
using Park.Web.Hosting;

namespace Park.Bench;

/// <summary>What the bench measures against: ids on the national database, found or created once.</summary>
public sealed record BenchIds(long ParkId, long FloorId, long Lease120, long Lease1000, string Email, string Password);

/// <summary>The domain's services on the national database, wired as the app wires them, and the bench's own fixtures.</summary>
public sealed class BenchData : IAsyncDisposable
{
    public const string BenchEmail = "bench@park.bench";
    public const string BenchPassword = "Qx7-Loopback-Timer-2026!";

    private readonly ServiceProvider _services;

    public BenchData(string databasePath)
    {
        DatabasePath = databasePath;
        DapperSetup.Configure();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Park:DatabasePath"] = databasePath })
            .Build();
        var services = new ServiceCollection();
        services.AddParkStandalone(configuration);
        _services = services.BuildServiceProvider();
    }

    public string DatabasePath { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Migrates, seeds the national data set if missing (timed), adds the bench's leases and admin.</summary>
    public async Task<(BenchIds Ids, TimeSpan? SeedTime)> PrepareAsync()
    {
        Get<MigrationRunner>().Run();
        TimeSpan? seedTime = null;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (await Get<NationalSeed>().RunAsync(NationalSize.Full, line => Console.WriteLine($"  seed: {line}")))
        {
            seedTime = watch.Elapsed;
        }

        await using var connection = await Get<ParkDatabase>().OpenAsync();
        var parkId = await connection.ExecuteScalarAsync<long>("SELECT id FROM parks WHERE code = @Code", new { Code = NationalSeed.BenchFloorPark });
        var floorId = await connection.ExecuteScalarAsync<long>(
            "SELECT f.id FROM floors f JOIN buildings b ON b.id = f.building_id WHERE b.park_id = @ParkId AND b.code = 'A' AND f.name = '3F'", new { ParkId = parkId });
        var lease1000 = await EnsureLeaseAsync(connection, parkId, "BENCH-1000", floorId, 1000, 0);
        var lease120 = await EnsureLeaseAsync(connection, parkId, "BENCH-120", null, 120, 1);

        await using (var scope = _services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserAdmin>();
            if (await connection.ExecuteScalarAsync<long?>("SELECT id FROM users WHERE email = @Email", new { Email = BenchEmail }) is null)
            {
                var created = await users.CreateAsync(new NewUser(BenchEmail, Roles.PlatformAdmin, [], null, BenchPassword, "Bench"), AccessScope.System, AuditActor.Cli);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create the bench admin: {created.Problem!.Code}");
                }
            }
        }

        return (new BenchIds(parkId, floorId, lease120, lease1000, BenchEmail, BenchPassword), seedTime);
    }

    /// <summary>
    /// Signed 10-seat leases BENCH-B001… in the bench park until it has <paramref name="signedLeases"/>
    /// signed leases, for the contract batch measure. Returns how many the park has.
    /// </summary>
    public async Task<int> EnsureBatchLeasesAsync(long parkId, int signedLeases)
    {
        await using var connection = await Get<ParkDatabase>().OpenAsync();
        var count = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM leases WHERE park_id = @ParkId AND status = 'signed'", new { ParkId = parkId });
        for (var i = 1; count < signedLeases; i++)
        {
            var number = $"BENCH-B{i:D3}";
            if (await connection.ExecuteScalarAsync<long?>("SELECT id FROM leases WHERE park_id = @ParkId AND number = @Number", new { ParkId = parkId, Number = number }) is null)
            {
                await EnsureLeaseAsync(connection, parkId, number, null, 10, 2 + i % 100);
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// A signed lease for the contract benchmarks, holding its seats from 2026-01-01 to 2029-01-01
    /// (seat_holds, so the triggers check no seat is held twice). On <paramref name="floorId"/> when given,
    /// otherwise seats of building B.
    /// </summary>
    private static async Task<long> EnsureLeaseAsync(Microsoft.Data.Sqlite.SqliteConnection connection, long parkId, string number, long? floorId, int seats, int tenantOffset)
    {
        if (await connection.ExecuteScalarAsync<long?>("SELECT id FROM leases WHERE park_id = @ParkId AND number = @Number", new { ParkId = parkId, Number = number }) is { } existing)
        {
            return existing;
        }

        await using var tx = connection.BeginTransaction(deferred: false);
        var tenantId = await connection.ExecuteScalarAsync<long>(
            "SELECT id FROM tenants WHERE park_id = @ParkId AND status = 'active' ORDER BY id LIMIT 1 OFFSET @Offset", new { ParkId = parkId, Offset = tenantOffset }, tx);
        const string now = "2026-01-01T00:00:00.000Z";
        var leaseId = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO leases (park_id, tenant_id, number, status, stage, start_date, end_date, created_at, updated_at)
            VALUES (@ParkId, @TenantId, @Number, 'signed', 'active', '2026-01-01', '2029-01-01', @Now, @Now) RETURNING id
            """, new { ParkId = parkId, TenantId = tenantId, Number = number, Now = now }, tx);
        var versionId = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO lease_versions (lease_id, version_no, kind, status, effective_from, start_date, end_date, monthly_price_fen,
                payment_cycle, deposit_months, escalation_kind, escalation_value, created_at, signed_at)
            VALUES (@LeaseId, 1, 'original', 'signed', '2026-01-01', '2026-01-01', '2029-01-01', 48000, 'quarterly', 2, 'percent', 300, @Now, @Now)
            RETURNING id
            """, new { LeaseId = leaseId, Now = now }, tx);
        await connection.ExecuteAsync("""
            INSERT INTO lease_concessions (lease_version_id, start_date, end_date, discount_bp) VALUES (@V, '2026-01-01', '2026-03-01', 10000)
            """, new { V = versionId }, tx);
        var seatIds = (await connection.QueryAsync<long>("""
            SELECT s.id FROM seats s JOIN zones z ON z.id = s.zone_id JOIN floors f ON f.id = z.floor_id JOIN buildings b ON b.id = f.building_id
            WHERE s.park_id = @ParkId AND s.service_status = 'in_service'
              AND (@FloorId IS NULL AND b.code = 'B' OR f.id = @FloorId)
              AND NOT EXISTS (SELECT 1 FROM seat_holds h WHERE h.seat_id = s.id AND h.start_date < '2029-01-01' AND '2026-01-01' < h.end_date)
            ORDER BY s.code LIMIT @Count
            """, new { ParkId = parkId, FloorId = floorId, Count = seats }, tx)).ToArray();
        foreach (var seatId in seatIds)
        {
            await connection.ExecuteAsync("INSERT INTO lease_version_seats (lease_version_id, seat_id) VALUES (@V, @S)", new { V = versionId, S = seatId }, tx);
            await connection.ExecuteAsync("""
                INSERT INTO seat_holds (seat_id, park_id, tenant_id, lease_id, lease_version_id, kind, start_date, end_date)
                VALUES (@S, @ParkId, @TenantId, @LeaseId, @V, 'held', '2026-01-01', '2029-01-01')
                """, new { S = seatId, ParkId = parkId, TenantId = tenantId, LeaseId = leaseId, V = versionId }, tx);
        }

        await tx.CommitAsync();
        return leaseId;
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
