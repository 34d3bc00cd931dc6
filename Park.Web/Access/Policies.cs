using Microsoft.AspNetCore.Authorization;
using Park.Domain.Access;

namespace Park.Web.Access;

/// <summary>
/// Authorization policies. Every routable page and endpoint names one of these (or is on the
/// explicit anonymous list); the fallback policy refuses anything that names none.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>
    /// Any signed-in user, even one who still owes the two-step sign-in their role requires: the
    /// account pages (profile, where it is set up; sign-out) and nothing else.
    /// </summary>
    public const string Account = nameof(Account);

    public const string PlatformAdmin = Roles.PlatformAdmin;

    /// <summary>Park administrators and platform administrators.</summary>
    public const string ParkAdmin = Roles.ParkAdmin;

    public const string TenantUser = Roles.TenantUser;

    public const string GovReviewer = Roles.GovReviewer;

    /// <summary>Those who oversee parks: administrators and government reviewers (read views).</summary>
    public const string ParkViewer = nameof(ParkViewer);

    /// <param name="options">The options to fill.</param>
    /// <param name="twoStep">Whether administrators and reviewers must have signed in with a code; the app's one instance.</param>
    public static void Add(AuthorizationOptions options, StaffTwoFactorRequirement twoStep)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(twoStep).Build();
        options.AddPolicy(Account, p => p.RequireAuthenticatedUser());
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser().AddRequirements(twoStep));
        options.AddPolicy(PlatformAdmin, p => p.RequireRole(Roles.PlatformAdmin).AddRequirements(twoStep));
        options.AddPolicy(ParkAdmin, p => p.RequireRole(Roles.PlatformAdmin, Roles.ParkAdmin).AddRequirements(twoStep));
        options.AddPolicy(TenantUser, p => p.RequireRole(Roles.TenantUser).AddRequirements(twoStep));
        options.AddPolicy(GovReviewer, p => p.RequireRole(Roles.GovReviewer).AddRequirements(twoStep));
        options.AddPolicy(ParkViewer, p => p.RequireRole(Roles.PlatformAdmin, Roles.ParkAdmin, Roles.GovReviewer).AddRequirements(twoStep));
    }
}
