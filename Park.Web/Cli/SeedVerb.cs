using System.CommandLine;
using Park.Domain.Data;
using Park.Domain.Seeding;
using Park.Web.Hosting;

namespace Park.Web.Cli;

public static class SeedVerb
{
    public static Command Create(CliContext context)
    {
        var scale = new Option<string>("--scale") { Description = context.L["CliSeedScale"], Required = true };
        scale.AcceptOnlyFromAmong(DemoSeed.Scale);
        var command = new Command("seed", context.L["CliSeed"]) { scale };
        command.SetAction((parsed, ct) => context.GuardAsync(async () =>
        {
            context.Services.GetRequiredService<MigrationRunner>().Run();
            await using var scope = context.Services.CreateAsyncScope();
            var seed = scope.ServiceProvider.GetRequiredService<DemoSeed>();
            var outcome = await seed.RunAsync(ct);
            if (outcome.AlreadySeeded)
            {
                await context.Output.WriteLineAsync(context.L["CliSeedAlready", parsed.GetValue(scale)!]);
                return 0;
            }

            DemoPrinter.Print(context.Output, outcome.Accounts);
            return 0;
        }));
        return command;
    }
}
