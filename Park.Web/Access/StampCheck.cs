using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Park.Web.Access;

/// <summary>
/// Whether a cookie's security stamp is still its user's, checked on every request with one indexed read
/// (which also loads the request's scope).
/// Identity's own validator, at the zero interval Park needs, also rebuilds the principal from the stores
/// and re-issues the cookie on every request (several reads and an encryption each time). Nothing in the
/// principal needs rebuilding: every change that must reach a signed-in user (sign-out elsewhere, password,
/// role or scope change) rotates the stamp, deactivation clears is_active, and both refuse the cookie here;
/// the scope itself is read from the database per request, in the same read as the stamp (<see cref="ScopeProvider"/>).
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

        return await services.GetRequiredService<ScopeProvider>().IsStampCurrentAsync(userId, stamp, ct);
    }
}
