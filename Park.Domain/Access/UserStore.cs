using Dapper;
using Microsoft.AspNetCore.Identity;
using Park.Domain.Data;

namespace Park.Domain.Access;

/// <summary>
/// ASP.NET Core Identity's user store on Dapper. Writes check the concurrency stamp, so two
/// concurrent saves of one user cannot silently overwrite each other.
/// </summary>
public sealed class UserStore(ParkDatabase db, TimeProvider clock) :
    IUserPasswordStore<ParkUser>,
    IUserEmailStore<ParkUser>,
    IUserSecurityStampStore<ParkUser>,
    IUserLockoutStore<ParkUser>,
    IUserRoleStore<ParkUser>,
    IUserTwoFactorStore<ParkUser>,
    IUserAuthenticatorKeyStore<ParkUser>,
    IUserAuthenticationTokenStore<ParkUser>
{
    private const string Columns = """
        id, user_name, normalized_user_name, email, normalized_email, email_confirmed, display_name,
        password_hash, security_stamp, concurrency_stamp, lockout_enabled, lockout_end,
        access_failed_count, two_factor_enabled, culture, tenant_id, is_active, created_at
        """;

    private const string AuthenticatorProvider = "[AspNetUserStore]";
    private const string AuthenticatorKeyName = "AuthenticatorKey";

    public async Task<IdentityResult> CreateAsync(ParkUser user, CancellationToken cancellationToken)
    {
        user.CreatedAt = clock.GetUtcNow();
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        await using var connection = await db.OpenAsync(cancellationToken);
        try
        {
            user.Id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                INSERT INTO users (user_name, normalized_user_name, email, normalized_email, email_confirmed, display_name,
                                   password_hash, security_stamp, concurrency_stamp, lockout_enabled, lockout_end,
                                   access_failed_count, two_factor_enabled, culture, tenant_id, is_active, created_at)
                VALUES (@UserName, @NormalizedUserName, @Email, @NormalizedEmail, @EmailConfirmed, @DisplayName,
                        @PasswordHash, @SecurityStamp, @ConcurrencyStamp, @LockoutEnabled, @LockoutEnd,
                        @AccessFailedCount, @TwoFactorEnabled, @Culture, @TenantId, @IsActive, @CreatedAt)
                RETURNING id
                """, user, cancellationToken: cancellationToken));
            return IdentityResult.Success;
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex) when (ex.SqliteErrorCode == 19)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateEmail(user.Email));
        }
    }

    public async Task<IdentityResult> UpdateAsync(ParkUser user, CancellationToken cancellationToken)
    {
        var expected = user.ConcurrencyStamp;
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE users SET
                user_name = @UserName, normalized_user_name = @NormalizedUserName, email = @Email,
                normalized_email = @NormalizedEmail, email_confirmed = @EmailConfirmed, display_name = @DisplayName,
                password_hash = @PasswordHash, security_stamp = @SecurityStamp, concurrency_stamp = @ConcurrencyStamp,
                lockout_enabled = @LockoutEnabled, lockout_end = @LockoutEnd, access_failed_count = @AccessFailedCount,
                two_factor_enabled = @TwoFactorEnabled, culture = @Culture, tenant_id = @TenantId, is_active = @IsActive
            WHERE id = @Id AND concurrency_stamp = @Expected
            """, new
        {
            user.Id, user.UserName, user.NormalizedUserName, user.Email, user.NormalizedEmail, user.EmailConfirmed,
            user.DisplayName, user.PasswordHash, user.SecurityStamp, user.ConcurrencyStamp, user.LockoutEnabled,
            user.LockoutEnd, user.AccessFailedCount, user.TwoFactorEnabled, user.Culture, user.TenantId, user.IsActive,
            Expected = expected,
        }, cancellationToken: cancellationToken));
        if (rows == 1)
        {
            return IdentityResult.Success;
        }

        user.ConcurrencyStamp = expected;
        return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
    }

    public async Task<IdentityResult> DeleteAsync(ParkUser user, CancellationToken cancellationToken)
    {
        // People are never deleted (the audit trail points at them); they are deactivated.
        user.IsActive = false;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        return await UpdateAsync(user, cancellationToken);
    }

    public Task<ParkUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        long.TryParse(userId, out var id)
            ? QuerySingleAsync("id = @Value", id, cancellationToken)
            : Task.FromResult<ParkUser?>(null);

    public Task<ParkUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        QuerySingleAsync("normalized_user_name = @Value", normalizedUserName, cancellationToken);

    public Task<ParkUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        QuerySingleAsync("normalized_email = @Value", normalizedEmail, cancellationToken);

    private async Task<ParkUser?> QuerySingleAsync(string where, object value, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ParkUser>(
            new CommandDefinition($"SELECT {Columns} FROM users WHERE {where}", new { Value = value }, cancellationToken: ct));
    }

    public Task<string> GetUserIdAsync(ParkUser user, CancellationToken cancellationToken) =>
        Task.FromResult(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task<string?> GetUserNameAsync(ParkUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(ParkUser user, string? userName, CancellationToken cancellationToken)
    {
        user.UserName = userName ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(ParkUser user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(user.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(ParkUser user, string? normalizedName, CancellationToken cancellationToken)
    {
        user.NormalizedUserName = normalizedName ?? "";
        return Task.CompletedTask;
    }

    public Task SetPasswordHashAsync(ParkUser user, string? passwordHash, CancellationToken cancellationToken)
    {
        user.PasswordHash = passwordHash;
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(ParkUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(ParkUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash is not null);

    public Task SetEmailAsync(ParkUser user, string? email, CancellationToken cancellationToken)
    {
        user.Email = email ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetEmailAsync(ParkUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    public Task<bool> GetEmailConfirmedAsync(ParkUser user, CancellationToken cancellationToken) => Task.FromResult(user.EmailConfirmed);

    public Task SetEmailConfirmedAsync(ParkUser user, bool confirmed, CancellationToken cancellationToken)
    {
        user.EmailConfirmed = confirmed;
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedEmailAsync(ParkUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetNormalizedEmailAsync(ParkUser user, string? normalizedEmail, CancellationToken cancellationToken)
    {
        user.NormalizedEmail = normalizedEmail ?? "";
        return Task.CompletedTask;
    }

    public Task SetSecurityStampAsync(ParkUser user, string stamp, CancellationToken cancellationToken)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(ParkUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(ParkUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(ParkUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken)
    {
        user.LockoutEnd = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(ParkUser user, CancellationToken cancellationToken) =>
        Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(ParkUser user, CancellationToken cancellationToken)
    {
        user.AccessFailedCount = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(ParkUser user, CancellationToken cancellationToken) => Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(ParkUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(ParkUser user, bool enabled, CancellationToken cancellationToken)
    {
        user.LockoutEnabled = enabled;
        return Task.CompletedTask;
    }

    public async Task AddToRoleAsync(ParkUser user, string roleName, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT OR IGNORE INTO user_roles (user_id, role_id)
            SELECT @UserId, id FROM roles WHERE normalized_name = @Role
            """, new { UserId = user.Id, Role = roleName.ToUpperInvariant() }, cancellationToken: cancellationToken));
        if (inserted == 0 && !await IsInRoleAsync(user, roleName, cancellationToken))
        {
            throw new InvalidOperationException($"Role {roleName} does not exist.");
        }
    }

    public async Task RemoveFromRoleAsync(ParkUser user, string roleName, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM user_roles WHERE user_id = @UserId
              AND role_id = (SELECT id FROM roles WHERE normalized_name = @Role)
            """, new { UserId = user.Id, Role = roleName.ToUpperInvariant() }, cancellationToken: cancellationToken));
    }

    public async Task<IList<string>> GetRolesAsync(ParkUser user, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var roles = await connection.QueryAsync<string>(new CommandDefinition("""
            SELECT r.name FROM roles r JOIN user_roles ur ON ur.role_id = r.id
            WHERE ur.user_id = @UserId ORDER BY r.id
            """, new { UserId = user.Id }, cancellationToken: cancellationToken));
        return roles.ToList();
    }

    public async Task<bool> IsInRoleAsync(ParkUser user, string roleName, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition("""
            SELECT EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                           WHERE ur.user_id = @UserId AND r.normalized_name = @Role)
            """, new { UserId = user.Id, Role = roleName.ToUpperInvariant() }, cancellationToken: cancellationToken));
    }

    public async Task<IList<ParkUser>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var users = await connection.QueryAsync<ParkUser>(new CommandDefinition($"""
            SELECT {Columns} FROM users WHERE id IN (
                SELECT ur.user_id FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE r.normalized_name = @Role)
            ORDER BY id
            """, new { Role = roleName.ToUpperInvariant() }, cancellationToken: cancellationToken));
        return users.ToList();
    }

    public Task SetTwoFactorEnabledAsync(ParkUser user, bool enabled, CancellationToken cancellationToken)
    {
        user.TwoFactorEnabled = enabled;
        return Task.CompletedTask;
    }

    public Task<bool> GetTwoFactorEnabledAsync(ParkUser user, CancellationToken cancellationToken) => Task.FromResult(user.TwoFactorEnabled);

    public Task SetAuthenticatorKeyAsync(ParkUser user, string key, CancellationToken cancellationToken) =>
        SetTokenAsync(user, AuthenticatorProvider, AuthenticatorKeyName, key, cancellationToken);

    public Task<string?> GetAuthenticatorKeyAsync(ParkUser user, CancellationToken cancellationToken) =>
        GetTokenAsync(user, AuthenticatorProvider, AuthenticatorKeyName, cancellationToken);

    public async Task SetTokenAsync(ParkUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO user_tokens (user_id, login_provider, name, value) VALUES (@UserId, @LoginProvider, @Name, @Value)
            ON CONFLICT (user_id, login_provider, name) DO UPDATE SET value = excluded.value
            """, new { UserId = user.Id, LoginProvider = loginProvider, Name = name, Value = value }, cancellationToken: cancellationToken));
    }

    public async Task RemoveTokenAsync(ParkUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM user_tokens WHERE user_id = @UserId AND login_provider = @LoginProvider AND name = @Name",
            new { UserId = user.Id, LoginProvider = loginProvider, Name = name }, cancellationToken: cancellationToken));
    }

    public async Task<string?> GetTokenAsync(ParkUser user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT value FROM user_tokens WHERE user_id = @UserId AND login_provider = @LoginProvider AND name = @Name",
            new { UserId = user.Id, LoginProvider = loginProvider, Name = name }, cancellationToken: cancellationToken));
    }

    public void Dispose()
    {
        // Connections are opened and closed per call; nothing is held.
    }
}
