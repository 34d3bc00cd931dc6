using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;
using Park.Domain.Seeding;
using Park.Web.Hosting;

namespace Park.Tests.Support;

/// <summary>
/// A real SQLite file in a temp folder with the real migrations applied, plus the domain's
/// services wired as the app wires them. Disposing deletes the folder.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestDatabase(string folder, bool migrate, TimeProvider clock)
    {
        Folder = folder;
        DapperSetup.Configure();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Park:DatabasePath"] = Path.Combine(folder, "park.db") })
            .Build();
        var services = new ServiceCollection();
        services.AddParkStandalone(configuration);
        services.AddSingleton(clock);
        services.AddDataProtection();
        _services = services.BuildServiceProvider();
        Db = _services.GetRequiredService<ParkDatabase>();
        if (migrate)
        {
            new MigrationRunner(Db).Run();
        }
    }

    public string Folder { get; }

    public ParkDatabase Db { get; }

    public string FilePath => Db.FullPath;

    public IServiceProvider Services => _services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static TestDatabase Create(bool migrate = true, TimeProvider? clock = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "park-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new TestDatabase(folder, migrate, clock ?? TestClock.At(2026, 11, 23));
    }

    /// <summary>A migrated database holding the demo park, its tenants and its users (and the demo leases when asked).</summary>
    public static async Task<TestDatabase> WithDemoAsync(TimeProvider? clock = null, bool leases = false)
    {
        var db = Create(clock: clock);
        await using var scope = db._services.CreateAsyncScope();
        var seed = scope.ServiceProvider.GetRequiredService<DemoSeed>();
        seed.IncludeLeases = leases;
        await seed.RunAsync();
        return db;
    }

    /// <summary>A scoped service (UserManager, UserAdmin…) in a fresh scope.</summary>
    public AsyncServiceScope Scope() => _services.CreateAsyncScope();

    public async Task<AccessScope> ScopeOfAsync(string email)
    {
        await using var scope = Scope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ParkUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
        return (await scope.ServiceProvider.GetRequiredService<UserAdmin>().ScopeForAsync(user.Id))!;
    }

    public AuditTrail Audit => Get<AuditTrail>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow runner; the temp folder is cleaned by the OS.
        }
    }
}
