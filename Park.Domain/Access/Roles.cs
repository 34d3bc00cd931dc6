namespace Park.Domain.Access;

/// <summary>The four roles. Names are stored in the database and used as policy names.</summary>
public static class Roles
{
    public const string PlatformAdmin = nameof(PlatformAdmin);
    public const string ParkAdmin = nameof(ParkAdmin);
    public const string TenantUser = nameof(TenantUser);
    public const string GovReviewer = nameof(GovReviewer);

    public static readonly IReadOnlyList<string> All = [PlatformAdmin, ParkAdmin, TenantUser, GovReviewer];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
