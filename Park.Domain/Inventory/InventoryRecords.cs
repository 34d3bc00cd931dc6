namespace Park.Domain.Inventory;

public sealed record ParkHeader
{
    public long Id { get; init; }
    public string Code { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string City { get; init; } = "";
}

public sealed record BuildingRow
{
    public long Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public int Seats { get; init; }
    public int RowVersion { get; init; }
}

public sealed record FloorRow
{
    public long Id { get; init; }
    public long BuildingId { get; init; }
    public string BuildingCode { get; init; } = "";
    public int Level { get; init; }
    public string Name { get; init; } = "";
    public int PlanWidth { get; init; }
    public int PlanHeight { get; init; }
    public int Seats { get; init; }
    public int RowVersion { get; init; }
}

public sealed record ZoneRow
{
    public long Id { get; init; }
    public long FloorId { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public int Seats { get; init; }
    public int RowVersion { get; init; }
}

/// <summary>A park with its buildings, floors and zones (seat counts, not seats).</summary>
public sealed record ParkTree(ParkHeader Park, IReadOnlyList<BuildingRow> Buildings, IReadOnlyList<FloorRow> Floors, IReadOnlyList<ZoneRow> Zones)
{
    public IEnumerable<FloorRow> FloorsOf(long buildingId) => Floors.Where(f => f.BuildingId == buildingId).OrderBy(f => f.Level);

    public IEnumerable<ZoneRow> ZonesOf(long floorId) => Zones.Where(z => z.FloorId == floorId).OrderBy(z => z.Code, StringComparer.Ordinal);
}

public sealed record SeatRow
{
    public long Id { get; init; }
    public long ParkId { get; init; }
    public long ZoneId { get; init; }
    public string Code { get; init; } = "";
    public string SeatType { get; init; } = SeatTypes.Agent;
    public bool HasPc { get; init; }
    public bool HasHeadset { get; init; }
    public bool HasPhoneLine { get; init; }
    public int Monitors { get; init; }
    public bool PciZone { get; init; }
    public int X { get; init; }
    public int Y { get; init; }
    public string ServiceStatus { get; init; } = ServiceStatuses.InService;
    public DateOnly StatusSince { get; init; }
    public DateOnly? StatusUntil { get; init; }
    public int RowVersion { get; init; }
    public string ZoneCode { get; init; } = "";
    public long FloorId { get; init; }
    public int FloorLevel { get; init; }
    public string FloorName { get; init; } = "";
    public string BuildingCode { get; init; } = "";
}

public sealed record SeatFilter(long? BuildingId = null, long? FloorId = null, long? ZoneId = null, string? Search = null, string? ServiceStatus = null);

public sealed record BuildingInput(string Code, string Name);

public sealed record FloorInput(long BuildingId, int Level, string Name, int PlanWidth, int PlanHeight);

public sealed record ZoneInput(long FloorId, string Code, string Name);

public sealed record SeatInput(
    long ZoneId, string Code, string SeatType, bool HasPc, bool HasHeadset, bool HasPhoneLine, int Monitors, bool PciZone, int X, int Y);

/// <summary>A service-status change for one or more seats; <paramref name="Until"/> null = open-ended.</summary>
public sealed record StatusChange(IReadOnlyList<long> SeatIds, string Status, DateOnly Since, DateOnly? Until);
