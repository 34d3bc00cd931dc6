using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Web.Access;
using Park.Web.Hosting;

namespace Park.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // Sign-out is a POST with an antiforgery token; it rotates the security stamp so a copy of
        // the cookie is worthless afterwards.
        app.MapPost("/account/signout", async (HttpContext context, SignInManager<ParkUser> signIn,
            UserManager<ParkUser> users, ScopeProvider scopes, AuditTrail audit) =>
        {
            var user = await users.GetUserAsync(context.User);
            if (user is not null)
            {
                var actor = await scopes.ActorAsync();
                await users.UpdateSecurityStampAsync(user);
                await audit.RecordAsync(actor, new AuditEntry("user.signout", "user", user.Email));
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect("~/account/signin");
        }).RequireAuthorization(Policies.Account).ExcludeFromDescription();

        // The language switch: sets the culture cookie and remembers the choice for the user.
        app.MapGet("/culture/set", async (string? culture, string? returnUrl, HttpContext context, UserManager<ParkUser> users) =>
        {
            var chosen = ParkWebApp.Cultures.FirstOrDefault(c => c.Name == culture)?.Name ?? "zh-CN";
            WriteCultureCookie(context, chosen);
            if (context.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(context.User) is { } user && user.Culture != chosen)
            {
                user.Culture = chosen;
                await users.UpdateAsync(user);
            }

            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "~/");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    public static void WriteCultureCookie(HttpContext context, string culture) =>
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Path = "/" });

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
