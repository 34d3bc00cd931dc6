using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Tests.Data;

public sealed class DatabaseTests
{
    [Fact]
    public async Task Connections_RunWithWal_ForeignKeys_AndSynchronousFull()
    {
        await using var db = TestDatabase.Create();
        await using var connection = await db.Db.OpenAsync();

        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("PRAGMA synchronous"));
        Assert.True(await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout") >= 1000);
    }

    [Fact]
    public async Task PooledConnections_KeepTheirPragmas_WhenHandedOutAgain()
    {
        await using var db = TestDatabase.Create();
        SQLitePCL.sqlite3 first;
        await using (var connection = await db.Db.OpenAsync())
        {
            first = connection.Handle!;
        }

        // The pool hands the same physical connection out again: it is not configured twice, and keeps its settings.
        await using var again = await db.Db.OpenAsync();
        Assert.Same(first, again.Handle);
        Assert.Equal(1, await again.ExecuteScalarAsync<long>("PRAGMA foreign_keys"));
        Assert.Equal(2, await again.ExecuteScalarAsync<long>("PRAGMA synchronous"));
        Assert.True(await again.ExecuteScalarAsync<long>("PRAGMA busy_timeout") >= 1000);

        // A second connection open at the same time is another physical connection, configured on its first use.
        await using var second = await db.Db.OpenAsync();
        Assert.NotSame(again.Handle, second.Handle);
        Assert.Equal(2, await second.ExecuteScalarAsync<long>("PRAGMA synchronous"));
        Assert.True(await second.ExecuteScalarAsync<long>("PRAGMA busy_timeout") >= 1000);
    }

    [Fact]
    public async Task ForeignKeys_AreEnforced()
    {
        await using var db = TestDatabase.Create();
        await using var connection = await db.Db.OpenAsync();

        var error = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(
            "INSERT INTO buildings (park_id, code, name) VALUES (424242, 'A', 'A')"));
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
    }

    [Fact]
    public async Task EnsureReady_OnAFileThatIsNotADatabase_SaysSo()
    {
        var folder = Path.Combine(Path.GetTempPath(), "park-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "park.db");
        await File.WriteAllTextAsync(path, "this is a spreadsheet, not a database, but it is long enough to look like a file header......");
        try
        {
            var db = new ParkDatabase(new DatabaseOptions { DatabasePath = path });
            var error = Assert.Throws<DatabaseUnavailableException>(db.EnsureReady);
            Assert.Equal(DatabaseProblem.NotADatabase, error.Problem);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task EnsureReady_WhenAnotherProcessHoldsAnExclusiveLock_SaysLocked()
    {
        await using var db = TestDatabase.Create();
        var locked = new ParkDatabase(new DatabaseOptions { DatabasePath = db.FilePath, BusyTimeoutMilliseconds = 200 });
        SqliteConnection.ClearAllPools();
        await using var holder = new SqliteConnection($"Data Source={db.FilePath};Pooling=False");
        holder.Open();
        await holder.ExecuteAsync("PRAGMA journal_mode = DELETE; PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;");

        var error = Assert.Throws<DatabaseUnavailableException>(locked.EnsureReady);

        Assert.Equal(DatabaseProblem.Locked, error.Problem);
    }

    [Fact]
    public async Task AuditTrail_RefusesUpdateAndDelete()
    {
        await using var db = TestDatabase.Create();
        await db.Audit.RecordAsync(new AuditActor(null, "someone@park.demo", "ParkAdmin"), new AuditEntry("test.action", "thing", "1"));
        await using var connection = await db.Db.OpenAsync();

        var update = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("UPDATE audit_events SET action = 'forged'"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("DELETE FROM audit_events"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal("test.action", await connection.ExecuteScalarAsync<string>("SELECT action FROM audit_events"));
    }

    [Fact]
    public async Task Money_IsStoredAsIntegerFen_WithChecks()
    {
        await using var db = TestDatabase.Create();
        await using var connection = await db.Db.OpenAsync();

        var strict = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM pragma_table_list WHERE strict = 0 AND schema = 'main' AND name NOT LIKE 'sqlite_%' AND name <> 'SchemaVersions'");
        Assert.Equal(0, strict);
        var priceType = await connection.ExecuteScalarAsync<string>("SELECT type FROM pragma_table_info('lease_versions') WHERE name = 'monthly_price_fen'");
        Assert.Equal("INTEGER", priceType);
    }
}
