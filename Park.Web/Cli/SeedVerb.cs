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
        scale.AcceptOnlyFromAmong(DemoSeed.Scale, NationalSeed.Scale);
        var size = new Option<string>("--size") { Description = context.L["CliSeedSize"], DefaultValueFactory = _ => "full" };
        size.AcceptOnlyFromAmong("full", "small");
        var command = new Command("seed", context.L["CliSeed"]) { scale, size };
        command.SetAction((parsed, ct) => context.GuardAsync(async () =>
        {
            context.Services.GetRequiredService<MigrationRunner>().Run();
            if (parsed.GetValue(scale) == NationalSeed.Scale)
            {
                var national = context.Services.GetRequiredService<NationalSeed>();
                var chosen = parsed.GetValue(size) == "small" ? NationalSize.Small : NationalSize.Full;
                if (!await national.RunAsync(chosen, line => context.Output.WriteLine(line), ct))
                {
                    await context.Output.WriteLineAsync(context.L["CliSeedAlready", NationalSeed.Scale]);
                }

                return 0;
            }

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
