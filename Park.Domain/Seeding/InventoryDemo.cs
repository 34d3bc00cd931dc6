using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Data;

namespace Park.Domain.Seeding;

/// <summary>The demo park's capacity plan: built out in phases towards 12,000 seats.</summary>
public static class InventoryDemo
{
    private static readonly (string Name, DateOnly From, int Seats)[] Phases =
    [
        ("一期 / Phase 1", new DateOnly(2011, 6, 18), 1200),
        ("二期 / Phase 2", new DateOnly(2027, 6, 1), 4000),
        ("三期 / Phase 3", new DateOnly(2030, 6, 1), 12000),
    ];

    public static async Task SeedAsync(SqliteConnection connection, SqliteTransaction tx, TimeProvider clock, CancellationToken ct)
    {
        var parkId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT id FROM parks WHERE code = @Code", new { Code = DemoSeed.ParkCode }, tx, cancellationToken: ct));
        foreach (var (name, from, seats) in Phases)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO capacity_phases (park_id, name, effective_from, planned_seats, created_at)
                VALUES (@ParkId, @Name, @From, @Seats, @Now)
                """, new { ParkId = parkId, Name = name, From = DapperSetup.ToDbText(from), Seats = seats, Now = clock.GetUtcNow() }, tx, cancellationToken: ct));
        }
    }
}
