using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Park.Domain.Access;

namespace Park.Web.Access;

/// <summary>
/// Two-step sign-in for those who run parks and judge them (SECURITY.md): outside Development, a
/// platform administrator, park administrator or government reviewer reaches nothing but the account
/// pages until they have signed in with a password and an authenticator code. The sign-in records how
/// it was made in the <see cref="Claim"/> claim; a personal access token (made by the <c>users token</c>
/// verb on the server) counts as its own factor. Tenants are not held to it. Part of every policy but
/// <see cref="Policies.Account"/>, so pages, the API and interactive navigation all apply it.
/// </summary>
public sealed class StaffTwoFactorRequirement(bool enforced) : AuthorizationHandler<StaffTwoFactorRequirement>, IAuthorizationRequirement
{
    /// <summary>How the session was authenticated: <see cref="Password"/>, <see cref="PasswordAndCode"/> or <see cref="Token"/>.</summary>
    public const string Claim = "park:amr";
    public const string Password = "pwd";
    public const string PasswordAndCode = "pwd+totp";
    public const string Token = "pat";

    /// <summary>The setting that turns the rule on or off; on by default everywhere but Development.</summary>
    public const string Setting = "Park:Auth:RequireTwoFactorForStaff";

    public bool Enforced { get; } = enforced;

    public static bool IsEnforced(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue(Setting, !environment.IsDevelopment());

    public static bool IsStaff(ClaimsPrincipal user) =>
        user.IsInRole(Roles.PlatformAdmin) || user.IsInRole(Roles.ParkAdmin) || user.IsInRole(Roles.GovReviewer);

    /// <summary>True when this signed-in user must first sign in again with an authenticator code.</summary>
    public bool Blocks(ClaimsPrincipal user) =>
        Enforced
        && user.Identity?.IsAuthenticated == true
        && IsStaff(user)
        && user.FindFirst(Claim)?.Value is not (PasswordAndCode or Token);

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffTwoFactorRequirement requirement)
    {
        if (!requirement.Blocks(context.User))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
