using Microsoft.Data.Sqlite;

namespace Park.Bench;

/// <summary>
/// The bare SQL behind each store query, run raw through Microsoft.Data.Sqlite on one open
/// connection, reading every column of every row: the floor under Park's overhead.
/// </summary>
public sealed class SqlBaselines(string databasePath) : IDisposable
{
    private readonly SqliteConnection _connection = Open(databasePath);

    public const string SeatMap = """
        SELECT s.id, s.code, s.seat_type, s.x, s.y, z.code AS zone_code, s.has_pc, s.has_headset, s.has_phone_line, s.monitors,
               s.pci_zone, s.service_status,
               CASE
                   WHEN h.kind = 'held' THEN 'leased'
                   WHEN s.service_status <> 'in_service' AND s.status_since <= $date
                        AND (s.status_until IS NULL OR $date < s.status_until) THEN 'out_of_service'
                   WHEN h.kind = 'reserved' THEN 'reserved'
                   ELSE 'free'
               END AS state,
               h.tenant_id, t.name_zh, t.name_en, l.number
        FROM seats s
        JOIN zones z ON z.id = s.zone_id
        JOIN floors f ON f.id = z.floor_id
        JOIN buildings b ON b.id = f.building_id
        LEFT JOIN seat_holds h ON h.id = (
            SELECT h2.id FROM seat_holds h2
            WHERE h2.seat_id = s.id AND h2.start_date <= $date AND $date < h2.end_date
            ORDER BY h2.kind = 'held' DESC, h2.id LIMIT 1)
        LEFT JOIN tenants t ON t.id = h.tenant_id
        LEFT JOIN leases l ON l.id = h.lease_id
        WHERE z.floor_id = $floor
        ORDER BY s.code
        """;

    /// <summary>A staffing line's year of offered volumes (VolumeStore.HistoryAsync's query).</summary>
    public const string StaffingYear = """
        SELECT interval_start, offered FROM staffing_volumes
        WHERE service_line_id = $line AND interval_start >= $from AND interval_start < $to
        """;

    /// <summary>Availability, step 1: free seats per zone (the service's first query, without the optional filters).</summary>
    public const string AvailabilityZones = """
        SELECT g.zone_id, z.floor_id, g.free
        FROM (SELECT s.zone_id, count(*) AS free FROM seats s
              WHERE s.park_id = $park
                AND NOT (s.service_status <> 'in_service' AND s.status_since < $to AND (s.status_until IS NULL OR $from < s.status_until))
                AND s.id NOT IN (SELECT h.seat_id FROM seat_holds h WHERE h.park_id = $park AND h.kind = 'held'
                                 AND h.start_date < $to AND $from < h.end_date)
              GROUP BY s.zone_id) g
        JOIN zones z ON z.id = g.zone_id
        ORDER BY g.zone_id
        """;

    /// <summary>Availability, step 2: the free seats of the candidate zones ($zones = JSON array of zone ids).</summary>
    public const string AvailabilityZoneSeats = """
        SELECT s.id, s.code, s.zone_id, z.code AS zone_code, f.id AS floor_id, f.name AS floor_name, b.code AS building_code, s.x, s.y
        FROM seats s JOIN zones z ON z.id = s.zone_id JOIN floors f ON f.id = z.floor_id JOIN buildings b ON b.id = f.building_id
        WHERE s.zone_id IN (SELECT value FROM json_each($zones)) AND s.park_id = $park
          AND NOT (s.service_status <> 'in_service' AND s.status_since < $to AND (s.status_until IS NULL OR $from < s.status_until))
          AND NOT EXISTS (SELECT 1 FROM seat_holds h WHERE h.seat_id = s.id AND h.kind = 'held'
                          AND h.start_date < $to AND $from < h.end_date)
        ORDER BY s.id
        """;

    /// <summary>The ten zones of the park with the most free seats in the period, as a JSON array (what the service loads for 5 proposals).</summary>
    public const string AvailabilityTopZones = $"""
        SELECT '[' || group_concat(zone_id) || ']' FROM (SELECT zone_id FROM ({AvailabilityZones}) ORDER BY free DESC, zone_id LIMIT 10)
        """;

    public const string ParkList = """
        SELECT p.id, p.code, p.name_zh, p.name_en, p.city,
               (SELECT count(*) FROM buildings b WHERE b.park_id = p.id),
               (SELECT count(*) FROM floors f JOIN buildings b ON b.id = f.building_id WHERE b.park_id = p.id),
               pc.seats_in_service + pc.seats_maintenance, pc.seats_in_service, pc.tenants_current
        FROM parks p JOIN park_counts pc ON pc.park_id = p.id ORDER BY p.code LIMIT 50
        """;

    public const string AuditList = """
        SELECT id, occurred_at, actor_user_id, actor_email, actor_role, park_id, tenant_id,
               action, target_type, target_id, outcome, reason, details, remote_ip
        FROM audit_events ORDER BY occurred_at DESC, id DESC LIMIT 50
        """;

    /// <summary>The lease list's page: ids in order first, then the page's rows with their latest version's seat count and price.</summary>
    private const string LeasePage = """
        SELECT l.id, l.park_id, l.number, l.tenant_id, t.name_zh, t.name_en, l.status, l.stage, l.end_reason, l.start_date, l.end_date,
               (SELECT count(*) FROM lease_version_seats s WHERE s.lease_version_id =
                   (SELECT v.id FROM lease_versions v WHERE v.lease_id = l.id AND v.status <> 'cancelled' ORDER BY v.version_no DESC LIMIT 1)),
               coalesce((SELECT v.monthly_price_fen FROM lease_versions v WHERE v.lease_id = l.id AND v.status <> 'cancelled' ORDER BY v.version_no DESC LIMIT 1), 0)
        FROM page JOIN leases l ON l.id = page.id JOIN tenants t ON t.id = l.tenant_id
        ORDER BY l.number, l.id
        """;

    public const string LeaseCount = "SELECT count(*) FROM leases l";

    public const string LeaseList = $"""
        WITH page AS (SELECT l.id FROM leases l ORDER BY l.number, l.id LIMIT 50)
        {LeasePage}
        """;

    public const string LeaseCountParkStage = "SELECT count(*) FROM leases l WHERE l.park_id = $park AND l.stage = $stage";

    public const string LeaseListParkStage = $"""
        WITH page AS (SELECT l.id FROM leases l WHERE l.park_id = $park AND l.stage = $stage ORDER BY l.number, l.id LIMIT 50)
        {LeasePage}
        """;

    /// <summary>The tenant list's page and total in one pass over the tenants the gram index names ($grams = JSON array).</summary>
    public const string TenantList = """
        WITH page AS (
            SELECT t.id, count(*) OVER () AS total_rows FROM tenants t
            WHERE t.id IN (SELECT g.tenant_id FROM tenant_search_grams g WHERE g.gram IN (SELECT value FROM json_each($grams))
                           GROUP BY g.tenant_id HAVING count(*) = json_array_length($grams))
              AND (t.name_zh LIKE $search OR t.name_en LIKE $search OR t.uscc LIKE $search)
            ORDER BY t.name_zh, t.id LIMIT 50)
        SELECT t.id, t.park_id, p.code, t.uscc, t.name_zh, t.name_en, t.business_type, t.status,
               (SELECT count(*) FROM leases l WHERE l.tenant_id = t.id AND l.status <> 'cancelled'), page.total_rows
        FROM page JOIN tenants t ON t.id = page.id JOIN parks p ON p.id = t.park_id
        ORDER BY t.name_zh, t.id
        """;

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>Runs a one-value SELECT and returns the value as text.</summary>
    public string Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "[]";
    }

    /// <summary>Runs the SELECT and reads every value; returns the row count.</summary>
    public int Run(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var rows = 0;
        var values = new object[reader.FieldCount];
        while (reader.Read())
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }

    public void Dispose() => _connection.Dispose();
}
