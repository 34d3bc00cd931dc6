using System.Reflection;
using DbUp;
using DbUp.Engine;
using DbUp.Engine.Output;

namespace Park.Domain.Data;

/// <summary>A numbered SQL file from <c>migrations/</c>, e.g. <c>0001_create_parks.sql</c>.</summary>
public sealed record MigrationScript(string Name, string Sql);

/// <summary>
/// Applies the numbered migrations in order, each exactly once and each in its own transaction,
/// journaled by DbUp. A failing script rolls back whole and stops the run with its name.
/// </summary>
public sealed class MigrationRunner(ParkDatabase database)
{
    private const string ResourcePrefix = "migrations.";

    public static IReadOnlyList<MigrationScript> EmbeddedScripts()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => new MigrationScript(n[ResourcePrefix.Length..], Read(assembly, n)))
            .ToArray();
    }

    /// <summary>Names of the scripts not yet applied.</summary>
    public IReadOnlyList<string> Pending(IReadOnlyList<MigrationScript>? scripts = null) =>
        Build(scripts ?? EmbeddedScripts()).GetScriptsToExecute().Select(s => s.Name).ToArray();

    /// <summary>Applies pending scripts; returns the names applied. Throws <see cref="MigrationFailedException"/>.</summary>
    public IReadOnlyList<string> Run(IReadOnlyList<MigrationScript>? scripts = null)
    {
        database.EnsureReady();
        var result = Build(scripts ?? EmbeddedScripts()).PerformUpgrade();
        if (!result.Successful)
        {
            throw new MigrationFailedException(result.ErrorScript?.Name ?? "(unknown)", result.Error?.Message ?? "unknown error", result.Error);
        }

        return result.Scripts.Select(s => s.Name).ToArray();
    }

    private UpgradeEngine Build(IReadOnlyList<MigrationScript> scripts) =>
        DeployChanges.To
            .SqliteDatabase(database.ConnectionString)
            .WithScripts(scripts.Select(s => new SqlScript(s.Name, s.Sql)))
            .WithTransactionPerScript()
            .LogTo(new NullUpgradeLog())
            .Build();

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed class NullUpgradeLog : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) { }
        public void LogDebug(string format, params object[] args) { }
        public void LogInformation(string format, params object[] args) { }
        public void LogWarning(string format, params object[] args) { }
        public void LogError(string format, params object[] args) { }
        public void LogError(Exception ex, string format, params object[] args) { }
    }
}

/// <summary>
/// A migration failed; nothing of it was applied. <see cref="MessageKey"/> and <see cref="MessageArgs"/>
/// name the localized text (file name and SQL error verbatim); <see cref="Exception.Message"/> is English, for logs.
/// </summary>
public sealed class MigrationFailedException(string script, string sqlError, Exception? inner)
    : Exception($"Migration {script} failed and was rolled back: {sqlError}", inner)
{
    public string MessageKey => "MigrationFailed";

    public string Script { get; } = script;

    public string SqlError { get; } = sqlError;

    public object[] MessageArgs => [Script, SqlError];
}
