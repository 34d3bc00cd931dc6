using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;
using Park.Domain.Seeding;

namespace Park.Tests.Access;

/// <summary>UserAdmin.ChangeRoleAsync: platform administrators only, with a reason, audited, stamp rotated.</summary>
public sealed class RoleChangeTests
{
    private static async Task<(string Stamp, string Roles, string Parks, long? TenantId)> StateAsync(TestDatabase db, string email)
    {
        await using var connection = await db.Db.OpenAsync();
        return await connection.QuerySingleAsync<(string, string, string, long?)>("""
            SELECT u.security_stamp,
                   (SELECT group_concat(r.name, ',') FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id),
                   coalesce((SELECT group_concat(p.code, ',') FROM user_parks up JOIN parks p ON p.id = up.park_id WHERE up.user_id = u.id), ''),
                   u.tenant_id
            FROM users u WHERE u.email = @Email
            """, new { Email = email });
    }

    private static async Task<long> IdOfAsync(TestDatabase db, string email) => (await db.ScopeOfAsync(email)).UserId;

    private static async Task<Result<bool>> ChangeAsync(TestDatabase db, string actorEmail, string email, RoleChange change)
    {
        var actor = await db.ScopeOfAsync(actorEmail);
        await using var scope = db.Scope();
        return await scope.ServiceProvider.GetRequiredService<UserAdmin>()
            .ChangeRoleAsync(await IdOfAsync(db, email), change, actor, AuditActor.From(actor, "10.0.0.9"));
    }

    [Fact]
    public async Task PlatformAdmin_MovesAParkAdminToATenant_Rebinds_Audits_AndRotatesTheStamp()
    {
        var clock = TestClock.At(2026, 11, 23);
        await using var db = await TestDatabase.WithDemoAsync(clock);
        var before = await StateAsync(db, "parkadmin@park.demo");
        clock.Advance(TimeSpan.FromHours(3));

        var result = await ChangeAsync(db, "admin@park.demo", "parkadmin@park.demo",
            new RoleChange(Roles.TenantUser, [], DemoSeed.TenantUscc(1), "调往云声驻场 / seconded to Yunsheng"));

        Assert.True(result.Succeeded, result.Problem?.Code);
        var after = await StateAsync(db, "parkadmin@park.demo");
        Assert.Equal(("ParkAdmin", "HZ-SV", (long?)null), (before.Roles, before.Parks, before.TenantId));
        Assert.Equal("TenantUser", after.Roles);
        Assert.Equal("", after.Parks);
        Assert.Equal((await db.ScopeOfAsync("ops@yunsheng.demo")).TenantId, after.TenantId);
        Assert.NotEqual(before.Stamp, after.Stamp);

        await using var connection = await db.Db.OpenAsync();
        var audit = await connection.QuerySingleAsync<AuditEventRow>(
            "SELECT occurred_at, actor_email, actor_role, action, target_id, reason, details, remote_ip FROM audit_events WHERE action = 'user.role.change'");
        Assert.Equal("admin@park.demo", audit.ActorEmail);
        Assert.Equal(Roles.PlatformAdmin, audit.ActorRole);
        Assert.Equal("parkadmin@park.demo", audit.TargetId);
        Assert.Equal("调往云声驻场 / seconded to Yunsheng", audit.Reason);
        Assert.Contains("from=ParkAdmin; parks=HZ-SV", audit.Details, StringComparison.Ordinal);
        Assert.Contains($"to=TenantUser; parks=; tenant={after.TenantId}", audit.Details, StringComparison.Ordinal);
        Assert.Equal(clock.Now, audit.OccurredAt);
        Assert.Equal("10.0.0.9", audit.RemoteIp);
    }

    [Fact]
    public async Task PlatformAdmin_MakesATenantUserAReviewer_OfTheGivenParks_AndTheScopeFollows()
    {
        await using var db = await TestDatabase.WithDemoAsync();

        var result = await ChangeAsync(db, "admin@park.demo", "ops@yunsheng.demo", new RoleChange(Roles.GovReviewer, ["HZ-SV"], null, "转任审核 / now reviews"));

        Assert.True(result.Succeeded, result.Problem?.Code);
        var scope = await db.ScopeOfAsync("ops@yunsheng.demo");
        Assert.Equal(Roles.GovReviewer, scope.PrimaryRole);
        Assert.Null(scope.TenantId);
        Assert.Equal(("GovReviewer", "HZ-SV"), ((await StateAsync(db, "ops@yunsheng.demo")).Roles, (await StateAsync(db, "ops@yunsheng.demo")).Parks));
    }

    [Theory]
    [InlineData("parkadmin@park.demo")]
    [InlineData("ops@hengxintong.demo")]
    [InlineData("reviewer@gov.demo")]
    public async Task OnlyAPlatformAdmin_MayChangeRoles_OthersChangeNothing(string actor)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var before = await StateAsync(db, "ops@yunsheng.demo");

        var result = await ChangeAsync(db, actor, "ops@yunsheng.demo", new RoleChange(Roles.ParkAdmin, ["HZ-SV"], null, "promote me"));

        Assert.Equal(ErrorKind.NotAllowed, result.Problem!.Kind);
        Assert.Equal(before, await StateAsync(db, "ops@yunsheng.demo"));
        await using var connection = await db.Db.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM audit_events WHERE action = 'user.role.change'"));
    }

    [Theory]
    [InlineData(Roles.ParkAdmin, "NOPE", null, "  ", "reason", "RoleChangeNeedsReason")]
    [InlineData(Roles.ParkAdmin, "NOPE", null, "why", "park", "ParkUnknown")]
    [InlineData(Roles.GovReviewer, "", null, "why", "park", "RoleNeedsPark")]
    [InlineData(Roles.TenantUser, "", null, "why", "tenant", "RoleNeedsTenant")]
    [InlineData(Roles.TenantUser, "", "91350100M000100Y43", "why", "tenant", "TenantUnknown")]
    public async Task ABadChange_SaysWhich_AndChangesNothing(string role, string park, string? tenant, string reason, string field, string code)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var before = await StateAsync(db, "parkadmin@park.demo");

        var result = await ChangeAsync(db, "admin@park.demo", "parkadmin@park.demo", new RoleChange(role, park == "" ? [] : [park], tenant, reason));

        Assert.Equal((field, code), (result.Problem!.Field, result.Problem.Code));
        Assert.Equal(before, await StateAsync(db, "parkadmin@park.demo"));
    }

    [Fact]
    public async Task APlatformAdmin_CannotChangeTheirOwnRole()
    {
        await using var db = await TestDatabase.WithDemoAsync();

        var result = await ChangeAsync(db, "admin@park.demo", "admin@park.demo", new RoleChange(Roles.TenantUser, [], DemoSeed.TenantUscc(0), "oops"));

        Assert.Equal("CannotChangeOwnRole", result.Problem!.Code);
        Assert.Equal("PlatformAdmin", (await StateAsync(db, "admin@park.demo")).Roles);
    }
}
