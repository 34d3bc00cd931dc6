using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Data;

namespace Park.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Run_AppliesEveryScriptOnce_SecondRunAppliesNothing()
    {
        await using var db = TestDatabase.Create(migrate: false);
        var runner = new MigrationRunner(db.Db);

        var first = runner.Run();
        var second = runner.Run();

        Assert.Equal(MigrationRunner.EmbeddedScripts().Select(s => s.Name), first);
        Assert.Empty(second);
        Assert.Empty(runner.Pending());
    }

    [Fact]
    public void EmbeddedScripts_AreNumberedAndInOrder()
    {
        var names = MigrationRunner.EmbeddedScripts().Select(s => s.Name).ToArray();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Matches(@"^\d{4}_[a-z0-9_]+\.sql$", n));
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(names.Length, names.Select(n => n[..4]).Distinct().Count());
    }

    [Fact]
    public async Task BrokenMigration_NamesTheFile_AndLeavesTheDatabaseAsItWas()
    {
        await using var db = TestDatabase.Create();
        var runner = new MigrationRunner(db.Db);
        var before = await SchemaAsync(db.Db);
        var scripts = MigrationRunner.EmbeddedScripts()
            .Append(new MigrationScript("9999_break_things.sql", """
                CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT;
                INSERT INTO half_done (id) VALUES (1);
                INSERT INTO no_such_table (x) VALUES (1);
                """))
            .ToArray();

        var error = Assert.Throws<MigrationFailedException>(() => runner.Run(scripts));

        Assert.Equal("9999_break_things.sql", error.Script);
        Assert.Contains("no_such_table", error.SqlError, StringComparison.Ordinal);
        Assert.Equal(before, await SchemaAsync(db.Db));
        Assert.Equal(["9999_break_things.sql"], runner.Pending(scripts));
    }

    private static async Task<string[]> SchemaAsync(ParkDatabase db)
    {
        await using var connection = await db.OpenAsync();
        var rows = await connection.QueryAsync<string>("SELECT type || ':' || name FROM sqlite_schema ORDER BY name");
        var journal = await connection.QueryAsync<string>("SELECT ScriptName FROM SchemaVersions ORDER BY ScriptName");
        return [.. rows, .. journal];
    }
}
