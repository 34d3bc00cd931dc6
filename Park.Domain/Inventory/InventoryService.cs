using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Domain.Inventory;

/// <summary>
/// Changes to buildings, floors, zones and seats by park administrators of that park. Each change
/// runs in one BEGIN IMMEDIATE transaction together with its audit record.
/// </summary>
public sealed partial class InventoryService(ParkDatabase db, AuditTrail audit, TimeProvider clock)
{
    public Task<Result<long>> SaveBuildingAsync(AccessScope scope, AuditActor actor, long parkId, long? buildingId, BuildingInput input, int rowVersion = 0, CancellationToken ct = default) =>
        WriteAsync(scope, actor, async (c, tx) =>
        {
            var code = input.Code.Trim().ToUpperInvariant();
            if (!ValidCode(code, 20))
            {
                return Problem.Invalid("code", "CodeInvalid");
            }

            if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 100)
            {
                return Problem.Invalid("name", "Required");
            }

            if (buildingId is { } existing)
            {
                parkId = await c.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT park_id FROM buildings WHERE id = @Id", new { Id = existing }, tx)) ?? 0;
            }

            if (!await CanManageAsync(c, tx, scope, parkId, ct))
            {
                return Problem.NotFound();
            }

            if (await c.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "SELECT EXISTS (SELECT 1 FROM buildings WHERE park_id = @ParkId AND code = @Code AND id <> coalesce(@Id, 0))",
                    new { ParkId = parkId, Code = code, Id = buildingId }, tx, cancellationToken: ct)))
            {
                return Problem.Invalid("code", "BuildingCodeTaken", code);
            }

            return await UpsertAsync(c, tx, actor, parkId, "building", buildingId, rowVersion, code,
                "INSERT INTO buildings (park_id, code, name) VALUES (@ParkId, @Code, @Name) RETURNING id",
                "UPDATE buildings SET code = @Code, name = @Name, row_version = row_version + 1 WHERE id = @Id AND row_version = @RowVersion",
                new { ParkId = parkId, Code = code, Name = input.Name.Trim(), Id = buildingId, RowVersion = rowVersion }, ct);
        }, ct);

    public Task<Result<long>> SaveFloorAsync(AccessScope scope, AuditActor actor, long? floorId, FloorInput input, int rowVersion = 0, CancellationToken ct = default) =>
        WriteAsync(scope, actor, async (c, tx) =>
        {
            if (input.Level is < -10 or > 200)
            {
                return Problem.Invalid("level", "FloorLevelInvalid");
            }

            if (input.PlanWidth is < 10 or > 100_000 || input.PlanHeight is < 10 or > 100_000)
            {
                return Problem.Invalid("planWidth", "PlanSizeInvalid");
            }

            var buildingId = input.BuildingId;
            if (floorId is { } existing)
            {
                buildingId = await c.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT building_id FROM floors WHERE id = @Id", new { Id = existing }, tx)) ?? 0;
            }

            var parkId = await c.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT park_id FROM buildings WHERE id = @Id", new { Id = buildingId }, tx)) ?? 0;
            if (!await CanManageAsync(c, tx, scope, parkId, ct))
            {
                return Problem.NotFound();
            }

            if (await c.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "SELECT EXISTS (SELECT 1 FROM floors WHERE building_id = @BuildingId AND level = @Level AND id <> coalesce(@Id, 0))",
                    new { BuildingId = buildingId, input.Level, Id = floorId }, tx, cancellationToken: ct)))
            {
                return Problem.Invalid("level", "FloorLevelTaken", input.Level);
            }

            if (floorId is not null && await c.ExecuteScalarAsync<bool>(new CommandDefinition("""
                    SELECT EXISTS (SELECT 1 FROM seats s JOIN zones z ON z.id = s.zone_id
                                   WHERE z.floor_id = @Id AND (s.x > @W OR s.y > @H))
                    """, new { Id = floorId, W = input.PlanWidth, H = input.PlanHeight }, tx, cancellationToken: ct)))
            {
                return Problem.Invalid("planWidth", "PlanTooSmallForSeats");
            }

            var name = string.IsNullOrWhiteSpace(input.Name) ? $"{input.Level}F" : input.Name.Trim();
            return await UpsertAsync(c, tx, actor, parkId, "floor", floorId, rowVersion, name,
                "INSERT INTO floors (building_id, level, name, plan_width, plan_height) VALUES (@BuildingId, @Level, @Name, @W, @H) RETURNING id",
                "UPDATE floors SET level = @Level, name = @Name, plan_width = @W, plan_height = @H, row_version = row_version + 1 WHERE id = @Id AND row_version = @RowVersion",
                new { BuildingId = buildingId, input.Level, Name = name, W = input.PlanWidth, H = input.PlanHeight, Id = floorId, RowVersion = rowVersion }, ct);
        }, ct);

    public Task<Result<long>> SaveZoneAsync(AccessScope scope, AuditActor actor, long? zoneId, ZoneInput input, int rowVersion = 0, CancellationToken ct = default) =>
        WriteAsync(scope, actor, async (c, tx) =>
        {
            var code = input.Code.Trim().ToUpperInvariant();
            if (!ValidCode(code, 20))
            {
                return Problem.Invalid("code", "CodeInvalid");
            }

            var floorId = input.FloorId;
            if (zoneId is { } existing)
            {
                floorId = await c.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT floor_id FROM zones WHERE id = @Id", new { Id = existing }, tx)) ?? 0;
            }

            var parkId = await c.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT b.park_id FROM floors f JOIN buildings b ON b.id = f.building_id WHERE f.id = @Id", new { Id = floorId }, tx)) ?? 0;
            if (!await CanManageAsync(c, tx, scope, parkId, ct))
            {
                return Problem.NotFound();
            }

            if (await c.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "SELECT EXISTS (SELECT 1 FROM zones WHERE floor_id = @FloorId AND code = @Code AND id <> coalesce(@Id, 0))",
                    new { FloorId = floorId, Code = code, Id = zoneId }, tx, cancellationToken: ct)))
            {
                return Problem.Invalid("code", "ZoneCodeTaken", code);
            }

            var name = string.IsNullOrWhiteSpace(input.Name) ? code : input.Name.Trim();
            return await UpsertAsync(c, tx, actor, parkId, "zone", zoneId, rowVersion, code,
                "INSERT INTO zones (floor_id, code, name) VALUES (@FloorId, @Code, @Name) RETURNING id",
                "UPDATE zones SET code = @Code, name = @Name, row_version = row_version + 1 WHERE id = @Id AND row_version = @RowVersion",
                new { FloorId = floorId, Code = code, Name = name, Id = zoneId, RowVersion = rowVersion }, ct);
        }, ct);

    internal static bool ValidCode(string code, int max) =>
        code.Length >= 1 && code.Length <= max && code.All(SeatCodePattern.IsCodeChar);

    internal static async Task<bool> CanManageAsync(SqliteConnection c, SqliteTransaction? tx, AccessScope scope, long parkId, CancellationToken ct) =>
        scope.IsParkAdmin && parkId > 0 && await c.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"SELECT EXISTS (SELECT 1 FROM parks p WHERE p.id = @ParkId AND {scope.ParkFilter("p.id")})",
            scope.Parameters(new { ParkId = parkId }), tx, cancellationToken: ct));

    private async Task<Result<long>> UpsertAsync(SqliteConnection c, SqliteTransaction tx, AuditActor actor, long parkId, string type, long? id,
        int rowVersion, string label, string insertSql, string updateSql, object parameters, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await c.ExecuteAsync(new CommandDefinition(updateSql, parameters, tx, cancellationToken: ct)) == 0)
            {
                return Problem.Stale();
            }

            await audit.RecordAsync(c, tx, actor, new AuditEntry($"{type}.update", type, existing.ToString(System.Globalization.CultureInfo.InvariantCulture), Details: label, ParkId: parkId), ct);
            return existing;
        }

        var newId = await c.ExecuteScalarAsync<long>(new CommandDefinition(insertSql, parameters, tx, cancellationToken: ct));
        await audit.RecordAsync(c, tx, actor, new AuditEntry($"{type}.create", type, newId.ToString(System.Globalization.CultureInfo.InvariantCulture), Details: label, ParkId: parkId), ct);
        _ = rowVersion;
        return newId;
    }

    /// <summary>Runs <paramref name="work"/> in BEGIN IMMEDIATE; commits only when it succeeds.</summary>
    private async Task<Result<T>> WriteAsync<T>(AccessScope scope, AuditActor actor, Func<SqliteConnection, SqliteTransaction, Task<Result<T>>> work, CancellationToken ct)
    {
        if (!scope.IsParkAdmin)
        {
            await audit.RecordAsync(actor, new AuditEntry("inventory.change", Outcome: AuditOutcome.Denied, Reason: "NotAllowed"), ct);
            return Problem.NotAllowed();
        }

        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var result = await work(connection, tx);
        if (result.Succeeded)
        {
            await tx.CommitAsync(ct);
        }
        else
        {
            await tx.RollbackAsync(ct);
        }

        return result;
    }

    private DateOnly Today => clock.Today();
}
