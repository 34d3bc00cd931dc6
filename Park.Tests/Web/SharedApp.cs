using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Park.Domain.Access;
using Park.Domain.Data;

namespace Park.Tests.Web;

/// <summary>One app per test class: starting the host and seeding the demo once keeps the suite fast.</summary>
public sealed class SharedApp : IAsyncLifetime
{
    public ParkAppFactory App { get; } = new();

    public async ValueTask InitializeAsync() => await App.AccountsAsync();

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await App.Services.GetRequiredService<ParkDatabase>().OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    public async Task ExecuteAsync(string sql, object? args = null)
    {
        await using var connection = await App.Services.GetRequiredService<ParkDatabase>().OpenAsync();
        await connection.ExecuteAsync(sql, args);
    }

    public async Task<ParkUser> CreateUserAsync(string email, string password, string? role = null)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ParkUser>>();
        var user = new ParkUser { UserName = email, Email = email, DisplayName = "Test" };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (role is not null)
        {
            await users.AddToRoleAsync(user, role);
        }

        return user;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
