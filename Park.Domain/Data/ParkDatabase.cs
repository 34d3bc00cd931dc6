using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Park.Domain.Data;

/// <summary>
/// Opens connections to Park's SQLite file with the pragmas every connection needs.
/// Open one per unit of work: Blazor circuits live long, connections should not.
/// </summary>
public sealed class ParkDatabase
{
    private readonly string _connectionString;
    private readonly int _busyTimeout;

    public ParkDatabase(DatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        FullPath = Path.GetFullPath(options.DatabasePath);
        _busyTimeout = options.BusyTimeoutMilliseconds;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = Math.Max(1, options.BusyTimeoutMilliseconds / 1000),
        }.ToString();
    }

    public string FullPath { get; }

    public string ConnectionString => _connectionString;

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            Configure(connection);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Configure(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// These pragmas hold for the physical connection, which the pool keeps open between uses: set them the
    /// first time the pool hands it out, not on every open (a request opens several). Foreign keys are also
    /// switched on by the connection string at every open.
    /// </summary>
    private void Configure(SqliteConnection connection)
    {
        var handle = connection.Handle!;
        if (_configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var pragma = connection.CreateCommand();
        pragma.CommandText =
            $"PRAGMA busy_timeout = {_busyTimeout}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";
        pragma.ExecuteNonQuery();
        _configured.AddOrUpdate(handle, ConfiguredMark);
    }

    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = new();
    private static readonly object ConfiguredMark = new();

    /// <summary>
    /// Creates the folder, switches the file to WAL and checks that every pragma Park relies on is
    /// in force. Throws <see cref="DatabaseUnavailableException"/> with a readable reason otherwise.
    /// </summary>
    public void EnsureReady()
    {
        var folder = Path.GetDirectoryName(FullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        try
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            command.CommandText = "PRAGMA foreign_keys;";
            var foreignKeys = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            command.CommandText = "PRAGMA synchronous;";
            var synchronous = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase) || foreignKeys != 1 || synchronous != 2)
            {
                throw new DatabaseUnavailableException(FullPath, DatabaseProblem.PragmasRefused,
                    $"journal_mode={mode}, foreign_keys={foreignKeys}, synchronous={synchronous}");
            }
        }
        catch (SqliteException ex)
        {
            throw DatabaseUnavailableException.From(FullPath, ex);
        }
    }
}

public enum DatabaseProblem
{
    NotADatabase,
    Locked,
    CannotOpen,
    PragmasRefused,
}

/// <summary>
/// The database file cannot be used. <see cref="MessageKey"/> and <see cref="MessageArgs"/> name the
/// localized text (a key of the app's shared strings: path and SQLite's own words stay verbatim);
/// <see cref="Exception.Message"/> is the English text for logs.
/// </summary>
public sealed class DatabaseUnavailableException(string path, DatabaseProblem problem, string detail)
    : Exception($"{Describe(problem)}: {path} ({detail})")
{
    public string DatabasePath { get; } = path;

    public DatabaseProblem Problem { get; } = problem;

    /// <summary>The SQLite error text or the pragma values, verbatim.</summary>
    public string Detail { get; } = detail;

    /// <summary>The key of the localized message: <c>Database</c> + the problem (e.g. <c>DatabaseLocked</c>); arguments: path, detail.</summary>
    public string MessageKey => "Database" + Problem;

    public object[] MessageArgs => [DatabasePath, Detail];

    public static DatabaseUnavailableException From(string path, SqliteException ex) => ex.SqliteErrorCode switch
    {
        26 => new(path, DatabaseProblem.NotADatabase, ex.Message), // SQLITE_NOTADB
        5 or 6 => new(path, DatabaseProblem.Locked, ex.Message), // SQLITE_BUSY, SQLITE_LOCKED
        _ => new(path, DatabaseProblem.CannotOpen, ex.Message),
    };

    private static string Describe(DatabaseProblem problem) => problem switch
    {
        DatabaseProblem.NotADatabase => "The file at Park:DatabasePath is not a SQLite database",
        DatabaseProblem.Locked => "The database at Park:DatabasePath is locked by another process",
        DatabaseProblem.PragmasRefused => "The database refused Park's required settings (WAL, foreign keys, synchronous=FULL)",
        _ => "The database at Park:DatabasePath cannot be opened",
    };
}
