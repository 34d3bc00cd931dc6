using System.CommandLine;
using Microsoft.Extensions.Localization;
using Park.Domain.Data;
using Park.Web.Hosting;
using Park.Web.Resources;

namespace Park.Web.Cli;

/// <summary>
/// The command-line verbs of the Park.Web executable. They read the same configuration as the app
/// (appsettings, environment, <c>Park__DatabasePath</c>), so they act on the same database.
/// </summary>
public static class ParkCli
{
    private static readonly string[] Verbs = ["migrate", "seed", "users", "backup", "staffing", "contracts", "--help", "-h", "-?", "--version"];

    /// <summary>A first argument that is not an option is a verb (an unknown one gets the parser's error).</summary>
    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (Verbs.Contains(args[0], StringComparer.Ordinal) || !args[0].StartsWith('-'));

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        await using var services = BuildServices();
        var context = new CliContext(services, output, error);
        var root = new RootCommand(context.L["CliDescription"])
        {
            MigrateVerb.Create(context),
            SeedVerb.Create(context),
            UsersVerb.Create(context),
            BackupVerb.Create(context),
            StaffingVerb.Create(context),
            ContractsVerb.Create(context),
        };
        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static ServiceProvider BuildServices()
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{EnvironmentName}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var services = new ServiceCollection();
        services.AddParkStandalone(configuration);
        return services.BuildServiceProvider();
    }

    private static string EnvironmentName =>
        Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
        ?? "Production";

    /// <summary>The failed migration in the current UI culture's language; file name and SQL error verbatim.</summary>
    public static string Describe(MigrationFailedException ex, IStringLocalizer strings) => strings[ex.MessageKey, ex.MessageArgs];

    /// <summary>Why the database cannot be used, in the current UI culture's language; path and SQLite's words verbatim.</summary>
    public static string Describe(DatabaseUnavailableException ex, IStringLocalizer strings) => strings[ex.MessageKey, ex.MessageArgs];

    /// <summary>
    /// The shared strings without a service provider: the web host's is disposed by the time a
    /// start-up failure reaches <see cref="Program.Main"/>.
    /// </summary>
    public static IStringLocalizer SharedStrings() =>
        new ResourceManagerStringLocalizerFactory(
                Microsoft.Extensions.Options.Options.Create(new LocalizationOptions()),
                Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
            .Create(typeof(Shared));
}

/// <summary>What every verb needs: services, output and the localized strings.</summary>
public sealed class CliContext(IServiceProvider services, TextWriter output, TextWriter error)
{
    public IServiceProvider Services { get; } = services;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public IStringLocalizer L { get; } = services.GetRequiredService<IStringLocalizer<Shared>>();

    /// <summary>Runs a verb body, turning database problems into one clear line and exit code 2.</summary>
    public async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (DatabaseUnavailableException ex)
        {
            await Error.WriteLineAsync(L["CliDatabaseUnavailable", ParkCli.Describe(ex, L)]);
            return 2;
        }
        catch (MigrationFailedException ex)
        {
            await Error.WriteLineAsync(ParkCli.Describe(ex, L));
            return 2;
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            var db = Services.GetRequiredService<ParkDatabase>();
            await Error.WriteLineAsync(L["CliDatabaseUnavailable", ParkCli.Describe(DatabaseUnavailableException.From(db.FullPath, ex), L)]);
            return 2;
        }
    }
}
