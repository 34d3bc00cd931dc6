using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using Park.Domain.Access;

namespace Park.Tests.Staffing;

/// <summary>
/// The real app on a temporary database with the demo seeded, shared by a test class. (The shared
/// TestDatabase.WithDemoAsync cannot build UserManager yet — it lacks data protection — so the
/// staffing data tests resolve the domain services from the app itself.)
/// </summary>
public sealed class StaffingWorld : IAsyncLifetime
{
    public ParkAppFactory Factory { get; } = new();

    public T Get<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    public async Task<AccessScope> ScopeOfAsync(string email)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ParkUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No user {email}.");
        return (await scope.ServiceProvider.GetRequiredService<UserAdmin>().ScopeForAsync(user.Id))!;
    }

    public async ValueTask InitializeAsync() => await Factory.AccountsAsync();

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
