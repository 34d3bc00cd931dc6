using Bunit;
using Dapper;
using MudBlazor;
using Park.Domain.Data;
using Park.Domain.Leasing;
using Park.Domain.Tenants;
using Park.Web.Features.Leasing;
using static Park.Tests.Leasing.LeasingTestData;

namespace Park.Tests.Leasing;

/// <summary>Rejections, cancellations and tenant status moves say why; the tenant reads the park's note on its request.</summary>
public sealed class DecisionReasonTests() : ComponentTestBase("en-US")
{
    private static readonly DateOnly Start = new(2026, 6, 1);
    private static readonly DateOnly End = new(2028, 6, 1);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task RejectRequest_WithoutANote_IsRefusedAndStaysPending(string note)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var (admin, _, requestId) = await RequestAsync(db);

        var refused = await db.Get<LeaseService>().DecideRequestAsync(admin, Actor, requestId, 1, accept: false, note, Ct);

        Assert.Equal((ErrorKind.Invalid, "ReasonRequired", "note"), (refused.Problem!.Kind, refused.Problem.Code, refused.Problem.Field));
        var request = (await db.Get<LeaseStore>().RequestAsync(admin, requestId, Ct))!;
        Assert.Equal(("pending", 1L), (request.Status, request.RowVersion));
    }

    [Fact]
    public async Task RejectRequest_WithANote_TheTenantReadsItAndTheAuditTrailKeepsIt()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var (admin, tenant, requestId) = await RequestAsync(db);

        var rejected = await db.Get<LeaseService>().DecideRequestAsync(admin, Actor, requestId, 1, accept: false, " Floor B-4F is full until June. ", Ct);

        Assert.True(rejected.Succeeded, rejected.Problem?.ToString());
        var seen = (await db.Get<LeaseStore>().RequestsAsync(tenant, null, new PageRequest(), ct: Ct)).Items.Single(r => r.Id == requestId);
        Assert.Equal(("rejected", "Floor B-4F is full until June."), (seen.Status, seen.DecisionNote));
        await using var c = await db.Db.OpenAsync(Ct);
        Assert.Equal("Floor B-4F is full until June.", await c.ExecuteScalarAsync<string>(
            "SELECT reason FROM audit_events WHERE action = 'lease.request.reject' AND target_id = @Id", new { Id = requestId.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }

    [Fact]
    public async Task CancelLease_WithoutAReason_IsRefusedAndNothingChanges()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var id = await DraftAsync(db, admin, 2, await FreeSeatsAsync(db, 1, Start, End), Start, End);
        var version = await RowVersionAsync(db, id);

        var refused = await db.Get<LeaseService>().CancelAsync(admin, Actor, id, version, " ", Ct);

        Assert.Equal(("ReasonRequired", "reason"), (refused.Problem!.Code, refused.Problem.Field));
        Assert.Equal("draft", (await db.Get<LeaseStore>().GetAsync(admin, id, Ct))!.Status);
        Assert.Equal(version, await RowVersionAsync(db, id));
    }

    [Fact]
    public async Task TerminateLease_WithoutAReason_IsRefused()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var id = await SignedAsync(db, admin, 2, await FreeSeatsAsync(db, 1, Start, End), Start, End);

        var refused = await db.Get<LeaseService>().TerminateAsync(admin, Actor, id, await RowVersionAsync(db, id), new DateOnly(2027, 6, 1), 0, "", Ct);

        Assert.Equal(("ReasonRequired", "reason"), (refused.Problem!.Code, refused.Problem.Field));
        Assert.Equal("active", (await db.Get<LeaseStore>().GetAsync(admin, id, Ct))!.Stage);
    }

    [Fact]
    public async Task TenantStatusMove_WithoutAReason_IsRefused_WithOneIsAudited()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var store = db.Get<TenantStore>();
        var tenant = (await store.GetAsync(admin, await TenantIdAsync(db, 2), Ct))!;
        var to = TenantRules.Statuses.First(s => TenantRules.CanMove(tenant.Status, s));

        var refused = await store.ChangeStatusAsync(admin, Actor, tenant.Id, tenant.RowVersion, to, "", Ct);
        var moved = await store.ChangeStatusAsync(admin, Actor, tenant.Id, tenant.RowVersion, to, "left the park", Ct);

        Assert.Equal(("ReasonRequired", "reason"), (refused.Problem!.Code, refused.Problem.Field));
        Assert.True(moved.Succeeded, moved.Problem?.ToString());
        await using var c = await db.Db.OpenAsync(Ct);
        Assert.Equal(["left the park"], await c.QueryAsync<string>(
            "SELECT reason FROM audit_events WHERE action = 'tenant.status' AND target_id = @Id", new { Id = tenant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }

    [Fact]
    public async Task ReasonDialog_ShowsTheRefusalAndStaysOpen_ThenClosesWithTheTrimmedReason()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var seen = new List<string>();
        Func<string, Task<string?>> submit = r =>
        {
            seen.Add(r);
            return Task.FromResult(r.Length == 0 ? "Give a reason (up to 500 characters)." : null);
        };
        IDialogReference? reference = null;
        await provider.InvokeAsync(async () => reference = await dialogs.ShowAsync<ReasonDialog>("Reject",
            new DialogParameters<ReasonDialog> { { d => d.Submit, submit } }));

        provider.Find("[data-testid=reason-confirm]").Click();
        Assert.Contains("Give a reason (up to 500 characters).", provider.Markup, StringComparison.Ordinal);
        Assert.Single(provider.FindAll("[data-testid=reason-confirm]"));

        provider.Find("textarea").Input("  customer lost  ");
        provider.Find("[data-testid=reason-confirm]").Click();
        var result = await reference!.Result;

        Assert.Equal(["", "customer lost"], seen);
        Assert.False(result!.Canceled);
    }

    private static async Task<(Park.Domain.Access.AccessScope Admin, Park.Domain.Access.AccessScope Tenant, long RequestId)> RequestAsync(TestDatabase db)
    {
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var tenant = await db.ScopeOfAsync("ops@hengxintong.demo");
        var id = await SignedAsync(db, admin, 0, await FreeSeatsAsync(db, 2, Start, End), Start, End);
        var request = await db.Get<LeaseService>().CreateRequestAsync(tenant, Actor,
            new NewLeaseRequest(id, "add_seats", 3, "", new DateOnly(2027, 2, 1), "new client"), Ct);
        Assert.True(request.Succeeded, request.Problem?.ToString());
        return (admin, tenant, request.Value);
    }
}
