using System.CommandLine;
using Microsoft.Data.Sqlite;
using Park.Domain.Data;

namespace Park.Web.Cli;

/// <summary>
/// <c>backup --to FILE</c>: SQLite's online backup API, consistent while the app keeps writing;
/// the copy is checked with <c>integrity_check</c> before the verb reports success.
/// </summary>
public static class BackupVerb
{
    public static Command Create(CliContext context)
    {
        var to = new Option<FileInfo>("--to") { Description = context.L["CliBackupTo"], Required = true };
        var command = new Command("backup", context.L["CliBackup"]) { to };
        command.SetAction((parsed, ct) => context.GuardAsync(async () =>
        {
            var target = parsed.GetValue(to)!;
            var db = context.Services.GetRequiredService<ParkDatabase>();
            if (!File.Exists(db.FullPath))
            {
                await context.Error.WriteLineAsync(context.L["CliBackupNoDatabase", db.FullPath]);
                return 2;
            }

            if (!CanWrite(target))
            {
                await context.Error.WriteLineAsync(context.L["CliBackupCannotWrite", target.FullName]);
                return 2;
            }

            await using var source = await db.OpenAsync(ct);
            var temp = target.FullName + ".partial";
            await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temp, Pooling = false }.ToString()))
            {
                destination.Open();
                source.BackupDatabase(destination);
                await using var check = destination.CreateCommand();
                check.CommandText = "PRAGMA integrity_check;";
                var verdict = (string?)await check.ExecuteScalarAsync(ct);
                if (verdict != "ok")
                {
                    await context.Error.WriteLineAsync(context.L["CliBackupCorrupt", verdict ?? ""]);
                    return 2;
                }
            }

            File.Move(temp, target.FullName, overwrite: true);
            await context.Output.WriteLineAsync(context.L["CliBackupDone", target.FullName, new FileInfo(target.FullName).Length]);
            return 0;
        }));
        return command;
    }

    private static bool CanWrite(FileInfo target)
    {
        try
        {
            if (target.Directory is null || !target.Directory.Exists)
            {
                return false;
            }

            var probe = Path.Combine(target.Directory.FullName, $".park-backup-probe-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return !Directory.Exists(target.FullName);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }
}
