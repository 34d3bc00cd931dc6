using System.CommandLine;
using Park.Domain.Data;

namespace Park.Web.Cli;

public static class MigrateVerb
{
    public static Command Create(CliContext context)
    {
        var command = new Command("migrate", context.L["CliMigrate"]);
        command.SetAction((_, _) => context.GuardAsync(async () =>
        {
            var runner = context.Services.GetRequiredService<MigrationRunner>();
            var applied = runner.Run();
            await context.Output.WriteLineAsync(applied.Count == 0
                ? context.L["CliMigrateNone"]
                : context.L["CliMigrateApplied", applied.Count, string.Join(", ", applied)]);
            return 0;
        }));
        return command;
    }
}
