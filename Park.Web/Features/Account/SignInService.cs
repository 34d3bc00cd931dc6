using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Web.Hosting;

namespace Park.Web.Features.Account;

public enum SignInOutcome
{
    Success,
    Failed,
    LockedOut,
    Missing,
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

        var signedInAt = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(ParkWebApp.AuthTimeClaim, signedInAt)]);
        if (user.Culture is not null)
        {
            AccountEndpoints.WriteCultureCookie(context, user.Culture);
        }

        await audit.RecordAsync(actor, new AuditEntry("user.signin", "user", email));
        return SignInOutcome.Success;
    }
}
