using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;
using Park.Domain.Leasing;

namespace Park.Domain.Seeding;

/// <summary>
/// Demo leases for the demo tenants, in every status and stage, replayed through <see cref="LeaseService"/>
/// (history with a clock set back), so the no-double-lease rule and the audit trail hold as in real use:
/// signed leases over several hundred seats on several floors, an amendment, an expired lease, a lease
/// renewed by its successor, one up for renewal, one with notice served, one terminated, upcoming, approved, drafts that
/// reserve seats (one from today), a cancelled draft and a tenant's pending request. Floor A-2F and zone A-3F-Z2 stay free:
/// the inventory tests arrange their own leases there.
/// </summary>
public sealed class LeasingDemo(ParkDatabase db, TimeProvider clock)
{
    private static readonly AuditActor Seed = new(null, "seed", "Operator");

    public async Task RunAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        await using (var connection = await db.OpenAsync(ct))
        {
            _parkId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT id FROM parks WHERE code = @Code", new { Code = DemoSeed.ParkCode }, cancellationToken: ct));
            _tenants = (await connection.QueryAsync<(long Id, string Uscc)>(new CommandDefinition(
                "SELECT id, uscc FROM tenants WHERE park_id = @ParkId", new { ParkId = _parkId }, cancellationToken: ct))).ToDictionary(t => t.Uscc, t => t.Id);
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE tenants SET invoice_name = name_zh, invoice_uscc = uscc, invoice_address = '浙江省杭州市拱墅区声谷路 88 号',
                       invoice_phone = '0571-8888' || substr(uscc, 11, 4), invoice_bank = '中国工商银行杭州拱墅支行',
                       invoice_account = '12020' || substr(uscc, 9, 9)
                WHERE park_id = @ParkId
                """, new { ParkId = _parkId }, cancellationToken: ct));
        }

        // Tenant 0: a large signed lease over floors of both buildings, escalating, with a rent-free month and an amendment.
        var big = await SignedAsync(0, ["A-3F-Z1", "A-3F-Z3", "A-3F-Z4", "B-3F-Z3"], today.AddDays(-420), today.AddDays(-420).AddYears(3), 85_000, today.AddDays(-430),
            t => t with { Cycle = PaymentCycle.Quarterly, DepositMonths = 2, Escalation = EscalationKind.Percent, EscalationValue = 300,
                Concessions = [new Concession(t.Start, t.Start.AddMonths(1))] }, ct);
        var amendAt = At(today.AddDays(-60));
        await amendAt.AmendAsync(AccessScope.System, Seed, big, await RowVersionAsync(big, ct),
            new Amendment(AmendmentKind.AddSeats, today.AddDays(-30), await SeatsAsync(["B-3F-Z4"], ct), Reason: "新增客户项目 / new client programme"), ct);
        await ApproveAndSignAsync(amendAt, big, ct);
        await At(today).CreateRequestAsync(AccessScope.System, Seed,
            new NewLeaseRequest(big, "add_seats", 20, "", today.AddDays(45), "双十一大促临时扩容 / peak season expansion"), ct);

        // Tenant 1: signed, ending in 70 days, no successor yet: up for renewal.
        await SignedAsync(1, ["B-2F-Z1", "B-2F-Z2", "B-2F-Z3"], today.AddDays(70).AddYears(-2), today.AddDays(70), 78_000, today.AddDays(-800), t => t, ct);

        // Tenant 2: a lease that expired 200 days ago, renewed by a signed successor.
        var old = await SignedAsync(2, ["B-3F-Z1"], today.AddDays(-200).AddYears(-2), today.AddDays(-200), 72_000, today.AddDays(-950), t => t, ct);
        var renewAt = At(today.AddDays(-260));
        var successor = await renewAt.RenewAsync(AccessScope.System, Seed, old, await RowVersionAsync(old, ct), today.AddDays(-200).AddYears(2), 75_000,
            "续租两年 / renewed for two years", ct);
        await ApproveAndSignAsync(renewAt, successor.Value, ct);

        // Tenant 4: a one-year lease that expired 100 days ago.
        await SignedAsync(4, ["B-3F-Z2"], today.AddDays(-100).AddYears(-1), today.AddDays(-100), 70_000, today.AddDays(-480), t => t, ct);

        // Tenant 3: signed and active, notice served: leaves in 60 days.
        var leaving = await SignedAsync(3, ["B-4F-Z1", "B-4F-Z2"], today.AddDays(-300), today.AddDays(-300).AddYears(3), 80_000, today.AddDays(-310),
            t => t with { DepositMonths = 3 }, ct);
        await At(today).TerminateAsync(AccessScope.System, Seed, leaving, await RowVersionAsync(leaving, ct), today.AddDays(60), 0,
            "热线合同到期，提前退租 / hotline contract ended", ct);

        // Tenant 5: a lease terminated early last year.
        var terminated = await SignedAsync(5, ["B-2F-Z4"], today.AddDays(-700), today.AddDays(-700).AddYears(2), 76_000, today.AddDays(-710), t => t, ct);
        var endAt = At(today.AddDays(-400));
        await endAt.TerminateAsync(AccessScope.System, Seed, terminated, await RowVersionAsync(terminated, ct), today.AddDays(-330), 1_000_000,
            "业务调整 / business restructuring", ct);

        // Tenant 6: signed, starting in 20 days (upcoming); tenant 4: approved, not yet signed.
        await SignedAsync(6, ["A-4F-Z4"], today.AddDays(20), today.AddDays(20).AddYears(1), 82_000, today.AddDays(-5), t => t with { Ramp = [new RampStep(t.Start, 20), new RampStep(t.Start.AddMonths(2), 40)] }, ct);
        var approved = await DraftAsync(4, ["A-4F-Z1"], today.AddDays(30), today.AddDays(30).AddYears(2), 88_000, t => t, ct);
        await At(today).ApproveAsync(AccessScope.System, Seed, approved, await RowVersionAsync(approved, ct), "条款已审 / terms checked", ct);

        // Drafts reserving seats (tenant 5 and tenant 7, the prospect), and a cancelled draft.
        await DraftAsync(5, ["A-4F-Z2"], today.AddDays(60), today.AddDays(60).AddYears(3), 79_000, t => t with { Cycle = PaymentCycle.HalfYearly }, ct);
        // The prospect's draft starts today, so the map and the capacity page show seats reserved today.
        await DraftAsync(7, ["A-4F-Z3-0"], today, today.AddYears(1), 90_000, t => t, ct);
        var dropped = await DraftAsync(6, ["A-4F-Z3-04"], today.AddDays(10), today.AddDays(10).AddYears(1), 90_000, t => t, ct);
        await At(today).CancelAsync(AccessScope.System, Seed, dropped, await RowVersionAsync(dropped, ct), "客户取消 / customer withdrew", ct);

        await At(today).MarkStagesAsync(today, ct);
    }

    private long _parkId;
    private Dictionary<string, long> _tenants = [];

    private LeaseService At(DateOnly day) => new(db, new AuditTrail(db, new Shifted(clock, day)), new Shifted(clock, day));

    private async Task<long> DraftAsync(int tenant, string[] prefixes, DateOnly start, DateOnly end, long price, Func<LeaseTerms, LeaseTerms> shape, CancellationToken ct,
        DateOnly? on = null)
    {
        var seats = await SeatsAsync(prefixes, ct);
        var t = shape(new LeaseTerms(start, end, seats.Count, price));
        var created = await At(on ?? clock.Today()).CreateDraftAsync(AccessScope.System, Seed, new NewLease(_parkId, _tenants[DemoSeed.TenantUscc(tenant)], seats,
            start, end, price, t.Cycle, t.DepositMonths, t.Escalation, t.EscalationValue, t.Concessions, t.Ramp, Reason: "演示数据 / demo"), ct);
        return created.Value != 0 ? created.Value : throw new InvalidOperationException($"Demo lease for tenant {tenant}: {created.Problem}");
    }

    private async Task<long> SignedAsync(int tenant, string[] prefixes, DateOnly start, DateOnly end, long price, DateOnly on, Func<LeaseTerms, LeaseTerms> shape,
        CancellationToken ct)
    {
        var id = await DraftAsync(tenant, prefixes, start, end, price, shape, ct, on);
        await ApproveAndSignAsync(At(on), id, ct);
        return id;
    }

    private async Task ApproveAndSignAsync(LeaseService service, long leaseId, CancellationToken ct)
    {
        var approved = await service.ApproveAsync(AccessScope.System, Seed, leaseId, await RowVersionAsync(leaseId, ct), "演示 / demo", ct);
        var signed = await service.SignAsync(AccessScope.System, Seed, leaseId, await RowVersionAsync(leaseId, ct), "演示 / demo", ct);
        if (!approved.Succeeded || !signed.Succeeded)
        {
            throw new InvalidOperationException($"Demo lease {leaseId}: {approved.Problem ?? signed.Problem}");
        }
    }

    private async Task<IReadOnlyList<long>> SeatsAsync(string[] prefixes, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var ids = new List<long>();
        foreach (var prefix in prefixes)
        {
            ids.AddRange(await connection.QueryAsync<long>(new CommandDefinition(
                "SELECT id FROM seats WHERE park_id = @ParkId AND code LIKE @Prefix AND service_status <> 'retired' ORDER BY code",
                new { ParkId = _parkId, Prefix = prefix + "%" }, cancellationToken: ct)));
        }

        return ids;
    }

    private async Task<long> RowVersionAsync(long leaseId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT row_version FROM leases WHERE id = @Id", new { Id = leaseId }, cancellationToken: ct));
    }

    /// <summary>The real clock moved to a given China business day (same time of day), to replay history.</summary>
    private sealed class Shifted(TimeProvider inner, DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow()
        {
            var now = inner.GetUtcNow();
            return now.AddDays(day.DayNumber - inner.Today().DayNumber);
        }
    }
}
