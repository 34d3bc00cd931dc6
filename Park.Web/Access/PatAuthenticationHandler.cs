using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Park.Domain.Access;
using Park.Web.Resources;

namespace Park.Web.Access;

/// <summary>Authenticates <c>Authorization: Bearer park_pat_…</c> personal access tokens for /api/v1.</summary>
public sealed class PatAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokens tokens,
    UserManager<ParkUser> users,
    IUserClaimsPrincipalFactory<ParkUser> principals,
    IStringLocalizer<Shared> strings)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PersonalAccessToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var check = await tokens.CheckAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (check.Status != TokenStatus.Valid)
        {
            Context.Items[nameof(TokenStatus)] = check.Status;
            return AuthenticateResult.Fail($"Token {check.Status.ToString().ToLowerInvariant()}.");
        }

        var user = await users.FindByIdAsync(check.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null || !user.IsActive)
        {
            return AuthenticateResult.Fail("Token user inactive.");
        }

        var principal = await principals.CreateAsync(user);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaim(
            new System.Security.Claims.Claim(StaffTwoFactorRequirement.Claim, StaffTwoFactorRequirement.Token));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var status = Context.Items.TryGetValue(nameof(TokenStatus), out var s) ? (TokenStatus)s! : TokenStatus.Unknown;
        // In the request's language: the localization middleware (cookie, then Accept-Language) runs before authentication.
        var detail = status switch
        {
            TokenStatus.Expired => strings["ApiTokenExpired"],
            TokenStatus.Revoked => strings["ApiTokenRevoked"],
            TokenStatus.UserInactive => strings["ApiTokenUserInactive"],
            _ => Request.Headers.Authorization.Count == 0 ? strings["ApiSignInRequired"] : strings["ApiTokenInvalid"],
        };
        await Results.Problem(detail, statusCode: 401, title: strings["ApiUnauthorizedTitle"],
            extensions: new Dictionary<string, object?> { ["reason"] = status.ToString().ToLowerInvariant() })
            .ExecuteAsync(Context);
    }
}
