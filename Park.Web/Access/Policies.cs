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

    public const string PlatformAdmin = Roles.PlatformAdmin;

    /// <summary>Park administrators and platform administrators.</summary>
    public const string ParkAdmin = Roles.ParkAdmin;

    public const string TenantUser = Roles.TenantUser;

    public const string GovReviewer = Roles.GovReviewer;

    /// <summary>Those who oversee parks: administrators and government reviewers (read views).</summary>
    public const string ParkViewer = nameof(ParkViewer);

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(PlatformAdmin, p => p.RequireRole(Roles.PlatformAdmin));
        options.AddPolicy(ParkAdmin, p => p.RequireRole(Roles.PlatformAdmin, Roles.ParkAdmin));
        options.AddPolicy(TenantUser, p => p.RequireRole(Roles.TenantUser));
        options.AddPolicy(GovReviewer, p => p.RequireRole(Roles.GovReviewer));
        options.AddPolicy(ParkViewer, p => p.RequireRole(Roles.PlatformAdmin, Roles.ParkAdmin, Roles.GovReviewer));
    }
}
