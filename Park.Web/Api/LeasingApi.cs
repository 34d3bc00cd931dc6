using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Park.Domain.Data;
using Park.Domain.Leasing;
using Park.Domain.Tenants;
using Park.Web.Access;
using Park.Web.Resources;

namespace Park.Web.Api;

/// <summary>Tenants, leases and lease requests. Scoped like the pages: a tenant user sees itself only.</summary>
public static class LeasingApi
{
    public sealed record TenantItem(long Id, string Uscc, string NameZh, string NameEn, string BusinessType, string Status, string ParkCode);

    public sealed record LeaseItem(long Id, string Number, string Status, string Stage, string? EndReason, long TenantId, string TenantName,
        DateOnly StartDate, DateOnly EndDate, long Seats, long MonthlyPriceFen);

    public sealed record SeatItem(string Code);

    public sealed record VersionItem(long Id, long VersionNo, string Kind, string AmendmentKind, string Status, DateOnly EffectiveFrom, DateOnly EndDate,
        long MonthlyPriceFen, string PaymentCycle, IReadOnlyList<SeatItem> Seats);

    public sealed record PaymentItem(DateOnly Start, DateOnly End, DateOnly DueDate, long Seats, long AmountFen, bool RentFree, bool Escalated);

    public sealed record LeaseResponse(long Id, string Number, string Status, string Stage, string? EndReason, long TenantId, string TenantName,
        DateOnly StartDate, DateOnly EndDate, long? PredecessorId, IReadOnlyList<SeatItem> Seats, IReadOnlyList<VersionItem> Versions,
        IReadOnlyList<PaymentItem> Payments);

    /// <summary>What a client may send; anything else in the body (tenantId, status…) is ignored: the scope decides.</summary>
    public sealed record LeaseRequestBody(long LeaseId, string? Kind, int? SeatCount, string? SeatCodes, DateOnly? EffectiveDate, string? Reason);

    public sealed record Created(long Id, string Status);

    public sealed record LeaseRequestItem(long Id, long LeaseId, string LeaseNumber, long TenantId, string TenantName, string Kind, long SeatCount,
        string SeatCodes, DateOnly EffectiveDate, string Reason, string Status, string DecisionNote, DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt);

    public sealed record ProblemBody(string Code, string? Field, string Message);

    /// <summary>
    /// A 404 with a body: an empty 404 would be re-executed by the app's status-code pages as a page request
    /// (for a POST that answers 400), so API not-founds carry their own JSON.
    /// </summary>
    private static NotFound<ProblemBody> NotFoundBody() => TypedResults.NotFound(new ProblemBody("NotFound", null, "Not found."));

    public static void MapLeasingApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/tenants", ListTenantsAsync).WithName("ListTenants").WithSummary("Tenants the caller may see, each with its USCC.");
        v1.MapGet("/leases", ListLeasesAsync).WithName("ListLeases").WithSummary("Leases the caller may see: id, number, status, stage.");
        v1.MapGet("/leases/{id:long}", GetLeaseAsync).WithName("GetLease").WithSummary("One lease with its seats' codes, versions and payment schedule.");
        v1.MapPost("/lease-requests", CreateRequestAsync).WithName("CreateLeaseRequest")
            .WithSummary("A tenant asks for more seats, to release seats or to renew; the tenant comes from the caller's scope.");
        v1.MapGet("/lease-requests", ListRequestsAsync).WithName("ListLeaseRequests")
            .WithSummary("Lease requests the caller may see (a tenant user: its own), pending first; optional status and leaseId filters.");
        v1.MapGet("/lease-requests/{id:long}", GetRequestAsync).WithName("GetLeaseRequest")
            .WithSummary("One lease request with its state and the park's decision note; another tenant's id is not found.");
    }

    private static LeaseRequestItem ToItem(LeaseRequestView r) => new(r.Id, r.LeaseId, r.LeaseNumber, r.TenantId, r.TenantNameZh, r.Kind, r.SeatCount,
        r.SeatCodes, r.EffectiveDate, r.Reason, r.Status, r.DecisionNote, r.CreatedAt, r.DecidedAt);

    private static async Task<Ok<ParkApi.ListResponse<LeaseRequestItem>>> ListRequestsAsync(ScopeProvider scopes, LeaseStore store, string? status, long? leaseId,
        int? page, int? pageSize, CancellationToken ct)
    {
        var result = await store.RequestsAsync(await scopes.RequireAsync(ct), status, new PageRequest(page ?? 1, pageSize ?? 50), leaseId, ct);
        return TypedResults.Ok(new Page<LeaseRequestItem>(result.Items.Select(ToItem).ToArray(), result.Total).ToResponse());
    }

    private static async Task<Results<Ok<LeaseRequestItem>, NotFound<ProblemBody>>> GetRequestAsync(long id, ScopeProvider scopes, LeaseStore store, CancellationToken ct) =>
        await store.RequestAsync(await scopes.RequireAsync(ct), id, ct) is { } request ? TypedResults.Ok(ToItem(request)) : NotFoundBody();

    private static async Task<Ok<ParkApi.ListResponse<TenantItem>>> ListTenantsAsync(ScopeProvider scopes, TenantStore store, string? search, string? status,
        int? page, int? pageSize, CancellationToken ct)
    {
        var scope = await scopes.RequireAsync(ct);
        var result = await store.ListAsync(scope, new TenantQuery(search, status), new PageRequest(page ?? 1, pageSize ?? 50), ct);
        return TypedResults.Ok(new Page<TenantItem>(
            result.Items.Select(t => new TenantItem(t.Id, t.Uscc, t.NameZh, t.NameEn, t.BusinessType, t.Status, t.ParkCode)).ToArray(), result.Total).ToResponse());
    }

    private static async Task<Ok<ParkApi.ListResponse<LeaseItem>>> ListLeasesAsync(ScopeProvider scopes, LeaseStore store, string? search, string? status,
        string? stage, int? page, int? pageSize, CancellationToken ct)
    {
        var scope = await scopes.RequireAsync(ct);
        var result = await store.ListAsync(scope, new LeaseQuery(search, status, stage), new PageRequest(page ?? 1, pageSize ?? 50), ct);
        return TypedResults.Ok(new Page<LeaseItem>(result.Items.Select(l => new LeaseItem(l.Id, l.Number, l.Status, l.Stage, l.EndReason, l.TenantId,
            l.TenantNameZh, l.StartDate, l.EndDate, l.Seats, l.MonthlyPriceFen)).ToArray(), result.Total).ToResponse());
    }

    private static async Task<Results<Ok<LeaseResponse>, NotFound<ProblemBody>>> GetLeaseAsync(long id, ScopeProvider scopes, LeaseStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var lease = await store.GetAsync(await scopes.RequireAsync(ct), id, ct);
        if (lease is null)
        {
            return NotFoundBody();
        }

        var today = Park.Domain.Data.BusinessClock.Today(clock);
        return TypedResults.Ok(new LeaseResponse(lease.Id, lease.Number, lease.Status, lease.Stage, lease.EndReason, lease.TenantId, lease.TenantNameZh,
            lease.StartDate, lease.EndDate, lease.PredecessorId, lease.CurrentSeats(today).Select(c => new SeatItem(c)).ToArray(),
            lease.Versions.Select(v => new VersionItem(v.Id, v.VersionNo, v.Kind, v.AmendmentKind, v.Status, v.EffectiveFrom, v.EndDate, v.MonthlyPriceFen,
                v.PaymentCycle, v.SeatCodes.Select(c => new SeatItem(c)).ToArray())).ToArray(),
            lease.Schedule().Select(p => new PaymentItem(p.Start, p.End, p.DueDate, p.Seats, p.AmountDue.Fen, p.RentFree, p.Escalated)).ToArray()));
    }

    private static async Task<Results<Created<Created>, NotFound<ProblemBody>, BadRequest<ProblemBody>, Conflict<ProblemBody>, ForbidHttpResult>> CreateRequestAsync(
        LeaseRequestBody body, ScopeProvider scopes, LeaseService service, IStringLocalizer<LeasingStrings> strings, CancellationToken ct)
    {
        var scope = await scopes.RequireAsync(ct);
        var result = await service.CreateRequestAsync(scope, await scopes.ActorAsync(ct),
            new NewLeaseRequest(body.LeaseId, body.Kind ?? "", body.SeatCount ?? 0, body.SeatCodes ?? "", body.EffectiveDate ?? default, body.Reason ?? ""), ct);
        if (result.Succeeded)
        {
            return TypedResults.Created($"/api/v1/lease-requests/{result.Value}", new Created(result.Value, "pending"));
        }

        var p = result.Problem!;
        var problem = new ProblemBody(p.Code, p.Field, strings.Describe(p));
        return p.Kind switch
        {
            ErrorKind.NotFound => NotFoundBody(),
            ErrorKind.NotAllowed => TypedResults.Forbid(),
            ErrorKind.Invalid => TypedResults.BadRequest(problem),
            _ => TypedResults.Conflict(problem),
        };
    }
}
