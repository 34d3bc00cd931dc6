namespace Park.Domain.Data;

/// <summary>Where the SQLite file lives. Bound from the configuration key <c>Park:DatabasePath</c>.</summary>
public sealed class DatabaseOptions
{
    public const string DefaultPath = "data/park.db";

    public string DatabasePath { get; set; } = DefaultPath;

    /// <summary>How long a writer waits for another writer's lock before giving up.</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 5000;
}
