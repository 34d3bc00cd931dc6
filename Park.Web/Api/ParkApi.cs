using Park.Domain.Data;
using Park.Web.Access;

namespace Park.Web.Api;

/// <summary>The /api/v1 group: cookie or personal-access-token auth, JSON, OpenAPI-described.</summary>
public static class ParkApi
{
    public static void MapParkApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1").RequireAuthorization(Policies.SignedIn).WithTags("Park");
        v1.MapMeApi();
        v1.MapStaffingApi();
        v1.MapLeasingApi();
        v1.MapInventoryApi();
        app.MapContractsApi(v1);
    }

    /// <summary>The list envelope every list endpoint answers: <c>{ "items": [...], "total": N }</c>.</summary>
    public sealed record ListResponse<T>(IReadOnlyList<T> Items, int Total);

    public static ListResponse<T> ToResponse<T>(this Page<T> page) => new(page.Items, page.Total);
}
