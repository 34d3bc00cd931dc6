using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Park.Domain.Access;

namespace Park.Tests.Access;

/// <summary>The Dapper user store against the behaviours Identity's own store specification checks.</summary>
public sealed class UserStoreTests
{
    private const string Password = "correct horse battery staple";

    private static async Task<(TestDatabase Db, AsyncServiceScope Scope, UserManager<ParkUser> Users)> NewAsync()
    {
        var db = TestDatabase.Create();
        var scope = db.Scope();
        return (db, scope, scope.ServiceProvider.GetRequiredService<UserManager<ParkUser>>());
    }

    private static ParkUser NewUser(string email) => new() { UserName = email, Email = email, DisplayName = "Test Person" };

    [Fact]
    public async Task Create_ThenFindByEmailAndId_ReturnsTheSameUser()
    {
        var (db, scope, users) = await NewAsync();
        await using var _ = db;
        await using var __ = scope;
        var user = NewUser("Li.Wei@Example.cn");

        Assert.True((await users.CreateAsync(user, Password)).Succeeded);

        var byEmail = await users.FindByEmailAsync("li.wei@example.cn");
        var byId = await users.FindByIdAsync(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(byEmail);
        Assert.Equal(user.Id, byEmail.Id);
        Assert.Equal("Li.Wei@Example.cn", byId!.Email);
        Assert.True(await users.CheckPasswordAsync(byId, Password));
        Assert.False(await users.CheckPasswordAsync(byId, Password + "x"));
    }

    [Fact]
    public async Task Create_DuplicateEmail_Fails()
    {
        var (db, scope, users) = await NewAsync();
        await using var _ = db;
        await using var __ = scope;
        await users.CreateAsync(NewUser("dup@example.cn"), Password);

        var second = await users.CreateAsync(NewUser("DUP@example.cn"), Password);

        Assert.False(second.Succeeded);
        Assert.Contains(second.Errors, e => e.Code is "DuplicateEmail" or "DuplicateUserName");
    }

    [Fact]
    public async Task PasswordHash_UsesPbkdf2WithAtLeast220000Iterations()
    {
        var (db, scope, users) = await NewAsync();
        await using var _ = db;
        await using var __ = scope;
        var user = NewUser("hash@example.cn");
        await users.CreateAsync(user, Password);

        var bytes = Convert.FromBase64String((await users.FindByIdAsync(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!.PasswordHash!);

        Assert.Equal(0x01, bytes[0]); // Identity V3 format: PBKDF2
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1))); // HMAC-SHA512
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)) >= 220_000);
    }

    [Fact]
    public async Task Update_WithStaleConcurrencyStamp_FailsAndKeepsTheFirstWrite()
    {
        var (db, scope, users) = await NewAsync();
        await using var _ = db;
        await using var __ = scope;
        var user = NewUser("stale@example.cn");
        await users.CreateAsync(user, Password);
        var store = new UserStore(db.Db, TimeProvider.System);
        var copyA = await store.FindByIdAsync(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), default);
        var copyB = await store.FindByIdAsync(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), default);
        copyA!.DisplayName = "First";
        copyB!.DisplayName = "Second";

        Assert.True((await store.UpdateAsync(copyA, default)).Succeeded);
        var second = await store.UpdateAsync(copyB, default);

        Assert.False(second.Succeeded);
        Assert.Equal("ConcurrencyFailure", second.Errors.Single().Code);
        Assert.Equal("First", (await store.FindByIdAsync(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), default))!.DisplayName);
    }

    [Fact]
    public async Task Roles_AddGetRemove_RoundTrip()
    {
        var (db, scope, users) = await NewAsync();
        await using var _ = db;
        await using var __ = scope;
        var user = NewUser("roles@example.cn");
        await users.CreateAsync(user, Password);

        await users.AddToRoleAsync(user, Roles.ParkAdmin);
        Assert.Equal([Roles.ParkAdmin], await users.GetRolesAsync(user));
        Assert.True(await users.IsInRoleAsync(user, Roles.ParkAdmin));
        Assert.Contains(await users.GetUsersInRoleAsync(Roles.ParkAdmin), u => u.Id == user.Id);

        await users.RemoveFromRoleAsync(user, Roles.ParkAdmin);
        Assert.Empty(await users.GetRolesAsync(user));
        Assert.False(await users.IsInRoleAsync(user, Roles.ParkAdmin));
    }

    [Fact]
    public async Task FiveFailures_LockTheAccount_Persisted_AndSuccessResetsTheCounter()
    {
        var (db, scope, users) = await NewAsync();
        await using var _ = db;
        await using var __ = scope;
        var user = NewUser("lock@example.cn");
        await users.CreateAsync(user, Password);

        for (var i = 1; i <= 4; i++)
        {
            await users.AccessFailedAsync(user);
            var reloaded = await users.FindByEmailAsync("lock@example.cn");
            Assert.Equal(i, reloaded!.AccessFailedCount);
            Assert.False(await users.IsLockedOutAsync(reloaded));
        }

        await users.AccessFailedAsync(user);
        var locked = await users.FindByEmailAsync("lock@example.cn");
        Assert.True(await users.IsLockedOutAsync(locked!));
        Assert.InRange(locked!.LockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(16));

        var other = NewUser("reset@example.cn");
        await users.CreateAsync(other, Password);
        await users.AccessFailedAsync(other);
        await users.ResetAccessFailedCountAsync(other);
        Assert.Equal(0, (await users.FindByEmailAsync("reset@example.cn"))!.AccessFailedCount);
    }

    [Fact]
    public async Task SecurityStamp_ChangesOnPasswordChange()
    {
        var (db, scope, users) = await NewAsync();
        await using var _ = db;
        await using var __ = scope;
        var user = NewUser("stamp@example.cn");
        await users.CreateAsync(user, Password);
        var before = user.SecurityStamp;

        var changed = await users.ChangePasswordAsync(user, Password, "an entirely new passphrase");

        Assert.True(changed.Succeeded);
        Assert.NotEqual(before, (await users.FindByEmailAsync("stamp@example.cn"))!.SecurityStamp);
    }

    [Fact]
    public async Task AuthenticatorKey_AndTokens_RoundTrip()
    {
        var (db, scope, users) = await NewAsync();
        await using var _ = db;
        await using var __ = scope;
        var user = NewUser("totp@example.cn");
        await users.CreateAsync(user, Password);

        await users.ResetAuthenticatorKeyAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);

        Assert.False(string.IsNullOrEmpty(key));
        Assert.Equal(key, await new UserStore(db.Db, TimeProvider.System).GetAuthenticatorKeyAsync(user, default));
    }
}
