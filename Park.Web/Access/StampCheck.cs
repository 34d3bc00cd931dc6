using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Park.Domain.Data;

namespace Park.Web.Access;

/// <summary>
/// Whether a cookie's security stamp is still its user's, checked on every request with one indexed read.
/// Identity's own validator, at the zero interval Park needs, also rebuilds the principal from the stores
/// and re-issues the cookie on every request (several reads and an encryption each time). Nothing in the
/// principal needs rebuilding: every change that must reach a signed-in user (sign-out elsewhere, password,
/// role or scope change) rotates the stamp, deactivation clears is_active, and both refuse the cookie here;
/// the scope itself is read from the database per request (<see cref="ScopeProvider"/>).
/// </summary>
public static class StampCheck
{
    public static async Task<bool> IsCurrentAsync(ClaimsPrincipal? principal, IServiceProvider services, CancellationToken ct)
    {
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id || !long.TryParse(id, out var userId)
            || principal.FindFirstValue(stampClaim) is not { } stamp)
        {
            return false;
        }

        await using var connection = await services.GetRequiredService<ParkDatabase>().OpenAsync(ct);
        var current = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT security_stamp FROM users WHERE id = @Id AND is_active = 1", new { Id = userId }, cancellationToken: ct));
        return string.Equals(current, stamp, StringComparison.Ordinal);
    }
}
