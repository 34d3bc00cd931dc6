using Park.Domain.Data;
using Park.Domain.Seeding;

namespace Park.Web.Hosting;

/// <summary>
/// Before the server listens: checks the database, applies pending migrations and, where
/// configured (Development), seeds the demo into an empty database and prints its sign-ins.
/// </summary>
public sealed class DatabaseStartup(
    MigrationRunner migrations,
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = migrations.Run();
        if (applied.Count > 0 && logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Applied migrations: {Migrations}", string.Join(", ", applied));
        }

        if (!configuration.GetValue("Park:SeedDemoOnEmptyDatabase", false))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var seed = scope.ServiceProvider.GetRequiredService<DemoSeed>();
        if (await seed.NeedsSeedAsync(cancellationToken))
        {
            var outcome = await seed.RunAsync(cancellationToken);
            DemoPrinter.Print(Console.Out, outcome.Accounts);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class DemoPrinter
{
    public static void Print(TextWriter output, IReadOnlyList<DemoAccount> accounts)
    {
        output.WriteLine("Park demo sign-ins (演示账号):");
        foreach (var a in accounts)
        {
            output.WriteLine($"  {a.Role,-14} {a.Email,-24} {a.Password}   {a.Description}");
        }
    }
}
