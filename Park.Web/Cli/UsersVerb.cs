using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Web.Cli;

/// <summary><c>users add</c>, <c>users role</c>, <c>users token</c>, <c>users revoke-tokens</c>.</summary>
public static class UsersVerb
{
    public static Command Create(CliContext context) =>
        new("users", context.L["CliUsers"]) { Add(context), Role(context), Token(context), Revoke(context) };

    private static Command Add(CliContext context)
    {
        var email = new Option<string>("--email") { Description = context.L["CliEmail"], Required = true };
        var role = new Option<string>("--role") { Description = context.L["CliRole"], Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var park = new Option<string[]>("--park") { Description = context.L["CliPark"], AllowMultipleArgumentsPerToken = true };
        var tenant = new Option<string?>("--tenant") { Description = context.L["CliTenant"] };
        var password = new Option<string?>("--password") { Description = context.L["CliPassword"] };
        var name = new Option<string?>("--name") { Description = context.L["CliName"] };
        var command = new Command("add", context.L["CliUsersAdd"]) { email, role, park, tenant, password, name };
        command.SetAction((parsed, ct) => context.GuardAsync(async () =>
        {
            context.Services.GetRequiredService<MigrationRunner>().Run();
            await using var scope = context.Services.CreateAsyncScope();
            var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
            var result = await admin.CreateAsync(
                new NewUser(parsed.GetValue(email)!, parsed.GetValue(role)!, parsed.GetValue(park) ?? [], parsed.GetValue(tenant),
                    parsed.GetValue(password), parsed.GetValue(name) ?? ""),
                AccessScope.System, AuditActor.Cli, ct);
            if (!result.Succeeded)
            {
                await context.Error.WriteLineAsync(CliText.Problem(context, result.Problem!));
                return 2;
            }

            await context.Output.WriteLineAsync(context.L["CliUserCreated", result.Value!.Email, parsed.GetValue(role)!]);
            if (result.Value.PasswordGenerated)
            {
                await context.Output.WriteLineAsync(context.L["CliGeneratedPassword"]);
                await context.Output.WriteLineAsync(result.Value.Password);
            }

            return 0;
        }));
        return command;
    }

    /// <summary><c>users role --email E --role R [--park CODE ...] [--tenant USCC] [--reason WHY]</c>: audited, rotates the stamp.</summary>
    private static Command Role(CliContext context)
    {
        var email = new Option<string>("--email") { Description = context.L["CliEmail"], Required = true };
        var role = new Option<string>("--role") { Description = context.L["CliRole"], Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var park = new Option<string[]>("--park") { Description = context.L["CliPark"], AllowMultipleArgumentsPerToken = true };
        var tenant = new Option<string?>("--tenant") { Description = context.L["CliTenant"] };
        var reason = new Option<string>("--reason") { Description = context.L["CliReason"], DefaultValueFactory = _ => "users role (CLI)" };
        var command = new Command("role", context.L["CliUsersRole"]) { email, role, park, tenant, reason };
        command.SetAction((parsed, ct) => context.GuardAsync(async () =>
        {
            context.Services.GetRequiredService<MigrationRunner>().Run();
            await using var scope = context.Services.CreateAsyncScope();
            var user = await FindAsync(scope.ServiceProvider, parsed.GetValue(email)!);
            if (user is null)
            {
                await context.Error.WriteLineAsync(context.L["CliUserUnknown", parsed.GetValue(email)!]);
                return 2;
            }

            var result = await scope.ServiceProvider.GetRequiredService<UserAdmin>().ChangeRoleAsync(user.Id,
                new RoleChange(parsed.GetValue(role)!, parsed.GetValue(park) ?? [], parsed.GetValue(tenant), parsed.GetValue(reason)!),
                AccessScope.System, AuditActor.Cli, ct);
            if (!result.Succeeded)
            {
                await context.Error.WriteLineAsync(CliText.Problem(context, result.Problem!));
                return 2;
            }

            await context.Output.WriteLineAsync(context.L["CliRoleChanged", user.Email, parsed.GetValue(role)!]);
            return 0;
        }));
        return command;
    }

    private static Command Token(CliContext context)
    {
        var email = new Option<string>("--email") { Description = context.L["CliEmail"], Required = true };
        var days = new Option<int>("--days") { Description = context.L["CliTokenDays"], DefaultValueFactory = _ => 90 };
        var name = new Option<string>("--name") { Description = context.L["CliTokenName"], DefaultValueFactory = _ => "cli" };
        var command = new Command("token", context.L["CliUsersToken"]) { email, days, name };
        command.SetAction((parsed, ct) => context.GuardAsync(async () =>
        {
            context.Services.GetRequiredService<MigrationRunner>().Run();
            if (parsed.GetValue(days) is < 1 or > 366)
            {
                await context.Error.WriteLineAsync(context.L["CliTokenDaysRange"]);
                return 2;
            }

            await using var scope = context.Services.CreateAsyncScope();
            var user = await FindAsync(scope.ServiceProvider, parsed.GetValue(email)!);
            if (user is null)
            {
                await context.Error.WriteLineAsync(context.L["CliUserUnknown", parsed.GetValue(email)!]);
                return 2;
            }

            var token = await context.Services.GetRequiredService<ApiTokens>().IssueAsync(user.Id, parsed.GetValue(name)!, parsed.GetValue(days), ct);
            await context.Services.GetRequiredService<AuditTrail>().RecordAsync(AuditActor.Cli,
                new AuditEntry("token.issue", "user", user.Email, Details: $"expires={token.ExpiresAt:O}"), ct);
            await context.Output.WriteLineAsync(context.L["CliTokenIssued", user.Email, token.ExpiresAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)]);
            await context.Output.WriteLineAsync(token.Token);
            return 0;
        }));
        return command;
    }

    private static Command Revoke(CliContext context)
    {
        var email = new Option<string>("--email") { Description = context.L["CliEmail"], Required = true };
        var command = new Command("revoke-tokens", context.L["CliUsersRevoke"]) { email };
        command.SetAction((parsed, ct) => context.GuardAsync(async () =>
        {
            context.Services.GetRequiredService<MigrationRunner>().Run();
            await using var scope = context.Services.CreateAsyncScope();
            var user = await FindAsync(scope.ServiceProvider, parsed.GetValue(email)!);
            if (user is null)
            {
                await context.Error.WriteLineAsync(context.L["CliUserUnknown", parsed.GetValue(email)!]);
                return 2;
            }

            var count = await context.Services.GetRequiredService<ApiTokens>().RevokeAllAsync(user.Id, ct);
            await context.Services.GetRequiredService<AuditTrail>().RecordAsync(AuditActor.Cli,
                new AuditEntry("token.revoke", "user", user.Email, Details: $"count={count}"), ct);
            await context.Output.WriteLineAsync(context.L["CliTokensRevoked", count, user.Email]);
            return 0;
        }));
        return command;
    }

    private static Task<ParkUser?> FindAsync(IServiceProvider services, string email) =>
        services.GetRequiredService<UserManager<ParkUser>>().FindByEmailAsync(email.Trim());
}

public static class CliText
{
    public static string Problem(CliContext context, Problem problem)
    {
        var message = context.L[problem.Code, problem.Args];
        return problem.Field is null ? message : $"{problem.Field}: {message}";
    }
}
