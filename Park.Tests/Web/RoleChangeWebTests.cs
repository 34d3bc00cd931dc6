using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Seeding;

namespace Park.Tests.Web;

/// <summary>A role change reaches the changed user's open session at once: the rotated stamp refuses the old cookie.</summary>
public sealed class RoleChangeWebTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task AfterARoleChange_TheOpenSessionMustSignInAgain_AndThenHasTheNewRole()
    {
        const string email = "moving@park.demo", password = "a long enough passphrase";
        await using (var scope = shared.App.Services.CreateAsyncScope())
        {
            var created = await scope.ServiceProvider.GetRequiredService<UserAdmin>().CreateAsync(
                new NewUser(email, Roles.ParkAdmin, [DemoSeed.ParkCode], null, password), AccessScope.System, AuditActor.Cli);
            Assert.True(created.Succeeded);
        }

        var (client, _) = await shared.App.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);

        await using (var scope = shared.App.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
            var platform = (await admin.ScopeForAsync(await shared.ScalarAsync<long>("SELECT id FROM users WHERE email = 'admin@park.demo'")))!;
            var changed = await admin.ChangeRoleAsync(await shared.ScalarAsync<long>("SELECT id FROM users WHERE email = @Email", new { Email = email }),
                new RoleChange(Roles.TenantUser, [], DemoSeed.TenantUscc(2), "moved to a tenant"), platform, AuditActor.From(platform));
            Assert.True(changed.Succeeded);
        }

        var replay = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/account/signin", replay.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        var (again, _) = await shared.App.SignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, (await again.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/my/colleagues")).StatusCode);
    }
}
