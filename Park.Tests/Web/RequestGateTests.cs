using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Park.Web.Hosting;

namespace Park.Tests.Web;

/// <summary>The request gate: reads beyond the in-flight bound wait their turn, a full queue answers 503, circuits and writes pass.</summary>
public sealed class RequestGateTests
{
    private static async Task<(WebApplication App, HttpClient Client, TaskCompletionSource Release, Func<int> Started)> StartAsync(int inFlight, int queue)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Park:Requests:InFlight"] = inFlight.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Park:Requests:Queue"] = queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var app = builder.Build();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        app.UseParkRequestGate(app.Configuration);
        app.Run(async context =>
        {
            Interlocked.Increment(ref started);
            await release.Task;
            await context.Response.WriteAsync("done");
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return (app, app.GetTestClient(), release, () => Volatile.Read(ref started));
    }

    [Fact]
    public async Task ReadsBeyondTheBound_Wait_ThenRun_AndAFullQueueAnswers503()
    {
        var (app, client, release, started) = await StartAsync(inFlight: 1, queue: 1);
        await using var _ = app;
        var ct = TestContext.Current.CancellationToken;

        var first = client.GetAsync("/leases", ct);
        await WaitUntilAsync(() => started() == 1);
        var second = client.GetAsync("/tenants", ct);
        await Task.Delay(200, ct);
        Assert.Equal(1, started());

        var third = await client.GetAsync("/parks", ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, third.StatusCode);
        Assert.Equal("1", third.Headers.GetValues("Retry-After").Single());

        release.SetResult();
        Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second).StatusCode);
        Assert.Equal(2, started());
    }

    [Fact]
    public async Task CircuitsWritesAndTheHealthProbe_AreNotGated()
    {
        var (app, client, release, started) = await StartAsync(inFlight: 1, queue: 0);
        await using var _ = app;
        var ct = TestContext.Current.CancellationToken;

        var held = client.GetAsync("/leases", ct);
        await WaitUntilAsync(() => started() == 1);
        var circuit = client.GetAsync("/_blazor/negotiate", ct);
        var write = client.PostAsync("/leases/new", new StringContent(""), ct);
        var health = client.GetAsync("/healthz", ct);
        await WaitUntilAsync(() => started() == 4);

        release.SetResult();
        Assert.All(await Task.WhenAll(held, circuit, write, health), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }
}
