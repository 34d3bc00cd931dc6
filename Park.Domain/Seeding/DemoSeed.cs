using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;
using Park.Domain.Tenants;

namespace Park.Domain.Seeding;

public sealed record DemoAccount(string Email, string Role, string Password, string Description);

public sealed record SeedOutcome(bool AlreadySeeded, IReadOnlyList<DemoAccount> Accounts);

/// <summary>
/// The demo: one park modelled on Hangzhou's call-center park, two buildings, six floors, about
/// 1,200 seats in zones, eight tenants with valid USCCs, one sign-in per role. Runs once per
/// database; a second run reports that it already ran and changes nothing.
/// </summary>
public sealed class DemoSeed(ParkDatabase db, UserAdmin userAdmin, UserManager<ParkUser> users, TimeProvider clock)
{
    public const string Scale = "demo";
    public const string ParkCode = "HZ-SV";

    /// <summary>Whether the demo includes leases (see <see cref="LeasingDemo"/>); tests that arrange their own leases turn it off.</summary>
    public bool IncludeLeases { get; set; } = true;

    private static readonly (string NameZh, string NameEn, string Type, string Status, int OrgBase)[] TenantData =
    [
        ("杭州恒信通客户服务有限公司", "Hangzhou Hengxintong Customer Service Co., Ltd.", "outsourcing", "active", 32105671),
        ("浙江云声信息技术有限公司", "Zhejiang Yunsheng Information Technology Co., Ltd.", "outsourcing", "active", 45890123),
        ("杭州融联呼叫服务有限公司", "Hangzhou Ronglian Call Services Co., Ltd.", "outsourcing", "active", 50712346),
        ("浙江惠民热线运营管理有限公司", "Zhejiang Huimin Hotline Operations Co., Ltd.", "gov_hotline", "active", 61234508),
        ("杭州银信金融外包服务有限公司", "Hangzhou Yinxin Financial Outsourcing Co., Ltd.", "outsourcing", "active", 70345612),
        ("浙江联通客户联络中心有限公司", "Zhejiang Telecom Customer Contact Center Co., Ltd.", "in_house", "active", 81456723),
        ("杭州易联数据服务有限公司", "Hangzhou Yilian Data Services Co., Ltd.", "outsourcing", "admitted", 92567834),
        ("杭州启航人力资源服务有限公司", "Hangzhou Qihang Human Resources Co., Ltd.", "outsourcing", "prospect", 13678945),
    ];

    /// <summary>
    /// A test seam: called before each step (<c>staffing</c>, <c>users</c>, <c>user:EMAIL</c>,
    /// <c>account:EMAIL</c> after the user is created, <c>leases</c>, <c>complete</c>) so a test can fail
    /// the seed part-way and check that the next run completes it.
    /// </summary>
    public Func<string, Task>? BeforeStep { get; set; }

    /// <summary>
    /// Seeds the demo, or completes one that stopped part-way. Each step is journaled in
    /// <c>seed_runs</c> as <c>demo:STEP</c>; the row <c>demo</c>, written last, marks the whole seed done,
    /// so a run that failed part-way is detected (no <c>demo</c> row) and the missing steps are done
    /// by the next run. The inventory commits with its journal row in one transaction; the later steps
    /// (which go through the domain's own services and connections) are each safe to redo.
    /// </summary>
    public async Task<SeedOutcome> RunAsync(CancellationToken ct = default)
    {
        if (await StepDoneAsync(Scale, ct))
        {
            return new SeedOutcome(true, await AccountsAsync(ct));
        }

        await using (var connection = await db.OpenAsync(ct))
        {
            await using var tx = connection.BeginTransaction(deferred: false);
            // The inventory step is one transaction: the park exists exactly when the step is done
            // (also for a database seeded part-way before steps were journaled).
            var done = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM parks WHERE code = @Code)", new { Code = ParkCode }, tx, cancellationToken: ct));
            if (!done)
            {
                await SeedInventoryAsync(connection, tx, ct);
                await SeedTenantsAsync(connection, tx, ct);
                await InventoryDemo.SeedAsync(connection, tx, clock, ct);
                await ContractsDemo.SeedAsync(connection, tx, clock, ct);
                await MarkAsync(connection, tx, Step("inventory"), ct);
                await tx.CommitAsync(ct);
            }
        }

        await RunStepAsync("staffing", async () =>
        {
            // StaffingDemo commits in its own transaction: its service line tells whether it already ran.
            if (!await ExistsAsync("SELECT EXISTS (SELECT 1 FROM staffing_service_lines WHERE name = @Name AND tenant_id = (SELECT id FROM tenants WHERE uscc = @Uscc))",
                    new { Name = StaffingDemo.LineName, Uscc = TenantUscc(0) }, ct))
            {
                await StaffingDemo.SeedAsync(db, clock, ct);
            }
        }, ct);

        await RunStepAsync("users", () => SeedUsersAsync(ct), ct);
        if (IncludeLeases)
        {
            await RunStepAsync("leases", async () =>
            {
                // The lease demo signs leases through the leasing services, one transaction each. Leases
                // already in the park mean it ran as far as a commit; signing them again would collide.
                if (!await ExistsAsync("SELECT EXISTS (SELECT 1 FROM leases l JOIN parks p ON p.id = l.park_id WHERE p.code = @Code)", new { Code = ParkCode }, ct))
                {
                    await new LeasingDemo(db, clock).RunAsync(ct);
                }
            }, ct);
        }

        await (BeforeStep?.Invoke("complete") ?? Task.CompletedTask);
        await using (var connection = await db.OpenAsync(ct))
        {
            await MarkAsync(connection, null, Scale, ct);
        }

        return new SeedOutcome(false, await AccountsAsync(ct));
    }

    private static string Step(string name) => $"{Scale}:{name}";

    private async Task RunStepAsync(string name, Func<Task> body, CancellationToken ct)
    {
        if (await StepDoneAsync(Step(name), ct))
        {
            return;
        }

        await (BeforeStep?.Invoke(name) ?? Task.CompletedTask);
        await body();
        await using var connection = await db.OpenAsync(ct);
        await MarkAsync(connection, null, Step(name), ct);
    }

    private Task<bool> StepDoneAsync(string scale, CancellationToken ct) =>
        ExistsAsync("SELECT EXISTS (SELECT 1 FROM seed_runs WHERE scale = @Scale)", new { Scale = scale }, ct);

    private async Task<bool> ExistsAsync(string sql, object args, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, args, cancellationToken: ct));
    }

    private Task MarkAsync(SqliteConnection connection, SqliteTransaction? tx, string scale, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT OR IGNORE INTO seed_runs (scale, ran_at) VALUES (@Scale, @Now)", new { Scale = scale, Now = clock.GetUtcNow() }, tx, cancellationToken: ct));

    private async Task SeedInventoryAsync(SqliteConnection connection, SqliteTransaction tx, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var parkId = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO parks (code, name_zh, name_en, city, address, operator_name, operator_uscc, opened_on, created_at)
            VALUES (@Code, '杭州声谷呼叫中心产业园', 'Hangzhou Sound Valley Call Center Park', '杭州 Hangzhou',
                    '浙江省杭州市拱墅区声谷路 88 号', '杭州声谷园区运营管理有限公司', @Uscc, '2011-06-18', @Now)
            RETURNING id
            """, new { Code = ParkCode, Uscc = Uscc.ForCompany("330105", 28374651), Now = now }, tx, cancellationToken: ct));

        var since = DapperSetup.ToDbText(new DateOnly(2011, 6, 18));
        var seatNumber = 0;
        foreach (var building in new[] { "A", "B" })
        {
            var buildingId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO buildings (park_id, code, name) VALUES (@ParkId, @Code, @Name) RETURNING id",
                new { ParkId = parkId, Code = building, Name = $"{building} 座 / Building {building}" }, tx, cancellationToken: ct));
            for (var level = 2; level <= 4; level++)
            {
                var floorId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    "INSERT INTO floors (building_id, level, name, plan_width, plan_height) VALUES (@BuildingId, @Level, @Name, 600, 400) RETURNING id",
                    new { BuildingId = buildingId, Level = level, Name = $"{level}F" }, tx, cancellationToken: ct));
                for (var zone = 1; zone <= 4; zone++)
                {
                    var zoneId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                        "INSERT INTO zones (floor_id, code, name) VALUES (@FloorId, @Code, @Name) RETURNING id",
                        new { FloorId = floorId, Code = $"Z{zone}", Name = $"{zone} 区 / Zone {zone}" }, tx, cancellationToken: ct));
                    // Zones are quadrants of a 60 m × 40 m floor; seats on a 5 × 10 grid, 1.6 m × 2.4 m pitch.
                    var originX = zone is 1 or 3 ? 40 : 330;
                    var originY = zone is 1 or 2 ? 30 : 220;
                    for (var row = 0; row < 5; row++)
                    {
                        for (var column = 0; column < 10; column++)
                        {
                            seatNumber++;
                            var index = row * 10 + column + 1;
                            var type = column == 0 && row == 0 ? "team_lead" : column == 9 && row == 4 ? "quality" : zone == 4 && level == 2 && row == 4 ? "training" : "agent";
                            var status = seatNumber % 97 == 0 ? "maintenance" : seatNumber % 211 == 0 ? "retired" : "in_service";
                            await connection.ExecuteAsync(new CommandDefinition("""
                                INSERT INTO seats (park_id, zone_id, code, seat_type, has_pc, has_headset, has_phone_line, monitors, pci_zone,
                                                   x, y, service_status, status_since, created_at)
                                VALUES (@ParkId, @ZoneId, @Code, @Type, 1, 1, 1, @Monitors, @Pci, @X, @Y, @Status, @Since, @Now)
                                """, new
                            {
                                ParkId = parkId,
                                ZoneId = zoneId,
                                Code = $"{building}-{level}F-Z{zone}-{index:D3}",
                                Type = type,
                                Monitors = type == "team_lead" ? 2 : 1,
                                Pci = building == "B" && zone == 1 ? 1 : 0,
                                X = originX + column * 24,
                                Y = originY + row * 32,
                                Status = status,
                                Since = since,
                                Now = now,
                            }, tx, cancellationToken: ct));
                        }
                    }
                }
            }
        }
    }

    private async Task SeedTenantsAsync(SqliteConnection connection, SqliteTransaction tx, CancellationToken ct)
    {
        var parkId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT id FROM parks WHERE code = @Code", new { Code = ParkCode }, tx, cancellationToken: ct));
        foreach (var t in TenantData)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO tenants (park_id, uscc, name_zh, name_en, business_type, status, created_at)
                VALUES (@ParkId, @Uscc, @NameZh, @NameEn, @Type, @Status, @Now)
                """, new
            {
                ParkId = parkId,
                Uscc = Uscc.ForCompany("330105", t.OrgBase),
                t.NameZh,
                t.NameEn,
                t.Type,
                t.Status,
                Now = clock.GetUtcNow(),
            }, tx, cancellationToken: ct));
        }
    }

    /// <summary>The USCC of the n-th demo tenant (0-based), for tests and other seeds.</summary>
    public static string TenantUscc(int index) => Uscc.ForCompany("330105", TenantData[index].OrgBase);

    /// <summary>
    /// Creates the demo sign-ins that are not there yet. A user created without its demo_accounts row
    /// (a run that stopped in between) is deleted and created again, so its password is known.
    /// </summary>
    private async Task SeedUsersAsync(CancellationToken ct)
    {
        var plan = new (string Email, string Role, string[] Parks, string? Tenant, string Description)[]
        {
            ("admin@park.demo", Roles.PlatformAdmin, [], null, "平台管理员 / Platform administrator"),
            ("parkadmin@park.demo", Roles.ParkAdmin, [ParkCode], null, "园区管理员 / Park administrator"),
            ("ops@hengxintong.demo", Roles.TenantUser, [], TenantUscc(0), "恒信通 入驻企业（企业管理员）/ Tenant admin: Hengxintong"),
            ("ops@yunsheng.demo", Roles.TenantUser, [], TenantUscc(1), "云声 入驻企业 / Tenant: Yunsheng"),
            ("reviewer@gov.demo", Roles.GovReviewer, [ParkCode], null, "政府审核员 / Government reviewer"),
        };
        var order = 0;
        foreach (var (email, role, parks, tenant, description) in plan)
        {
            var sortOrder = order++;
            if (await ExistsAsync("SELECT EXISTS (SELECT 1 FROM demo_accounts WHERE email = @Email)", new { Email = email }, ct))
            {
                continue;
            }

            await (BeforeStep?.Invoke("user:" + email) ?? Task.CompletedTask);
            // The first tenant's user is that tenant's administrator (invites colleagues); the second is not.
            var tenantAdmin = email == "ops@hengxintong.demo";
            var password = await users.FindByEmailAsync(email) is { } half
                ? await CompleteHalfCreatedAsync(half, role, parks, tenant, tenantAdmin, ct)
                : await CreateUserAsync(new NewUser(email, role, parks, tenant, null, TenantAdmin: tenantAdmin), ct);
            await (BeforeStep?.Invoke("account:" + email) ?? Task.CompletedTask);
            await using var connection = await db.OpenAsync(ct);
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO demo_accounts (email, role, password, description, sort_order) VALUES (@Email, @Role, @Password, @Description, @Order)
                """, new { Email = email, Role = role, Password = password, Description = description, Order = sortOrder }, cancellationToken: ct));
        }
    }

    private async Task<string> CreateUserAsync(NewUser user, CancellationToken ct)
    {
        var created = await userAdmin.CreateAsync(user, AccessScope.System, AuditActor.Cli, ct);
        return created.Succeeded
            ? created.Value!.Password
            : throw new InvalidOperationException($"Demo user {user.Email} could not be created: {created.Problem}");
    }

    /// <summary>
    /// A demo user created by a run that stopped before recording its password (people are never
    /// deleted): a new password, and the role and binding set again, audited like any role change.
    /// </summary>
    private async Task<string> CompleteHalfCreatedAsync(ParkUser user, string role, string[] parks, string? tenant, bool tenantAdmin, CancellationToken ct)
    {
        var password = PasswordPolicy.Generate();
        if (!(await users.RemovePasswordAsync(user)).Succeeded || !(await users.AddPasswordAsync(user, password)).Succeeded)
        {
            throw new InvalidOperationException($"Demo user {user.Email} could not get a new password.");
        }

        var rebound = await userAdmin.ChangeRoleAsync(user.Id, new RoleChange(role, parks, tenant, "demo seed completed after an interrupted run"),
            AccessScope.System, AuditActor.Cli, ct);
        if (!rebound.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {user.Email} could not be bound: {rebound.Problem}");
        }

        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET tenant_admin = @TenantAdmin, is_active = 1 WHERE id = @Id", new { TenantAdmin = tenantAdmin ? 1 : 0, user.Id }, cancellationToken: ct));
        return password;
    }

    public async Task<IReadOnlyList<DemoAccount>> AccountsAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<DemoAccount>(new CommandDefinition(
            "SELECT email, role, password, description FROM demo_accounts ORDER BY sort_order", cancellationToken: ct));
        return rows.ToArray();
    }

    /// <summary>
    /// Whether the start-up seed should run: on an empty database, or to complete a demo seed that
    /// stopped part-way (its steps are journaled, its completion row is missing).
    /// </summary>
    public async Task<bool> NeedsSeedAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT NOT EXISTS (SELECT 1 FROM seed_runs WHERE scale = @Scale)
               AND (   (NOT EXISTS (SELECT 1 FROM parks) AND NOT EXISTS (SELECT 1 FROM seed_runs))
                    OR EXISTS (SELECT 1 FROM seed_runs WHERE scale LIKE 'demo:%')
                    OR EXISTS (SELECT 1 FROM parks WHERE code = @Code))
            """, new { Scale, Code = ParkCode }, cancellationToken: ct));
    }
}
