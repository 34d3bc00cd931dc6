namespace Park.Web.Hosting;

/// <summary>Headers every response carries (shared/SECURITY.md, "Input and output").</summary>
public static class SecurityHeaders
{
    /// <summary>Set in HttpContext.Items by an endpoint whose response this site may show in a frame (PDF preview).</summary>
    public const string FramableBySelf = "park:framable-by-self";

    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; frame-src 'self' blob:; frame-ancestors 'none'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'";

    // The API reference page runs the reference viewer's own scripts; it shows no user data.
    private const string ReferenceCsp =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; object-src 'none'";

    public static IApplicationBuilder UseParkSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ReferenceCsp : Csp;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "DENY";
                if (context.Items.ContainsKey(FramableBySelf))
                {
                    headers.ContentSecurityPolicy = Csp.Replace("frame-ancestors 'none'", "frame-ancestors 'self'", StringComparison.Ordinal);
                    headers.XFrameOptions = "SAMEORIGIN";
                }

                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                if (context.User.Identity?.IsAuthenticated == true || context.Request.Path.StartsWithSegments("/account"))
                {
                    headers.CacheControl = "no-store";
                }

                headers.Remove("Server");
                headers.Remove("X-Powered-By");
                return Task.CompletedTask;
            });
            await next();
        });
}
