using Dapper;
using Microsoft.AspNetCore.Identity;
using Park.Domain.Access;
using Park.Domain.Seeding;

namespace Park.Tests.Seeding;

/// <summary>The demo seed is recoverable: a run that fails part-way is detected and the next run completes it.</summary>
public sealed class DemoSeedTests
{
    private static async Task<(long Parks, long Seats, long Tenants, long Lines, long Leases, long Users, long Accounts)> CountsAsync(TestDatabase db)
    {
        await using var connection = await db.Db.OpenAsync();
        return await connection.QuerySingleAsync<(long, long, long, long, long, long, long)>("""
            SELECT (SELECT count(*) FROM parks), (SELECT count(*) FROM seats), (SELECT count(*) FROM tenants),
                   (SELECT count(*) FROM staffing_service_lines), (SELECT count(*) FROM leases),
                   (SELECT count(*) FROM users), (SELECT count(*) FROM demo_accounts)
            """);
    }

    private static async Task<SeedOutcome> SeedAsync(TestDatabase db, string? failAt = null)
    {
        await using var scope = db.Scope();
        var seed = scope.ServiceProvider.GetRequiredService<DemoSeed>();
        seed.BeforeStep = step => step == failAt ? throw new IOException($"disk full at {step}") : Task.CompletedTask;
        return await seed.RunAsync();
    }

    private static async Task<bool> NeedsSeedAsync(TestDatabase db)
    {
        await using var scope = db.Scope();
        return await scope.ServiceProvider.GetRequiredService<DemoSeed>().NeedsSeedAsync();
    }

    [Theory]
    [InlineData("staffing")]
    [InlineData("users")]
    [InlineData("user:ops@yunsheng.demo")]
    [InlineData("account:ops@yunsheng.demo")]
    [InlineData("leases")]
    [InlineData("complete")]
    public async Task ASeedThatFailedPartWay_IsDetected_AndTheNextRunCompletesIt(string failAt)
    {
        await using var reference = TestDatabase.Create();
        await SeedAsync(reference);
        var expected = await CountsAsync(reference);
        await using var db = TestDatabase.Create();
        Assert.True(await NeedsSeedAsync(db));

        var failure = await Assert.ThrowsAsync<IOException>(() => SeedAsync(db, failAt));
        Assert.Contains(failAt, failure.Message, StringComparison.Ordinal);
        Assert.True(await NeedsSeedAsync(db)); // the start-up seed will run again: no "already seeded" with no users

        var second = await SeedAsync(db);

        Assert.False(second.AlreadySeeded);
        Assert.Equal(expected, await CountsAsync(db));
        Assert.Equal(5, second.Accounts.Count);
        await using (var scope = db.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ParkUser>>();
            foreach (var account in second.Accounts)
            {
                var user = await users.FindByEmailAsync(account.Email);
                Assert.True(await users.CheckPasswordAsync(user!, account.Password), account.Email);
                Assert.Equal([account.Role], await users.GetRolesAsync(user!));
            }
        }

        Assert.False(await NeedsSeedAsync(db));
        var third = await SeedAsync(db);
        Assert.True(third.AlreadySeeded);
        Assert.Equal(expected, await CountsAsync(db));
    }

    [Fact]
    public async Task ADatabaseWithOtherDataButNoDemo_IsNotSeededAtStartUp()
    {
        await using var db = TestDatabase.Create();
        await using (var connection = await db.Db.OpenAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO parks (code, name_zh, name_en, city, address, operator_name, operator_uscc, opened_on, created_at)
                VALUES ('OWN-1', '自有园区', 'Own park', '宁波', '宁波市', '运营方', '91330205MA2AAAAA0X', '2020-01-01', '2026-01-01T00:00:00+00:00')
                """);
        }

        Assert.False(await NeedsSeedAsync(db));
    }
}
