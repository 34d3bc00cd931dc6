using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Web.Access;
using Park.Web.Hosting;

namespace Park.Web.Features.Account;

public enum SignInOutcome
{
    Success,
    Failed,
    LockedOut,
    Missing,
    RequiresCode,
}

/// <summary>
/// Password sign-in with lockout really on (5 failures → 15 minutes), the sign-in time stamped into
/// the cookie for the 12-hour absolute limit, the user's language restored, and every attempt audited.
/// </summary>
public sealed class SignInService(
    SignInManager<ParkUser> signIn,
    UserManager<ParkUser> users,
    AuditTrail audit,
    TimeProvider clock,
    IOptions<IdentityOptions> identity)
{
    public int LockoutMinutes => (int)identity.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes;

    public async Task<SignInOutcome> SignInAsync(HttpContext context, string? email, string? password)
    {
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "";
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return SignInOutcome.Missing;
        }

        email = email.Trim();
        var user = await users.FindByEmailAsync(email);
        if (user is null || !user.IsActive)
        {
            // Same answer as a wrong password: the page must not reveal which e-mails exist.
            await audit.RecordAsync(new AuditActor(null, email, "", ip),
                new AuditEntry("user.signin", "user", email, AuditOutcome.Failure, user is null ? "unknown user" : "inactive"));
            return SignInOutcome.Failed;
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        var roles = await users.GetRolesAsync(user);
        var actor = new AuditActor(user.Id, user.Email, roles.FirstOrDefault() ?? "", ip);
        if (result.IsLockedOut)
        {
            await audit.RecordAsync(actor, new AuditEntry("user.signin", "user", email, AuditOutcome.Denied, "locked out"));
            return SignInOutcome.LockedOut;
        }

        if (!result.Succeeded)
        {
            await audit.RecordAsync(actor, new AuditEntry("user.signin", "user", email, AuditOutcome.Failure,
                $"wrong password ({user.AccessFailedCount} of {identity.Value.Lockout.MaxFailedAccessAttempts})"));
            return SignInOutcome.Failed;
        }

        if (user.TwoFactorEnabled)
        {
            // Password right; the second factor comes on the next page. Only the user id travels, in
            // Identity's short-lived two-factor cookie.
            var pending = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
            pending.AddClaim(new Claim(ClaimTypes.Name, user.Id.ToString(CultureInfo.InvariantCulture)));
            await context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending));
            await audit.RecordAsync(actor, new AuditEntry("user.signin.password", "user", email, Reason: "second factor required"));
            return SignInOutcome.RequiresCode;
        }

        await CompleteAsync(context, user, actor, StaffTwoFactorRequirement.Password);
        return SignInOutcome.Success;
    }

    /// <summary>The second step: a 6-digit code from the user's authenticator app. Wrong codes count towards lockout.</summary>
    public async Task<SignInOutcome> VerifyCodeAsync(HttpContext context, string? code)
    {
        var pending = await context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        var userId = pending.Principal?.FindFirstValue(ClaimTypes.Name);
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || !user.IsActive || !user.TwoFactorEnabled)
        {
            return SignInOutcome.Failed;
        }

        var roles = await users.GetRolesAsync(user);
        var actor = new AuditActor(user.Id, user.Email, roles.FirstOrDefault() ?? "", context.Connection.RemoteIpAddress?.ToString() ?? "");
        if (await users.IsLockedOutAsync(user))
        {
            await audit.RecordAsync(actor, new AuditEntry("user.signin.code", "user", user.Email, AuditOutcome.Denied, "locked out"));
            return SignInOutcome.LockedOut;
        }

        var digits = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (digits.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, digits))
        {
            await users.AccessFailedAsync(user);
            await audit.RecordAsync(actor, new AuditEntry("user.signin.code", "user", user.Email, AuditOutcome.Failure, "wrong code"));
            return await users.IsLockedOutAsync(user) ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        }

        await users.ResetAccessFailedCountAsync(user);
        await context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await CompleteAsync(context, user, actor, StaffTwoFactorRequirement.PasswordAndCode);
        return SignInOutcome.Success;
    }

    private async Task CompleteAsync(HttpContext context, ParkUser user, AuditActor actor, string method)
    {
        var signedInAt = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false,
            [new Claim(ParkWebApp.AuthTimeClaim, signedInAt), new Claim(StaffTwoFactorRequirement.Claim, method)]);
        if (user.Culture is not null)
        {
            AccountEndpoints.WriteCultureCookie(context, user.Culture);
        }

        await audit.RecordAsync(actor, new AuditEntry("user.signin", "user", user.Email, Details: "method=" + method));
    }
}
