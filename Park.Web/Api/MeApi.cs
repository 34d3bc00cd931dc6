using Microsoft.AspNetCore.Http.HttpResults;
using Park.Domain.Inventory;
using Park.Web.Access;

namespace Park.Web.Api;

public static class MeApi
{
    public sealed record MeResponse(long Id, string Email, IReadOnlyList<string> Roles, MeScope Scope);

    public sealed record MeScope(bool AllParks, IReadOnlyList<string> Parks, long? TenantId);

    public static void MapMeApi(this RouteGroupBuilder v1) =>
        v1.MapGet("/me", GetMeAsync)
            .WithName("GetMe")
            .WithSummary("Who am I: e-mail, roles and the scope the caller's requests are limited to.");

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> GetMeAsync(
        ScopeProvider scopes, ParkStore parks, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (scope is null)
        {
            return TypedResults.Unauthorized();
        }

        var visible = await parks.ListAsync(scope, null, new Park.Domain.Data.PageRequest(1, 200), ct);
        return TypedResults.Ok(new MeResponse(scope.UserId, scope.Email, scope.Roles,
            new MeScope(scope.AllParks, visible.Items.Select(p => p.Code).ToArray(), scope.TenantId)));
    }
}
