namespace Park.Domain.Inventory;

/// <summary>The values the seats table allows (its CHECK constraints), in one place.</summary>
public static class SeatTypes
{
    public const string Agent = "agent";
    public const string TeamLead = "team_lead";
    public const string Quality = "quality";
    public const string Training = "training";

    public static readonly IReadOnlyList<string> All = [Agent, TeamLead, Quality, Training];

    public static bool IsValid(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}

public static class ServiceStatuses
{
    public const string InService = "in_service";
    public const string Maintenance = "maintenance";
    public const string Retired = "retired";

    public static readonly IReadOnlyList<string> All = [InService, Maintenance, Retired];

    public static bool IsValid(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}

/// <summary>A seat's state on one day, as the map and the API show it.</summary>
public static class SeatStates
{
    public const string Free = "free";
    public const string Leased = "leased";
    public const string Reserved = "reserved";
    public const string OutOfService = "out_of_service";

    /// <summary>Held or reserved by another tenant, as a tenant user sees it: no name, no lease.</summary>
    public const string Occupied = "occupied";

    public static readonly IReadOnlyList<string> All = [Free, Leased, Reserved, OutOfService, Occupied];

    public static bool IsValid(string? value) => value is not null && All.Contains(value, StringComparer.Ordinal);
}

/// <summary>Equipment filter for availability searches; null means "don't care".</summary>
public sealed record EquipmentNeeds(bool? Pc = null, bool? Headset = null, bool? PhoneLine = null, int? MinMonitors = null, bool? PciZone = null);
