using Park.Domain.Data;
using Park.Domain.Leasing;
using static Park.Tests.Leasing.LeasingTestData;

namespace Park.Tests.Leasing;

public sealed class LeaseRequestTests
{
    private static readonly DateOnly Start = new(2026, 6, 1);
    private static readonly DateOnly End = new(2028, 6, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TenantRequestsSeats_AdminAccepts_BecomesAnAmendmentDraftBothSidesSee()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var tenant = await db.ScopeOfAsync("ops@hengxintong.demo");
        var id = await SignedAsync(db, admin, 0, await FreeSeatsAsync(db, 2, Start, End), Start, End);
        var service = db.Get<LeaseService>();
        var request = await service.CreateRequestAsync(tenant, Actor, new NewLeaseRequest(id, "add_seats", 3, "", new DateOnly(2027, 2, 1), "new client"), Ct);
        Assert.True(request.Succeeded, request.Problem?.ToString());

        var queue = await db.Get<LeaseStore>().RequestsAsync(admin, "pending", new PageRequest(), ct: Ct);
        Assert.Contains(queue.Items, r => r.Id == request.Value);
        var decided = await service.DecideRequestAsync(admin, Actor, request.Value, 1, accept: true, "ok", Ct);
        Assert.True(decided.Succeeded, decided.Problem?.ToString());

        var seen = (await db.Get<LeaseStore>().RequestAsync(tenant, request.Value, Ct))!;
        Assert.Equal("accepted", seen.Status);
        var lease = (await db.Get<LeaseStore>().GetAsync(tenant, id, Ct))!;
        var pending = lease.Pending!;
        Assert.Equal(seen.AmendmentVersionId, pending.Id);
        Assert.Equal(("amendment", "add_seats", 5), (pending.Kind, pending.AmendmentKind, pending.SeatCodes.Count));
    }

    [Fact]
    public async Task TenantRequest_OnAnotherTenantsLease_IsNotFound()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var other = await db.ScopeOfAsync("ops@yunsheng.demo");
        var id = await SignedAsync(db, admin, 0, await FreeSeatsAsync(db, 1, Start, End), Start, End);
        var result = await db.Get<LeaseService>().CreateRequestAsync(other, Actor, new NewLeaseRequest(id, "renewal", 0, "", End.AddYears(1), "mine?"), Ct);
        Assert.Equal(ErrorKind.NotFound, result.Problem!.Kind);
    }

    [Fact]
    public async Task TenantReads_OtherIdsNearAndFar_ReadExactlyLikeMissing()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var tenant = await db.ScopeOfAsync("ops@hengxintong.demo");
        var other = await SignedAsync(db, admin, 1, await FreeSeatsAsync(db, 1, Start, End), Start, End);
        var otherRequest = (await db.Get<LeaseService>().CreateRequestAsync(admin, Actor,
            new NewLeaseRequest(other, "renewal", 0, "", End.AddYears(1), "renew"), Ct)).Value;
        var store = db.Get<LeaseStore>();
        var own = (await store.ListAsync(tenant, new LeaseQuery(), new PageRequest(1, 200), Ct)).Items.Select(l => l.Id).ToHashSet();
        foreach (var id in new[] { other, other - 1, other + 1, 0, -1, long.MaxValue }.Where(i => !own.Contains(i)))
        {
            Assert.Null(await store.GetAsync(tenant, id, Ct));
        }

        foreach (var id in new[] { otherRequest, 0, -1, long.MaxValue })
        {
            Assert.Null(await store.RequestAsync(tenant, id, Ct));
        }

        Assert.All((await store.ListAsync(tenant, new LeaseQuery(TenantId: await TenantIdAsync(db, 1)), new PageRequest(), Ct)).Items, _ => Assert.Fail("another tenant's lease listed"));
    }
}
