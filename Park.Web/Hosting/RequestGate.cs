using System.Threading.RateLimiting;

namespace Park.Web.Hosting;

/// <summary>
/// Bounds how many page and API reads Park works on at once; the rest wait in arrival order. Rendering a page
/// is CPU work: fifty requests interleaved on two cores finish no sooner than fifty in turn, but they spread over
/// more threads, more pooled connections with cold page caches and more live memory, so each costs about a fifth
/// more. With a few in flight per core the same cores serve more requests a second, and each waits its turn.
/// Circuits (<c>/_blazor</c>: long-lived connections), framework and package files and the health probe are not
/// gated, nor are writes, whose bodies arrive at the client's pace. A full queue answers 503 with Retry-After.
/// </summary>
public static class RequestGate
{
    private static readonly string[] Ungated = ["/_blazor", "/_framework", "/_content", "/healthz"];

    public static IApplicationBuilder UseParkRequestGate(this IApplicationBuilder app, IConfiguration configuration)
    {
        var inFlight = configuration.GetValue("Park:Requests:InFlight", Environment.ProcessorCount * 2);
        var queue = configuration.GetValue("Park:Requests:Queue", 2000);
        var limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, inFlight),
            QueueLimit = Math.Max(0, queue),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        return app.Use(async (context, next) =>
        {
            if (!IsGated(context.Request))
            {
                await next(context);
                return;
            }

            using var permit = await limiter.AcquireAsync(1, context.RequestAborted);
            if (!permit.IsAcquired)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "1";
                return;
            }

            await next(context);
        });
    }

    internal static bool IsGated(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        foreach (var prefix in Ungated)
        {
            if (request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
