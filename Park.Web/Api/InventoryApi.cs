using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Park.Domain.Data;
using Park.Domain.Inventory;
using Park.Web.Access;
using Park.Web.Resources;

namespace Park.Web.Api;

/// <summary>Parks, their seats on a date and availability, scoped exactly like the pages.</summary>
public static class InventoryApi
{
    public sealed record ParkItem(long Id, string Code, string NameZh, string NameEn, string City, long Seats, long SeatsInService);

    public sealed record SeatItem(long Id, string Code, string State, string SeatType, string Zone, int X, int Y, string ServiceStatus,
        bool Mine, long? TenantId, string? TenantName, string? LeaseNumber);

    public sealed record ProposalSeat(long Id, string Code, string Building, string Floor, string Zone);

    public sealed record ProposalItem(int Rank, string Kind, IReadOnlyList<ProposalSeat> Seats);

    public sealed record AvailabilityResponse(int Available, IReadOnlyList<ProposalItem> Proposals);

    public static void MapInventoryApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/parks", ListParksAsync).WithName("ListParks").WithSummary("Parks the caller may see: { items, total }.");
        v1.MapGet("/parks/{id:long}/seats", ListSeatsAsync).WithName("ListSeats")
            .WithSummary("Seats of a park with their state on a date (free, leased, reserved, out_of_service; occupied for other tenants' seats).");
        v1.MapGet("/parks/{id:long}/availability", AvailabilityAsync).WithName("FindAvailableSeats")
            .WithSummary("Ranked proposals of `count` seats free from `from` to `to` (exclusive), keeping teams together.");
        v1.MapGet("/parks/{id:long}/seats/export", ExportAsync).WithName("ExportSeats").RequireAuthorization(Policies.ParkViewer)
            .WithSummary("The park's seats as CSV (UTF-8 with BOM; formula-like cells neutralised; English headers in every language, status_since and status_until included).");
    }

    private static async Task<Ok<ParkApi.ListResponse<ParkItem>>> ListParksAsync(
        ScopeProvider scopes, ParkStore parks, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        var result = await parks.ListAsync(await scopes.RequireAsync(ct), search, new PageRequest(page ?? 1, pageSize ?? 25), ct);
        var items = result.Items.Select(p => new ParkItem(p.Id, p.Code, p.NameZh, p.NameEn, p.City, p.Seats, p.SeatsInService)).ToArray();
        return TypedResults.Ok(new Page<ParkItem>(items, result.Total).ToResponse());
    }

    private static async Task<Results<Ok<ParkApi.ListResponse<SeatItem>>, NotFound, ValidationProblem>> ListSeatsAsync(
        long id, ScopeProvider scopes, SeatMapQueries maps, TimeProvider clock, IStringLocalizer<InventoryStrings> loc,
        string? date, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var day = clock.Today();
        if (!string.IsNullOrEmpty(date) && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return Invalid("date", "yyyy-MM-dd");
        }

        if (!string.IsNullOrEmpty(status) && !SeatStates.IsValid(status))
        {
            return Invalid("status", string.Join(", ", SeatStates.All));
        }

        var result = await maps.ParkSeatsAsync(await scopes.RequireAsync(ct), id, day, status, new PageRequest(page ?? 1, pageSize ?? 50), ct);
        if (result is null)
        {
            return TypedResults.NotFound();
        }

        var english = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);
        var items = result.Items.Select(s => new SeatItem(s.Id, s.Code, s.State, s.SeatType, s.ZoneCode, s.X, s.Y, s.ServiceStatus, s.Mine, s.TenantId,
            english && !string.IsNullOrEmpty(s.TenantNameEn) ? s.TenantNameEn : s.TenantNameZh, s.LeaseNumber)).ToArray();
        return TypedResults.Ok(new Page<SeatItem>(items, result.Total).ToResponse());
    }

    /// <summary>
    /// The availability search's query string, read as text so that a malformed value gets a message in the caller's
    /// language: dates yyyy-MM-dd; ids positive integers; flags true/false (or 1/0); minMonitors 0–4.
    /// </summary>
    public sealed record AvailabilityParameters(
        string? Count, string? From, string? To, string? BuildingId, string? FloorId, string? SeatType,
        string? Pc, string? Headset, string? PhoneLine, string? PciZone, string? MinMonitors);

    private static async Task<Results<Ok<AvailabilityResponse>, NotFound, ValidationProblem>> AvailabilityAsync(
        long id, ScopeProvider scopes, AvailabilityService availability, IStringLocalizer<InventoryStrings> loc,
        [AsParameters] AvailabilityParameters q, CancellationToken ct)
    {
        if (FirstBad(q) is { } bad)
        {
            return Invalid(bad, loc[MessageFor(bad), bad]);
        }

        var result = await availability.SearchAsync(await scopes.RequireAsync(ct), ToQuery(id, q), ct: ct);
        if (result.Problem is { Kind: ErrorKind.NotFound })
        {
            return TypedResults.NotFound();
        }

        if (result.Problem is { } problem)
        {
            return Invalid(problem.Field ?? "query", loc.Describe(problem));
        }

        var proposals = result.Value!.Proposals.Select(p => new ProposalItem(p.Rank, p.Kind.ToString(),
            p.Seats.Select(s => new ProposalSeat(s.Id, s.Code, s.BuildingCode, s.FloorName, s.ZoneCode)).ToArray())).ToArray();
        return TypedResults.Ok(new AvailabilityResponse(result.Value.Available, proposals));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportAsync(long id, ScopeProvider scopes, SeatCsvService csv, CancellationToken ct)
    {
        var result = await csv.ExportAsync(await scopes.RequireAsync(ct), await scopes.ActorAsync(ct), id, ct);
        return result.Succeeded
            ? TypedResults.File(result.Value!, "text/csv; charset=utf-8", $"seats-{id}.csv")
            : TypedResults.NotFound();
    }

    /// <summary>The parsed query; call only once <see cref="FirstBad"/> found nothing.</summary>
    private static AvailabilityQuery ToQuery(long parkId, AvailabilityParameters q) =>
        new(
            parkId, Int(q.Count) ?? 1, Date(q.From)!.Value, Date(q.To)!.Value, Id(q.BuildingId), Id(q.FloorId), string.IsNullOrEmpty(q.SeatType) ? null : q.SeatType,
            new EquipmentNeeds(Flag(q.Pc), Flag(q.Headset), Flag(q.PhoneLine), Int(q.MinMonitors), Flag(q.PciZone)));

    /// <summary>The first query parameter that does not parse (range and enum checks are the service's), or null.</summary>
    private static string? FirstBad(AvailabilityParameters q) =>
        Date(q.From) is null ? "from"
        : Date(q.To) is null ? "to"
        : !string.IsNullOrEmpty(q.Count) && Int(q.Count) is null ? "count"
        : !string.IsNullOrEmpty(q.BuildingId) && Id(q.BuildingId) is null ? "buildingId"
        : !string.IsNullOrEmpty(q.FloorId) && Id(q.FloorId) is null ? "floorId"
        : !string.IsNullOrEmpty(q.MinMonitors) && Int(q.MinMonitors) is null ? "minMonitors"
        : !string.IsNullOrEmpty(q.Pc) && Flag(q.Pc) is null ? "pc"
        : !string.IsNullOrEmpty(q.Headset) && Flag(q.Headset) is null ? "headset"
        : !string.IsNullOrEmpty(q.PhoneLine) && Flag(q.PhoneLine) is null ? "phoneLine"
        : !string.IsNullOrEmpty(q.PciZone) && Flag(q.PciZone) is null ? "pciZone"
        : null;

    private static string MessageFor(string parameter) => parameter switch
    {
        "from" or "to" => "ParameterDateInvalid",
        "count" or "minMonitors" => "ParameterNumberInvalid",
        "buildingId" or "floorId" => "ParameterIdInvalid",
        _ => "ParameterFlagInvalid",
    };

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static long? Id(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    private static bool? Flag(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
