using System.Net;
using Park.Domain.Access;

namespace Park.Tests.Web;

public sealed class RateLimitTests
{
    [Fact]
    public async Task SignIn_BeyondTheLimit_Is429_WithRetryAfter()
    {
        await using var app = new ParkAppFactory(s => s["Park:RateLimits:SignInPerMinute"] = "3");
        var account = await app.AccountAsync(Roles.ParkAdmin);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var (_, response) = await app.SignInAsync(account.Email, "wrong password number " + i);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task PdfAndExportEndpoints_AreLimitedPerUser()
    {
        await using var app = new ParkAppFactory(s => s["Park:RateLimits:HeavyPerMinute"] = "2");
        var client = await app.SignedInAsync(Roles.ParkAdmin);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.GetAsync("/api/v1/parks/1/seats/export")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode); // ordinary calls are not limited
    }
}
