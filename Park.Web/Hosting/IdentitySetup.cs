using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Park.Domain.Access;

namespace Park.Web.Hosting;

public static class IdentitySetup
{
    /// <summary>Identity over Park's Dapper stores, with the rules of shared/SECURITY.md; used by the app and the CLI.</summary>
    public static IdentityBuilder AddParkIdentity(this IServiceCollection services)
    {
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 220_000);
        services.AddDataProtection();
        return services.AddIdentityCore<ParkUser>(o =>
            {
                o.Password.RequiredLength = PasswordPolicy.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.User.AllowedUserNameCharacters += "+";
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<ParkRole>()
            .AddUserStore<UserStore>()
            .AddRoleStore<RoleStore>()
            // Authenticator apps for the second factor and protected tokens for resets; no SMS or e-mail codes.
            .AddTokenProvider<DataProtectorTokenProvider<ParkUser>>(TokenOptions.DefaultProvider)
            .AddTokenProvider<AuthenticatorTokenProvider<ParkUser>>(TokenOptions.DefaultAuthenticatorProvider)
            .AddPasswordValidator<PasswordPolicy>();
    }
}
