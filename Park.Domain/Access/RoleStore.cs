using Dapper;
using Microsoft.AspNetCore.Identity;
using Park.Domain.Data;

namespace Park.Domain.Access;

/// <summary>Identity's role store. The four roles are created by the migration and never change.</summary>
public sealed class RoleStore(ParkDatabase db) : IRoleStore<ParkRole>
{
    public Task<IdentityResult> CreateAsync(ParkRole role, CancellationToken cancellationToken) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "RolesFixed", Description = "Park's roles are fixed." }));

    public Task<IdentityResult> UpdateAsync(ParkRole role, CancellationToken cancellationToken) => CreateAsync(role, cancellationToken);

    public Task<IdentityResult> DeleteAsync(ParkRole role, CancellationToken cancellationToken) => CreateAsync(role, cancellationToken);

    public Task<string> GetRoleIdAsync(ParkRole role, CancellationToken cancellationToken) =>
        Task.FromResult(role.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task<string?> GetRoleNameAsync(ParkRole role, CancellationToken cancellationToken) => Task.FromResult<string?>(role.Name);

    public Task SetRoleNameAsync(ParkRole role, string? roleName, CancellationToken cancellationToken)
    {
        role.Name = roleName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedRoleNameAsync(ParkRole role, CancellationToken cancellationToken) => Task.FromResult<string?>(role.NormalizedName);

    public Task SetNormalizedRoleNameAsync(ParkRole role, string? normalizedName, CancellationToken cancellationToken)
    {
        role.NormalizedName = normalizedName ?? "";
        return Task.CompletedTask;
    }

    public async Task<ParkRole?> FindByIdAsync(string roleId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ParkRole>(new CommandDefinition(
            "SELECT id, name, normalized_name, concurrency_stamp FROM roles WHERE id = @Id",
            new { Id = long.TryParse(roleId, out var id) ? id : -1 }, cancellationToken: cancellationToken));
    }

    public async Task<ParkRole?> FindByNameAsync(string normalizedRoleName, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ParkRole>(new CommandDefinition(
            "SELECT id, name, normalized_name, concurrency_stamp FROM roles WHERE normalized_name = @Name",
            new { Name = normalizedRoleName }, cancellationToken: cancellationToken));
    }

    public void Dispose()
    {
    }
}
