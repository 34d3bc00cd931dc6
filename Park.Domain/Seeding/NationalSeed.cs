using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Data;
using Park.Domain.Tenants;

namespace Park.Domain.Seeding;

/// <summary>How big a national data set to generate; <see cref="Full"/> is the country, tests use a small one.</summary>
public sealed record NationalSize(int Parks, int SeatsPerPark, int TenantsPerPark)
{
    public static NationalSize Full { get; } = new(40, 15_000, 125);

    public static NationalSize Small { get; } = new(3, 1_500, 12);

    public int Seats => Parks * SeatsPerPark;
}

/// <summary>
/// A deterministic (fixed seed) national data set: parks in Chinese cities, buildings, floors,
/// zones and seats, tenants with valid USCCs. Bulk SQL through prepared commands in one
/// transaction per park. The first park's building A, floor 3 holds exactly 1,000 seats, the
/// floor the seat-map benchmark draws. Feature seeds extend it through <see cref="Extensions"/>.
/// </summary>
public sealed class NationalSeed(ParkDatabase db, TimeProvider clock)
{
    public const string Scale = "national";
    public const string BenchFloorPark = "NAT-01";

    private static readonly (string City, string CityEn, string Division)[] Cities =
    [
        ("北京", "Beijing", "110105"), ("上海", "Shanghai", "310115"), ("广州", "Guangzhou", "440106"), ("深圳", "Shenzhen", "440305"),
        ("杭州", "Hangzhou", "330106"), ("南京", "Nanjing", "320106"), ("成都", "Chengdu", "510107"), ("武汉", "Wuhan", "420106"),
        ("西安", "Xi'an", "610113"), ("重庆", "Chongqing", "500112"), ("天津", "Tianjin", "120116"), ("苏州", "Suzhou", "320505"),
        ("合肥", "Hefei", "340104"), ("长沙", "Changsha", "430104"), ("郑州", "Zhengzhou", "410105"), ("济南", "Jinan", "370102"),
        ("青岛", "Qingdao", "370212"), ("大连", "Dalian", "210204"), ("沈阳", "Shenyang", "210102"), ("哈尔滨", "Harbin", "230103"),
        ("长春", "Changchun", "220104"), ("石家庄", "Shijiazhuang", "130104"), ("太原", "Taiyuan", "140105"), ("南昌", "Nanchang", "360111"),
        ("福州", "Fuzhou", "350102"), ("厦门", "Xiamen", "350206"), ("南宁", "Nanning", "450103"), ("昆明", "Kunming", "530112"),
        ("贵阳", "Guiyang", "520103"), ("兰州", "Lanzhou", "620102"), ("银川", "Yinchuan", "640104"), ("西宁", "Xining", "630104"),
        ("乌鲁木齐", "Urumqi", "650104"), ("呼和浩特", "Hohhot", "150105"), ("海口", "Haikou", "460108"), ("无锡", "Wuxi", "320214"),
        ("宁波", "Ningbo", "330212"), ("佛山", "Foshan", "440604"), ("东莞", "Dongguan", "441900"), ("廊坊", "Langfang", "131003"),
    ];

    private static readonly string[] NameParts = ["恒信", "云声", "融联", "惠民", "银信", "联达", "易联", "启航", "华讯", "百应", "中联", "万通", "嘉和", "瑞声", "佳音", "汇通"];
    private static readonly string[] Kinds = ["客户服务", "呼叫服务", "信息技术", "外包服务", "数据服务", "热线运营"];

    /// <summary>Hooks for feature seeds (leases, invoices, KPI reports…) run after the inventory, in order.</summary>
    public static List<Func<SqliteConnection, NationalSize, Random, Action<string>, Task>> Extensions { get; } = [];

    public async Task<bool> RunAsync(NationalSize size, Action<string> progress, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = await db.OpenAsync(ct);
        if (await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM seed_runs WHERE scale = @Scale)", new { Scale }))
        {
            return false;
        }

        var random = new Random(20120601);
        for (var p = 0; p < size.Parks; p++)
        {
            await using var tx = connection.BeginTransaction(deferred: false);
            SeedPark(connection, tx, p, size, random);
            await tx.CommitAsync(ct);
            progress($"park {p + 1}/{size.Parks}: {(p + 1) * size.SeatsPerPark:N0} seats ({watch.Elapsed.TotalSeconds:F0} s)");
        }

        foreach (var extension in Extensions)
        {
            await extension(connection, size, random, progress);
        }

        await connection.ExecuteAsync("INSERT INTO seed_runs (scale, ran_at) VALUES (@Scale, @Now)", new { Scale, Now = clock.GetUtcNow() });
        await connection.ExecuteAsync("ANALYZE");
        progress($"done in {watch.Elapsed.TotalSeconds:F0} s");
        return true;
    }

    private void SeedPark(SqliteConnection connection, SqliteTransaction tx, int index, NationalSize size, Random random)
    {
        var (city, cityEn, division) = Cities[index % Cities.Length];
        var now = DapperSetup.ToDbText(clock.GetUtcNow());
        var code = $"NAT-{index + 1:D2}";
        var parkId = connection.ExecuteScalar<long>("""
            INSERT INTO parks (code, name_zh, name_en, city, address, operator_name, operator_uscc, opened_on, created_at)
            VALUES (@Code, @NameZh, @NameEn, @City, @Address, @Operator, @Uscc, @Opened, @Now) RETURNING id
            """, new
        {
            Code = code,
            NameZh = $"{city}呼叫中心产业园",
            NameEn = $"{cityEn} Call Center Park",
            City = city,
            Address = $"{city}市高新区服务外包园 {index + 1} 号",
            Operator = $"{city}服务外包园区运营有限公司",
            Uscc = Uscc.ForCompany(division, 30_000_000 + index),
            Opened = $"{2008 + index % 10}-0{1 + index % 9}-15",
            Now = now,
        }, tx);

        using var seat = connection.CreateCommand();
        seat.Transaction = tx;
        seat.CommandText = """
            INSERT INTO seats (park_id, zone_id, code, seat_type, has_pc, has_headset, has_phone_line, monitors, pci_zone,
                               x, y, service_status, status_since, created_at)
            VALUES ($park, $zone, $code, $type, 1, 1, 1, $monitors, $pci, $x, $y, $status, '2012-01-01', $now)
            """;
        var parameters = new[] { "$park", "$zone", "$code", "$type", "$monitors", "$pci", "$x", "$y", "$status", "$now" }
            .Select(n => seat.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        seat.Prepare();

        var remaining = size.SeatsPerPark;
        for (var b = 0; remaining > 0; b++)
        {
            var buildingCode = ((char)('A' + b)).ToString();
            var buildingId = connection.ExecuteScalar<long>(
                "INSERT INTO buildings (park_id, code, name) VALUES (@ParkId, @Code, @Name) RETURNING id",
                new { ParkId = parkId, Code = buildingCode, Name = $"{buildingCode} 座 / Building {buildingCode}" }, tx);
            for (var level = 2; level <= 9 && remaining > 0; level++)
            {
                // The benchmark floor: 1,000 seats on NAT-01 A-3F; other floors 300–600.
                var floorSeats = index == 0 && b == 0 && level == 3 ? 1000 : Math.Min(remaining, 300 + random.Next(0, 301));
                floorSeats = Math.Min(floorSeats, remaining);
                var zones = Math.Max(1, floorSeats / 100);
                var columns = 20;
                var rowsPerZone = (int)Math.Ceiling(floorSeats / (double)zones / columns);
                var floorId = connection.ExecuteScalar<long>(
                    "INSERT INTO floors (building_id, level, name, plan_width, plan_height) VALUES (@B, @L, @N, @W, @H) RETURNING id",
                    new { B = buildingId, L = level, N = $"{level}F", W = 40 + columns * 24, H = 40 + zones * (rowsPerZone * 32 + 40) }, tx);
                var placed = 0;
                for (var z = 0; z < zones; z++)
                {
                    var zoneId = connection.ExecuteScalar<long>(
                        "INSERT INTO zones (floor_id, code, name) VALUES (@F, @C, @N) RETURNING id",
                        new { F = floorId, C = $"Z{z + 1}", N = $"{z + 1} 区 / Zone {z + 1}" }, tx);
                    var inZone = z == zones - 1 ? floorSeats - placed : floorSeats / zones;
                    for (var s = 0; s < inZone; s++)
                    {
                        var n = placed + s;
                        var values = new object[]
                        {
                            parkId, zoneId, $"{buildingCode}-{level}F-Z{z + 1}-{s + 1:D3}",
                            s % 20 == 0 ? "team_lead" : s % 50 == 49 ? "quality" : "agent",
                            s % 20 == 0 ? 2 : 1, buildingCode == "B" ? 1 : 0,
                            20 + s % columns * 24, 20 + z * (rowsPerZone * 32 + 40) + s / columns * 32,
                            n % 173 == 0 ? "maintenance" : n % 401 == 0 ? "retired" : "in_service", now,
                        };
                        for (var i = 0; i < values.Length; i++)
                        {
                            parameters[i].Value = values[i];
                        }

                        seat.ExecuteNonQuery();
                    }

                    placed += inZone;
                }

                remaining -= floorSeats;
            }
        }

        for (var t = 0; t < size.TenantsPerPark; t++)
        {
            var org = 40_000_000 + index * 10_000 + t;
            connection.Execute("""
                INSERT INTO tenants (park_id, uscc, name_zh, name_en, business_type, status, created_at)
                VALUES (@ParkId, @Uscc, @NameZh, @NameEn, @Type, @Status, @Now)
                """, new
            {
                ParkId = parkId,
                Uscc = Uscc.ForCompany(division, org),
                NameZh = $"{city}{NameParts[t % NameParts.Length]}{Kinds[(t / NameParts.Length) % Kinds.Length]}有限公司{(t >= NameParts.Length * Kinds.Length ? $"（{t}）" : "")}",
                NameEn = $"{cityEn} Contact Services No. {t + 1} Co., Ltd.",
                Type = t % 10 == 0 ? "gov_hotline" : t % 7 == 0 ? "in_house" : "outsourcing",
                Status = t % 25 == 24 ? "exited" : t % 25 == 23 ? "prospect" : "active",
                Now = now,
            }, tx);
        }
    }
}
