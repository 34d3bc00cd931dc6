using System.Text.RegularExpressions;
using Dapper;
using Park.Domain.Access;
using Park.Domain.Leasing;
using Park.Domain.Seeding;
using Xunit;

namespace Park.Tests.Seeding;

/// <summary>One small national database with its leases, shared by the tests of <see cref="NationalLeasingTests"/>.</summary>
public sealed class NationalLeasingFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;

    public List<string> Progress { get; } = [];

    public async ValueTask InitializeAsync()
    {
        Db = TestDatabase.Create();
        await Db.Get<NationalSeed>().RunAsync(NationalSize.Small, Progress.Add);
    }

    public async ValueTask DisposeAsync() => await Db.DisposeAsync();
}

/// <summary>The national leases at small size: every status and stage, and the rows the lease service itself would have written.</summary>
public sealed partial class NationalLeasingTests(NationalLeasingFixture fixture) : IClassFixture<NationalLeasingFixture>
{
    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await fixture.Db.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private async Task<HashSet<string>> ValuesAsync(string sql)
    {
        await using var connection = await fixture.Db.Db.OpenAsync();
        return (await connection.QueryAsync<string>(sql)).ToHashSet(StringComparer.Ordinal);
    }

    [Fact]
    public async Task Run_Small_CreatesLeasesInEveryStatusStageAndEndReason()
    {
        Assert.Equal(["approved", "cancelled", "draft", "signed"], (await ValuesAsync("SELECT DISTINCT status FROM leases")).Order());
        Assert.Equal(["active", "ended", "notice_served", "up_for_renewal", "upcoming"], (await ValuesAsync("SELECT DISTINCT stage FROM leases")).Order());
        Assert.Equal(["expired", "renewed", "terminated"], (await ValuesAsync("SELECT DISTINCT end_reason FROM leases WHERE end_reason IS NOT NULL")).Order());
        Assert.Contains(fixture.Progress, line => line.StartsWith($"leasing {NationalSize.Small.Parks}/{NationalSize.Small.Parks}", StringComparison.Ordinal));
        // Most leases are signed; ended leases ended in the past, upcoming ones start in the future.
        Assert.True(await CountAsync("SELECT count(*) FROM leases WHERE status = 'signed'") * 10 > await CountAsync("SELECT count(*) FROM leases") * 7);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM leases WHERE stage = 'ended' AND end_date > '2026-11-23'"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM leases WHERE status = 'signed' AND stage = 'upcoming' AND start_date <= '2026-11-23'"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM leases WHERE start_date < '2024-01-01' OR start_date > '2026-12-31'"));
    }

    [Fact]
    public async Task Run_Small_CreatesAmendmentsOfEveryKindRampsConcessionsEscalationsRenewalsAndSettlements()
    {
        Assert.Equal(["add_seats", "change_price", "extend", "release_seats"],
            (await ValuesAsync("SELECT DISTINCT amendment_kind FROM lease_versions WHERE kind = 'amendment' AND status = 'signed'")).Order());
        Assert.NotEqual(0, await CountAsync("SELECT count(*) FROM lease_versions WHERE kind = 'amendment' AND status IN ('draft', 'approved')"));
        Assert.NotEqual(0, await CountAsync("SELECT count(*) FROM lease_ramp_steps"));
        Assert.NotEqual(0, await CountAsync("SELECT count(*) FROM lease_concessions WHERE discount_bp = 10000"));
        Assert.Equal(["fixed", "none", "percent"], (await ValuesAsync("SELECT DISTINCT escalation_kind FROM lease_versions")).Order());
        Assert.NotEqual(0, await CountAsync("""
            SELECT count(*) FROM leases s JOIN leases p ON p.id = s.predecessor_id
            WHERE s.status = 'signed' AND p.stage = 'ended' AND p.end_reason = 'renewed' AND s.start_date = p.end_date AND s.tenant_id = p.tenant_id
            """));
        Assert.Equal(await CountAsync("SELECT count(*) FROM leases WHERE terminated_on IS NOT NULL"), await CountAsync("SELECT count(*) FROM lease_settlements"));
    }

    [Fact]
    public async Task Run_Small_NoSeatIsHeldTwiceOnAnyDay_AndTheBenchSeatsStayFree()
    {
        Assert.True(await CountAsync("SELECT count(*) FROM seat_holds WHERE kind = 'held'") > 1000);
        Assert.Equal(0, await CountAsync("""
            SELECT count(*) FROM seat_holds a JOIN seat_holds b
              ON a.seat_id = b.seat_id AND a.id < b.id AND a.kind = 'held' AND b.kind = 'held' AND a.lease_id <> b.lease_id
             AND a.start_date < b.end_date AND b.start_date < a.end_date
            """));
        Assert.Equal(0, await CountAsync($"""
            SELECT count(*) FROM seat_holds h JOIN seats s ON s.id = h.seat_id JOIN zones z ON z.id = s.zone_id JOIN floors f ON f.id = z.floor_id
            JOIN buildings b ON b.id = f.building_id JOIN parks p ON p.id = b.park_id
            WHERE p.code = '{NationalSeed.BenchFloorPark}' AND b.code = 'A' AND f.name = '3F'
            """));
        Assert.Equal(0, await CountAsync($"""
            SELECT count(*) FROM (SELECT s.id FROM seats s JOIN zones z ON z.id = s.zone_id JOIN floors f ON f.id = z.floor_id
                                  JOIN buildings b ON b.id = f.building_id JOIN parks p ON p.id = b.park_id
                                  WHERE p.code = '{NationalSeed.BenchFloorPark}' AND b.code = 'B' AND s.service_status = 'in_service'
                                  ORDER BY s.code LIMIT 120) x
            JOIN seat_holds h ON h.seat_id = x.id
            """));
    }

    [Fact]
    public async Task Run_Small_EveryVersionChainIsNumberedAndFollowsTheOneBefore()
    {
        await using var connection = await fixture.Db.Db.OpenAsync();
        var versions = (await connection.QueryAsync<(long LeaseId, long No, string Kind, string Status, string Effective, string Start, string LeaseStart, string LeaseStatus)>("""
            SELECT v.lease_id, v.version_no, v.kind, v.status, v.effective_from, v.start_date, l.start_date, l.status
            FROM lease_versions v JOIN leases l ON l.id = v.lease_id ORDER BY v.lease_id, v.version_no
            """)).ToArray();
        Assert.Equal(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM leases"), versions.Select(v => v.LeaseId).Distinct().Count());
        foreach (var lease in versions.GroupBy(v => v.LeaseId))
        {
            var chain = lease.ToArray();
            Assert.Equal(Enumerable.Range(1, chain.Length).Select(i => (long)i), chain.Select(v => v.No));
            Assert.Equal("original", chain[0].Kind);
            Assert.Equal(chain[0].LeaseStatus, chain[0].Status);
            for (var i = 1; i < chain.Length; i++)
            {
                // An amendment is a version of a signed lease, in force after the one before it, over the same term start.
                Assert.Equal("amendment", chain[i].Kind);
                Assert.Equal("signed", chain[i].LeaseStatus);
                Assert.True(string.CompareOrdinal(chain[i].Effective, chain[i - 1].Effective) > 0, $"lease {lease.Key} v{i + 1}");
                Assert.Equal(chain[i].LeaseStart, chain[i].Start);
                Assert.True(chain[i - 1].Status == "signed", $"lease {lease.Key}: only the last version may be pending");
            }
        }
    }

    [Fact]
    public async Task Run_Small_HoldsAreWhatTheLeaseServiceWrites()
    {
        // Drafts reserve, approved and signed hold, cancelled hold nothing; every seat of a version in its lease's park.
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM seat_holds h JOIN leases l ON l.id = h.lease_id WHERE l.status = 'draft' AND h.kind <> 'reserved'"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM seat_holds h JOIN leases l ON l.id = h.lease_id WHERE l.status IN ('approved', 'signed') AND h.kind <> 'held'"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM seat_holds h JOIN leases l ON l.id = h.lease_id WHERE l.status = 'cancelled'"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM leases l WHERE l.status <> 'cancelled' AND NOT EXISTS (SELECT 1 FROM seat_holds h WHERE h.lease_id = l.id)"));
        Assert.Equal(0, await CountAsync("""
            SELECT count(*) FROM lease_version_seats lvs JOIN lease_versions v ON v.id = lvs.lease_version_id JOIN leases l ON l.id = v.lease_id
            JOIN seats s ON s.id = lvs.seat_id WHERE s.park_id <> l.park_id OR s.service_status = 'retired'
            """));
        // Holds stay within the lease's term (cut at a termination) and each names a version of its lease holding that seat.
        Assert.Equal(0, await CountAsync("""
            SELECT count(*) FROM seat_holds h JOIN leases l ON l.id = h.lease_id
            WHERE h.start_date < l.start_date OR (l.terminated_on IS NOT NULL AND h.end_date > l.terminated_on) OR h.park_id <> l.park_id OR h.tenant_id <> l.tenant_id
               OR NOT EXISTS (SELECT 1 FROM lease_version_seats lvs JOIN lease_versions v ON v.id = lvs.lease_version_id
                              WHERE lvs.lease_version_id = h.lease_version_id AND lvs.seat_id = h.seat_id AND v.lease_id = h.lease_id)
            """));
        // A signed lease without pending amendment holds exactly its latest version's seats up to its end.
        Assert.Equal(0, await CountAsync("""
            SELECT count(*) FROM leases l
            WHERE l.status = 'signed' AND NOT EXISTS (SELECT 1 FROM lease_versions p WHERE p.lease_id = l.id AND p.status IN ('draft', 'approved'))
              AND (SELECT count(*) FROM seat_holds h WHERE h.lease_id = l.id AND h.end_date = l.end_date)
                  <> (SELECT count(*) FROM lease_version_seats lvs WHERE lvs.lease_version_id =
                        (SELECT v.id FROM lease_versions v WHERE v.lease_id = l.id AND v.status = 'signed' ORDER BY v.version_no DESC LIMIT 1))
            """));
    }

    [Fact]
    public async Task Run_Small_NumbersFollowTheAppsFormatAndAreUniquePerPark()
    {
        var numbers = await ValuesAsync("SELECT number FROM leases");
        Assert.All(numbers, n => Assert.Matches(LeaseNumber(), n));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM (SELECT 1 FROM leases GROUP BY park_id, substr(number, 8) HAVING count(*) > 1)"));
        // The app numbers the next lease count + 1: still free in every park.
        Assert.Equal(0, await CountAsync("""
            SELECT count(*) FROM parks p WHERE EXISTS (SELECT 1 FROM leases l WHERE l.park_id = p.id
                AND substr(l.number, 8) = printf('%05d', (SELECT count(*) FROM leases c WHERE c.park_id = p.id) + 1))
            """));
    }

    [Fact]
    public async Task Run_Small_StagesAreWhatTheDailyJobWouldSet()
    {
        Assert.Equal(0, await fixture.Db.Get<LeaseService>().MarkStagesAsync(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public async Task Run_Small_TenantStatusesFollowTheirLeasesAndParkCountsMatch()
    {
        Assert.Equal(0, await CountAsync("""
            SELECT count(*) FROM tenants t WHERE t.status <> 'active'
              AND EXISTS (SELECT 1 FROM leases l WHERE l.tenant_id = t.id AND l.status = 'signed' AND l.stage IN ('active', 'up_for_renewal', 'notice_served'))
            """));
        Assert.Equal(0, await CountAsync("""
            SELECT count(*) FROM tenants t WHERE t.status = 'exited' AND EXISTS (SELECT 1 FROM leases l WHERE l.tenant_id = t.id AND l.status IN ('draft', 'approved'))
            """));
        Assert.Equal(0, await CountAsync("""
            SELECT count(*) FROM park_counts pc
            WHERE pc.tenants_current <> (SELECT count(*) FROM tenants t WHERE t.park_id = pc.park_id AND t.status IN ('admitted', 'active'))
            """));
    }

    [Fact]
    public async Task LeaseStore_ReadsASeededAmendedLeaseBackWithItsSeats()
    {
        await using var connection = await fixture.Db.Db.OpenAsync();
        var id = await connection.ExecuteScalarAsync<long>("""
            SELECT v.lease_id FROM lease_versions v JOIN leases l ON l.id = v.lease_id
            WHERE v.amendment_kind = 'add_seats' AND v.status = 'signed' AND l.stage = 'active' ORDER BY v.lease_id LIMIT 1
            """);
        var expected = (await connection.QueryAsync<string>("""
            SELECT s.code FROM lease_version_seats lvs JOIN seats s ON s.id = lvs.seat_id
            WHERE lvs.lease_version_id = (SELECT id FROM lease_versions WHERE lease_id = @Id AND status = 'signed' ORDER BY version_no DESC LIMIT 1)
            ORDER BY s.code
            """, new { Id = id })).ToArray();

        var lease = await fixture.Db.Get<LeaseStore>().GetAsync(AccessScope.System, id);

        Assert.NotNull(lease);
        Assert.True(lease.Versions.Count >= 2);
        Assert.Equal(expected, lease.Governing[^1].SeatCodes);
        Assert.Equal(expected, lease.CurrentSeats(new DateOnly(2026, 11, 23)).Order(StringComparer.Ordinal));
        Assert.True(lease.Versions[^1].SeatCodes.Count > lease.Versions[0].SeatCodes.Count);
        Assert.NotEmpty(lease.Schedule());
    }

    [Fact]
    public async Task LeaseService_RefusesASeededLeasesSeatToAnotherLeaseNamingTheHolder()
    {
        await using var connection = await fixture.Db.Db.OpenAsync();
        var (seatId, parkId, number, holderTenant) = await connection.QuerySingleAsync<(long, long, string, long)>("""
            SELECT h.seat_id, l.park_id, l.number, l.tenant_id FROM seat_holds h JOIN leases l ON l.id = h.lease_id
            WHERE h.kind = 'held' AND h.start_date <= '2027-01-01' AND '2027-01-01' < h.end_date ORDER BY h.id LIMIT 1
            """);
        var otherTenant = await connection.ExecuteScalarAsync<long>(
            "SELECT id FROM tenants WHERE park_id = @ParkId AND id <> @Tenant AND status <> 'exited' ORDER BY id LIMIT 1", new { ParkId = parkId, Tenant = holderTenant });

        var result = await fixture.Db.Get<LeaseService>().CreateDraftAsync(AccessScope.System, Park.Domain.Audit.AuditActor.Cli,
            new NewLease(parkId, otherTenant, [seatId], new DateOnly(2027, 1, 1), new DateOnly(2028, 1, 1), 50_000));

        Assert.False(result.Succeeded);
        Assert.Equal("SeatDoubleLeased", result.Problem!.Code);
        Assert.Contains(number, result.Problem.Args.Select(a => a?.ToString()));
    }

    [Theory]
    [InlineData("恒信")]
    [InlineData("上海恒信呼叫")]
    [InlineData("恒")]
    [InlineData("shanghai contact")]
    [InlineData("No. 1")]
    [InlineData("9131")]
    [InlineData("（11")]
    [InlineData("50%")]
    public async Task TenantSearch_WithTheGramIndex_FindsExactlyWhatASubstringScanFinds(string search)
    {
        await using var connection = await fixture.Db.Db.OpenAsync();
        var expected = (await connection.QueryAsync<long>("""
            SELECT id FROM tenants WHERE instr(lower(name_zh), lower(@S)) > 0 OR instr(lower(name_en), lower(@S)) > 0 OR instr(lower(uscc), lower(@S)) > 0
            ORDER BY name_zh, id
            """, new { S = search })).ToArray();

        var page = await fixture.Db.Get<Park.Domain.Tenants.TenantStore>().ListAsync(AccessScope.System, new Park.Domain.Tenants.TenantQuery(search), new Park.Domain.Data.PageRequest(1, 200));

        Assert.Equal(expected, page.Items.Select(t => t.Id));
        Assert.Equal(expected.Length, page.Total);
    }

    [Fact]
    public async Task TenantSearch_AfterARename_FindsTheNewNameAndNotTheOld()
    {
        await using var db = TestDatabase.Create();
        await using (var connection = await db.Db.OpenAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO parks (code, name_zh, name_en, city, address, operator_name, operator_uscc, opened_on, created_at)
                VALUES ('T-1', '测试园区', 'Test Park', '杭州', '', '', '', '2020-01-01', '2026-01-01T00:00:00.000Z');
                INSERT INTO tenants (park_id, uscc, name_zh, name_en, business_type, status, created_at)
                VALUES (last_insert_rowid(), '91330105MA27XL0X6P', '旧名字科技有限公司', 'Old Name Ltd', 'outsourcing', 'active', '2026-01-01T00:00:00.000Z');
                UPDATE tenants SET name_zh = '新声呼叫服务有限公司', name_en = 'New Voice Ltd';
                """);
        }

        var store = db.Get<Park.Domain.Tenants.TenantStore>();
        Assert.Equal(1, (await store.ListAsync(AccessScope.System, new Park.Domain.Tenants.TenantQuery("新声"), new Park.Domain.Data.PageRequest(1, 50))).Total);
        Assert.Equal(1, (await store.ListAsync(AccessScope.System, new Park.Domain.Tenants.TenantQuery("new voice"), new Park.Domain.Data.PageRequest(1, 50))).Total);
        Assert.Equal(0, (await store.ListAsync(AccessScope.System, new Park.Domain.Tenants.TenantQuery("旧名"), new Park.Domain.Data.PageRequest(1, 50))).Total);
        Assert.Equal(1, (await store.ListAsync(AccessScope.System, new Park.Domain.Tenants.TenantQuery("MA27"), new Park.Domain.Data.PageRequest(1, 50))).Total);
    }

    [GeneratedRegex(@"^ZL20\d\d-\d{5}$")]
    private static partial Regex LeaseNumber();
}
