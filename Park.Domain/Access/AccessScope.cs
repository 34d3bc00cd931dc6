using Dapper;

namespace Park.Domain.Access;

/// <summary>
/// What a signed-in user may see, built on the server from the user's identity (never from client
/// input). Stores put <see cref="ParkFilter"/> / <see cref="TenantFilter"/> of the caller's scope into their SQL and
/// <see cref="Parameters"/> into the command, so a row outside the scope reads as "not found".
/// </summary>
public sealed record AccessScope
{
    private AccessScope(long userId, string email, IReadOnlyList<string> roles, long? tenantId, bool tenantAdmin = false)
    {
        UserId = userId;
        Email = email;
        Roles = roles;
        TenantId = tenantId;
        IsTenantAdmin = tenantAdmin && tenantId is not null;
    }

    /// <summary>A tenant user who may invite colleagues of the same tenant.</summary>
    public bool IsTenantAdmin { get; }

    public long UserId { get; }

    public string Email { get; }

    public IReadOnlyList<string> Roles { get; }

    /// <summary>Set for tenant users: every row they reach belongs to this tenant.</summary>
    public long? TenantId { get; }

    public bool AllParks => IsIn(Access.Roles.PlatformAdmin);

    public bool IsTenant => TenantId is not null && IsIn(Access.Roles.TenantUser);

    public bool IsReviewer => IsIn(Access.Roles.GovReviewer);

    public bool IsParkAdmin => IsIn(Access.Roles.ParkAdmin) || AllParks;

    /// <summary>The main role, for display and the audit trail.</summary>
    public string PrimaryRole => Roles.Count > 0 ? Roles[0] : "";

    public bool IsIn(string role) => Roles.Contains(role, StringComparer.Ordinal);

    public static AccessScope For(long userId, string email, IEnumerable<string> roles, long? tenantId, bool tenantAdmin = false)
    {
        var ordered = Access.Roles.All.Where(r => roles.Contains(r, StringComparer.Ordinal)).ToArray();
        // A tenant binding only counts for tenant users, and a tenant user without one sees nothing.
        var isTenant = ordered.Contains(Access.Roles.TenantUser);
        return new AccessScope(userId, email, ordered, isTenant ? tenantId ?? -1 : null, isTenant && tenantAdmin && tenantId is not null);
    }

    /// <summary>A scope that sees everything: for CLI verbs and background jobs run by the operator.</summary>
    public static AccessScope System { get; } = new(0, "system", [Access.Roles.PlatformAdmin], null);

    /// <summary>
    /// SQL predicate: the park column is one of the parks this scope may see. Written for this scope, so a
    /// platform administrator's scan carries no per-row test (a count over 15,000 leases: 0.5 ms → 0.01 ms) and
    /// the others' test is an <c>IN</c> that an index on the column can serve. The values stay parameters.
    /// </summary>
    public string ParkFilter(string parkColumn)
    {
        if (AllParks)
        {
            return Always;
        }

        var assigned = $"{parkColumn} IN (SELECT up.park_id FROM user_parks up WHERE up.user_id = @ScopeUserId)";
        return TenantId is null
            ? $"({assigned})"
            : $"({assigned} OR {parkColumn} IN (SELECT st.park_id FROM tenants st WHERE st.id = @ScopeTenantId))";
    }

    /// <summary>SQL predicate: the tenant column matches when the scope is a tenant's (always true otherwise).</summary>
    public string TenantFilter(string tenantColumn) =>
        TenantId is null ? Always : $"{tenantColumn} = @ScopeTenantId";

    /// <summary>The predicate a filter is when the scope does not narrow: true for every row.</summary>
    public const string Always = "1 = 1";

    /// <summary>The parameters the filters use, plus the command's own.</summary>
    public DynamicParameters Parameters(object? extra = null)
    {
        var parameters = new DynamicParameters(extra);
        parameters.Add("ScopeUserId", UserId);
        parameters.Add("ScopeTenantId", TenantId);
        return parameters;
    }
}
