using Dapper;
using Park.Domain.Data;

namespace Park.Web.Api;

public static class Health
{
    /// <summary><c>/healthz</c>: 200 when the database answers and no migration is pending, 503 otherwise.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", async (ParkDatabase db, MigrationRunner migrations, CancellationToken ct) =>
        {
            try
            {
                await using var connection = await db.OpenAsync(ct);
                await connection.ExecuteScalarAsync<long>("SELECT 1");
                var pending = migrations.Pending();
                var body = new { database = "reachable", migrations = pending.Count == 0 ? "current" : "pending", pending };
                return pending.Count == 0 ? Results.Ok(body) : Results.Json(body, statusCode: 503);
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                return Results.Json(new { database = "unreachable" }, statusCode: 503);
            }
        }).AllowAnonymous().ExcludeFromDescription();
}
