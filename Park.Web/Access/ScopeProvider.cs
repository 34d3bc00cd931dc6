using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Park.Domain.Access;
using Park.Domain.Audit;

namespace Park.Web.Access;

/// <summary>
/// The signed-in user's <see cref="AccessScope"/>, loaded from the database (never from client
/// input). Scoped: one per request, or one per Blazor circuit.
/// </summary>
public sealed class ScopeProvider(UserAdmin users, IHttpContextAccessor http, AuthenticationStateProvider? authState = null)
{
    private AccessScope? _scope;

    /// <summary>
    /// The user as the cookie check loaded them for this request (null in a circuit, which checks its user
    /// every minute instead): the scope and the layout's light/dark choice come from that one read.
    /// </summary>
    public SignedInUser? Current { get; private set; }

    /// <summary>Whether the cookie's security stamp is still the active user's; if it is, the user is kept for the request.</summary>
    public async Task<bool> IsStampCurrentAsync(long userId, string stamp, CancellationToken ct = default)
    {
        var user = await users.SignedInAsync(userId, ct);
        if (user is null || !string.Equals(user.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            return false;
        }

        Current = user;
        _scope = user.Scope;
        return true;
    }

    public async Task<AccessScope?> GetAsync(CancellationToken ct = default)
    {
        var principal = await PrincipalAsync();
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || !long.TryParse(id, out var userId))
        {
            return null;
        }

        if (_scope is { } cached && cached.UserId == userId)
        {
            return cached;
        }

        _scope = await users.ScopeForAsync(userId, ct);
        return _scope;
    }

    /// <summary>The scope, or an exception when nobody is signed in (pages behind a policy).</summary>
    public async Task<AccessScope> RequireAsync(CancellationToken ct = default) =>
        await GetAsync(ct) ?? throw new UnauthorizedAccessException("No signed-in user.");

    public async Task<AuditActor> ActorAsync(CancellationToken ct = default)
    {
        var scope = await RequireAsync(ct);
        return AuditActor.From(scope, http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "");
    }

    private async Task<ClaimsPrincipal?> PrincipalAsync()
    {
        if (http.HttpContext is { } context && context.User.Identity?.IsAuthenticated == true)
        {
            return context.User;
        }

        if (authState is not null)
        {
            try
            {
                return (await authState.GetAuthenticationStateAsync()).User;
            }
            catch (InvalidOperationException)
            {
                // Outside a circuit there is no authentication state to read.
            }
        }

        return http.HttpContext?.User;
    }
}
