using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Park.Domain.Access;

namespace Park.Tests.Access;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("short-pass1", "PasswordTooShort")]
    [InlineData("password1234", "PasswordCommon")]
    [InlineData("aaaaaaaaaaaaaaaa", "PasswordCommon")]
    [InlineData("zhangwei-is-great-2026", "PasswordContainsName")]
    public async Task Create_RefusesWeakPasswords(string password, string code)
    {
        await using var db = TestDatabase.Create();
        await using var scope = db.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ParkUser>>();

        var result = await users.CreateAsync(new ParkUser { UserName = "zhangwei@example.cn", Email = "zhangwei@example.cn", DisplayName = "Zhang Wei" }, password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == code);
    }

    [Fact]
    public async Task Create_AcceptsLongPassphrase_WithoutCompositionRules_ButNotOver128()
    {
        await using var db = TestDatabase.Create();
        await using var scope = db.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ParkUser>>();

        var ok = await users.CreateAsync(new ParkUser { UserName = "a@example.cn", Email = "a@example.cn" }, "lowercase words only please");
        var tooLong = await users.CreateAsync(new ParkUser { UserName = "b@example.cn", Email = "b@example.cn" }, new string('x', 60) + new string('y', 69));

        Assert.True(ok.Succeeded);
        Assert.Contains(tooLong.Errors, e => e.Code == "PasswordTooLong");
    }

    [Fact]
    public void Generate_MakesDistinctStrongPasswords()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => PasswordPolicy.Generate()).ToHashSet();
        Assert.Equal(50, passwords.Count);
        Assert.All(passwords, p => Assert.True(p.Length >= PasswordPolicy.MinLength));
    }
}
