using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;
using Park.Domain.Seeding;

namespace Park.Tests.Access;

public sealed class TenantAdminTests
{
    [Fact]
    public async Task TenantAdmin_InvitesAColleague_IntoItsOwnTenant_WhateverTheFormSays()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("ops@hengxintong.demo");
        await using var scope = db.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserAdmin>();

        // The form carries another tenant's USCC: it is ignored, the colleague joins the inviter's tenant.
        var created = await users.CreateAsync(new NewUser("colleague@hengxintong.demo", Roles.TenantUser, [], DemoSeed.TenantUscc(1), null),
            admin, AuditActor.From(admin));

        Assert.True(created.Succeeded);
        var colleague = await db.ScopeOfAsync("colleague@hengxintong.demo");
        Assert.Equal(admin.TenantId, colleague.TenantId);
        Assert.False(colleague.IsTenantAdmin);
        var list = await users.ListAsync(admin, null, new PageRequest());
        Assert.Equal(["colleague@hengxintong.demo", "ops@hengxintong.demo"], list.Items.Select(u => u.Email).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TenantUserWhoIsNotAdmin_CannotInvite()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var plain = await db.ScopeOfAsync("ops@yunsheng.demo");
        await using var scope = db.Scope();

        var result = await scope.ServiceProvider.GetRequiredService<UserAdmin>()
            .CreateAsync(new NewUser("sneaky@yunsheng.demo", Roles.TenantUser, [], null, null), plain, AuditActor.From(plain));

        Assert.Equal(ErrorKind.NotAllowed, result.Problem!.Kind);
    }

    [Theory]
    [InlineData(Roles.ParkAdmin)]
    [InlineData(Roles.PlatformAdmin)]
    [InlineData(Roles.GovReviewer)]
    public async Task TenantAdmin_CannotCreateOtherRoles(string role)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("ops@hengxintong.demo");
        await using var scope = db.Scope();

        var result = await scope.ServiceProvider.GetRequiredService<UserAdmin>()
            .CreateAsync(new NewUser("climb@hengxintong.demo", role, ["HZ-SV"], null, null), admin, AuditActor.From(admin));

        Assert.Equal(ErrorKind.NotAllowed, result.Problem!.Kind);
    }

    [Fact]
    public async Task ATenantSeesOnlyItsOwnPeople()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        await using var scope = db.Scope();
        var list = await scope.ServiceProvider.GetRequiredService<UserAdmin>()
            .ListAsync(await db.ScopeOfAsync("ops@yunsheng.demo"), null, new PageRequest());
        Assert.Equal(["ops@yunsheng.demo"], list.Items.Select(u => u.Email));
    }
}
