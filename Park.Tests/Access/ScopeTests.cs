using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;
using Park.Domain.Home;
using Park.Domain.Inventory;

namespace Park.Tests.Access;

/// <summary>What each role sees of parks and figures, checked in the data layer.</summary>
public sealed class ScopeTests
{
    [Fact]
    public async Task ParkList_IsScoped_PerRole()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var parks = db.Get<ParkStore>();
        var other = await parks.CreateAsync(new NewPark("SZ-01", "深圳呼叫中心产业园", "Shenzhen Park", "深圳", "", "", "", null),
            AccessScope.System, AuditActor.Cli);
        Assert.True(other.Succeeded);

        async Task<string[]> CodesAsync(string email) =>
            (await parks.ListAsync(await db.ScopeOfAsync(email), null, new PageRequest())).Items.Select(p => p.Code).ToArray();

        Assert.Equal(["HZ-SV", "SZ-01"], await CodesAsync("admin@park.demo"));
        Assert.Equal(["HZ-SV"], await CodesAsync("parkadmin@park.demo"));
        Assert.Equal(["HZ-SV"], await CodesAsync("reviewer@gov.demo"));
        Assert.Equal(["HZ-SV"], await CodesAsync("ops@hengxintong.demo"));
    }

    [Fact]
    public async Task SignedInUser_CarriesScopeStampAndDarkMode_InOneRead_AndNothingForAnInactiveUser()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var users = db.Get<UserAdmin>();
        await using var connection = await db.Db.OpenAsync();
        var (id, stamp) = await connection.QuerySingleAsync<(long, string)>(
            "SELECT id, security_stamp FROM users WHERE email = 'ops@hengxintong.demo'");
        await connection.ExecuteAsync("UPDATE users SET dark_mode = 1 WHERE id = @Id", new { Id = id });

        var user = await users.SignedInAsync(id);
        Assert.NotNull(user);
        Assert.Equal(stamp, user.SecurityStamp);
        Assert.True(user.DarkMode);
        Assert.Equal([Roles.TenantUser], user.Scope.Roles);
        Assert.True(user.Scope.IsTenant);
        Assert.Equal(await connection.ExecuteScalarAsync<long>("SELECT tenant_id FROM users WHERE id = @Id", new { Id = id }), user.Scope.TenantId);
        Assert.Equal("ops@hengxintong.demo", user.Scope.Email);
        Assert.Equal([Roles.ParkAdmin], (await users.SignedInAsync(await connection.ExecuteScalarAsync<long>(
            "SELECT id FROM users WHERE email = 'parkadmin@park.demo'")))!.Scope.Roles);

        await connection.ExecuteAsync("UPDATE users SET is_active = 0 WHERE id = @Id", new { Id = id });
        Assert.Null(await users.SignedInAsync(id));
        Assert.Null(await users.ScopeForAsync(id));
    }

    [Fact]
    public async Task HomeFigures_CountTheDemo_AndATenantSeesOnlyItself()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var home = db.Get<HomeQueries>();

        var admin = await home.FiguresAsync(await db.ScopeOfAsync("parkadmin@park.demo"));
        var tenantScope = await db.ScopeOfAsync("ops@yunsheng.demo");
        var tenant = await home.TenantAsync(tenantScope);

        Assert.Equal(1, admin.Parks);
        Assert.Equal(2, admin.Buildings);
        Assert.Equal(6, admin.Floors);
        Assert.InRange(admin.Seats, 1150, 1200);
        Assert.Equal(7, admin.Tenants); // the prospect is not yet a tenant in the park
        Assert.Equal(0, admin.Users); // only platform administrators count users
        await using (var connection = await db.Db.OpenAsync(TestContext.Current.CancellationToken))
        {
            var active = await Dapper.SqlMapper.ExecuteScalarAsync<int>(connection, "SELECT count(*) FROM users WHERE is_active = 1");
            Assert.Equal(active, (await home.FiguresAsync(await db.ScopeOfAsync("admin@park.demo"))).Users);
        }

        Assert.Equal("浙江云声信息技术有限公司", tenant!.NameZh);
        Assert.Equal(1, (await home.FiguresAsync(tenantScope)).Tenants);
    }

    [Fact]
    public async Task ParkAdmin_CannotCreateParks()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var result = await db.Get<ParkStore>().CreateAsync(new NewPark("XX-01", "某园区", "Some Park", "某市", "", "", "", null),
            await db.ScopeOfAsync("parkadmin@park.demo"), AuditActor.Cli);
        Assert.Equal(ErrorKind.NotAllowed, result.Problem!.Kind);
    }

    [Theory]
    [InlineData("hz-sv", "ParkCodeTaken")]
    [InlineData("x", "ParkCodeInvalid")]
    [InlineData("有中文", "ParkCodeInvalid")]
    public async Task CreatePark_RefusesBadCodes_AndWritesNothing(string code, string problem)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var parks = db.Get<ParkStore>();
        var result = await parks.CreateAsync(new NewPark(code, "园区", "Park", "城市", "", "", "", null), AccessScope.System, AuditActor.Cli);

        Assert.Equal(problem, result.Problem!.Code);
        Assert.Equal(1, (await parks.ListAsync(AccessScope.System, null, new PageRequest())).Total);
    }
}
