using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Contracts;

namespace Park.Domain.Seeding;

/// <summary>The demo park's contract clause templates: the default Chinese template and its English counterpart.</summary>
public static class ContractsDemo
{
    public static async Task SeedAsync(SqliteConnection connection, SqliteTransaction tx, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var parkId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT id FROM parks WHERE code = @Code", new { Code = DemoSeed.ParkCode }, tx, cancellationToken: ct));
        foreach (var language in ContractTemplateStore.Languages)
        {
            await ContractTemplateStore.InsertAsync(connection, tx, parkId, language, DefaultTemplates.For(language), "default", null, clock.GetUtcNow(), ct);
        }
    }
}
