using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Park.Domain.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Park.Domain.Access;
using Park.Web.Access;
using Park.Web.Api;
using Park.Web.Components;
using Park.Web.Features.Account;
using Scalar.AspNetCore;

namespace Park.Web.Hosting;

/// <summary>Builds the web app: services, authentication, localization and the request pipeline.</summary>
public static class ParkWebApp
{
    public const string AuthTimeClaim = "park:auth_time";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(12);
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en-US")];

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        AddServices(builder.Services, builder.Configuration, builder.Environment);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddParkDomain(configuration);
        services.AddHostedService<DatabaseStartup>();
        services.AddHostedService<Documents.FontStartupCheck>();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSingleton<Components.PrerenderedMarkup>();
        services.AddTransient<MudBlazor.MudLocalizer, Park.Web.Components.Layout.ParkMudLocalizer>();
        services.AddLocalization();
        services.AddHttpContextAccessor();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingStateProvider>();
        services.AddScoped<ScopeProvider>();
        services.AddScoped<SignInService>();
        services.AddProblemDetails();
        // Chinese text goes out as characters, not numeric entities (smaller pages, readable source).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // Keys that protect cookies live beside the database, so sign-ins survive a restart.
        services.AddDataProtection().SetApplicationName("Park");
        services.AddOptions<KeyManagementOptions>().Configure<ParkDatabase, ILoggerFactory>((o, db, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(Path.GetDirectoryName(db.FullPath)!, "keys")), logs));
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Park API";
            document.Info.Description = "Call-center park operations: parks, seats, tenants, leases, contracts. " +
                "Authenticate with the sign-in cookie or `Authorization: Bearer park_pat_…` (create one with `users token`).";
            return Task.CompletedTask;
        }));

        services.AddParkIdentity().AddSignInManager();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Park";
                o.DefaultChallengeScheme = "Park";
            })
            .AddPolicyScheme("Park", "Cookie or personal access token", o =>
                o.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? PatAuthenticationHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, PatAuthenticationHandler>(PatAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IConfiguration>((o, config) =>
        {
            var secure = config.GetValue("Park:Auth:SecureCookies", true);
            o.Cookie.Name = secure ? "__Host-Park" : "Park.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = IdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/account/signin";
            o.AccessDeniedPath = "/account/denied";
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = ValidatePrincipalAsync;
        });
        services.AddAuthorization();
        services.AddSingleton(sp => new StaffTwoFactorRequirement(StaffTwoFactorRequirement.IsEnforced(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>())));
        services.AddOptions<AuthorizationOptions>().Configure<StaffTwoFactorRequirement>(Policies.Add);
        services.AddAntiforgery();
        services.AddOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>().Configure<IConfiguration>((o, config) =>
        {
            var secure = config.GetValue("Park:Auth:SecureCookies", true);
            o.Cookie.Name = secure ? "__Host-Park.Af" : "Park.Af";
            o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<IConfiguration>(ConfigureRateLimits);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
        });
        if (!environment.IsDevelopment())
        {
            services.AddHsts(o =>
            {
                o.MaxAge = TimeSpan.FromDays(365);
                o.IncludeSubDomains = true;
            });
        }
    }

    private static void UsePipeline(WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseParkSecurityHeaders();
        app.UseParkRequestGate(app.Configuration);
        app.UseRequestLocalization();
        // Page requests (GET) get a readable status page; the API and form posts keep their own status
        // codes and bodies (re-executing a POST would submit it to the status page).
        app.UseStatusCodePagesWithReExecute("/not-found", "?status={0}", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) || context.Request.Path.StartsWithSegments("/api"))
            {
                context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
            }

            return next(context);
        });
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapParkApi();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(o => o.WithTitle("Park API")).AllowAnonymous();
        app.MapHealth();
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            // In the request's language: the localization middleware runs before authentication.
            var strings = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Resources.Shared>>();
            context.Response.StatusCode = apiStatus;
            var unauthorized = apiStatus == StatusCodes.Status401Unauthorized;
            return Results.Problem(statusCode: apiStatus,
                    title: unauthorized ? strings["ApiUnauthorizedTitle"] : strings["ApiForbiddenTitle"],
                    detail: unauthorized ? strings["ApiSignInRequired"] : strings["ApiForbidden"])
                .ExecuteAsync(context.HttpContext);
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        // The stamp on every request: a cookie replayed after sign-out (or a password or role change) is refused at once.
        if (!await StampCheck.IsCurrentAsync(context.Principal, context.HttpContext.RequestServices, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        if (context.Principal?.FindFirst(AuthTimeClaim) is not { } claim
            || !long.TryParse(claim.Value, CultureInfo.InvariantCulture, out var signedInAt))
        {
            if (context.Principal is not null)
            {
                context.RejectPrincipal();
            }

            return;
        }

        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(signedInAt) > AbsoluteTimeout)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    private static void ConfigureRateLimits(Microsoft.AspNetCore.RateLimiting.RateLimiterOptions o, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("Park:RateLimits:SignInPerMinute", 10);
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.OnRejected = (context, _) =>
        {
            var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return ValueTask.CompletedTask;
        };
        var heavyPerMinute = configuration.GetValue("Park:RateLimits:HeavyPerMinute", 60);
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/account/signin"))
            {
                return Window("signin:" + context.Connection.RemoteIpAddress, signInPerMinute);
            }

            // Exports, imports, PDF generation and staffing calculations are costly: per user (or address), per minute.
            return IsHeavy(context.Request.Path)
                ? Window("heavy:" + (context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString()), heavyPerMinute)
                : RateLimitPartition.GetNoLimiter("open");
        });

        static RateLimitPartition<string> Window(string key, int permits) =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
    }

    private static bool IsHeavy(PathString path)
    {
        var value = path.Value ?? "";
        return value.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)
               || value.EndsWith("/export", StringComparison.OrdinalIgnoreCase)
               || value.EndsWith("/import", StringComparison.OrdinalIgnoreCase)
               || value.Equals("/api/v1/staffing/calculate", StringComparison.OrdinalIgnoreCase); // up to 100,000 Erlang searches per call
    }
}
