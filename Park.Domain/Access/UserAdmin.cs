using Dapper;
using Microsoft.AspNetCore.Identity;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Domain.Access;

public sealed record NewUser(string Email, string Role, IReadOnlyList<string> ParkCodes, string? TenantUscc, string? Password, string DisplayName = "", bool TenantAdmin = false);

/// <summary>A new role for an existing user, with its binding and the reason recorded in the audit trail.</summary>
public sealed record RoleChange(string Role, IReadOnlyList<string> ParkCodes, string? TenantUscc, string Reason);

public sealed record CreatedUser(long Id, string Email, string Password, bool PasswordGenerated);

public sealed record UserRow
{
    public long Id { get; init; }
    public string Email { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Roles { get; init; } = "";
    public string Parks { get; init; } = "";
    public string? TenantName { get; init; }
    public string? TenantUscc { get; init; }
    public bool IsActive { get; init; }
    public bool TenantAdmin { get; init; }
    public DateTimeOffset? LockoutEnd { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Creating people and binding them to their role and scope; used by the admin page, the CLI and the demo seed.</summary>
public sealed class UserAdmin(ParkDatabase db, UserManager<ParkUser> users, AuditTrail audit)
{
    public async Task<Result<CreatedUser>> CreateAsync(NewUser input, AccessScope actor, AuditActor auditActor, CancellationToken ct = default)
    {
        var email = input.Email.Trim();
        if (!IsEmail(email))
        {
            return Problem.Invalid("email", "EmailInvalid");
        }

        if (!Roles.IsKnown(input.Role))
        {
            return Problem.Invalid("role", "RoleUnknown", input.Role);
        }

        var invitedByTenant = actor.IsTenantAdmin && !actor.IsParkAdmin;
        if (!actor.AllParks && !((actor.IsParkAdmin || invitedByTenant) && input.Role == Roles.TenantUser))
        {
            return Problem.NotAllowed();
        }

        // A tenant's administrator invites into its own tenant, whatever USCC or park the form carried.
        var binding = invitedByTenant
            ? Result<(IReadOnlyList<long> ParkIds, long? TenantId)>.Ok(((IReadOnlyList<long>)Array.Empty<long>(), actor.TenantId))
            : await ResolveBindingAsync(input, actor, ct);
        if (!binding.Succeeded)
        {
            return binding.Problem!;
        }

        var (parkIds, tenantId) = binding.Value;
        var generated = string.IsNullOrEmpty(input.Password);
        var password = generated ? PasswordPolicy.Generate() : input.Password!;
        var user = new ParkUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(input.DisplayName) ? email.Split('@')[0] : input.DisplayName.Trim(),
            TenantId = tenantId,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            var error = created.Errors.First();
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email";
            return Problem.Invalid(field, "Identity." + error.Code, error.Description);
        }

        await users.AddToRoleAsync(user, input.Role);
        long? auditPark = parkIds.Count > 0 ? parkIds[0] : null;
        await using (var connection = await db.OpenAsync(ct))
        {
            foreach (var parkId in parkIds)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT OR IGNORE INTO user_parks (user_id, park_id) VALUES (@UserId, @ParkId)",
                    new { UserId = user.Id, ParkId = parkId }, cancellationToken: ct));
            }

            if (input.TenantAdmin && input.Role == Roles.TenantUser)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE users SET tenant_admin = 1 WHERE id = @Id", new { user.Id }, cancellationToken: ct));
            }

            // A tenant user's creation belongs to the tenant's park, so that park's administrators see it.
            auditPark ??= tenantId is null ? null : await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT park_id FROM tenants WHERE id = @TenantId", new { TenantId = tenantId }, cancellationToken: ct));
        }

        await audit.RecordAsync(auditActor, new AuditEntry("user.create", "user", email,
            Details: $"role={input.Role}; parks={string.Join(',', input.ParkCodes)}; tenant={tenantId}; tenantAdmin={input.TenantAdmin}",
            ParkId: auditPark, TenantId: tenantId), ct);
        return new CreatedUser(user.Id, email, password, generated);
    }

    private async Task<Result<(IReadOnlyList<long> ParkIds, long? TenantId)>> ResolveBindingAsync(NewUser input, AccessScope actor, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var parkIds = new List<long>();
        foreach (var code in input.ParkCodes.Where(c => !string.IsNullOrWhiteSpace(c)))
        {
            var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                $"SELECT p.id FROM parks p WHERE p.code = @Code AND {actor.ParkFilter("p.id")}",
                actor.Parameters(new { Code = code.Trim() }), cancellationToken: ct));
            if (id is null)
            {
                return Problem.Invalid("park", "ParkUnknown", code);
            }

            parkIds.Add(id.Value);
        }

        switch (input.Role)
        {
            case Roles.ParkAdmin or Roles.GovReviewer when parkIds.Count == 0:
                return Problem.Invalid("park", "RoleNeedsPark", input.Role);
            case Roles.TenantUser:
                if (string.IsNullOrWhiteSpace(input.TenantUscc))
                {
                    return Problem.Invalid("tenant", "RoleNeedsTenant");
                }

                var tenants = (await connection.QueryAsync<long>(new CommandDefinition($"""
                    SELECT t.id FROM tenants t
                    WHERE t.uscc = @Uscc AND {actor.ParkFilter("t.park_id")}
                      AND (@ParkCount = 0 OR t.park_id IN @ParkIds)
                    """, actor.Parameters(new { Uscc = input.TenantUscc.Trim().ToUpperInvariant(), ParkCount = parkIds.Count, ParkIds = parkIds }),
                    cancellationToken: ct))).ToArray();
                return tenants.Length switch
                {
                    0 => Problem.Invalid("tenant", "TenantUnknown", input.TenantUscc),
                    > 1 => Problem.Invalid("park", "TenantInSeveralParks", input.TenantUscc),
                    _ => ((IReadOnlyList<long>)Array.Empty<long>(), (long?)tenants[0]),
                };
            case Roles.PlatformAdmin:
                return ((IReadOnlyList<long>)Array.Empty<long>(), (long?)null);
        }

        return ((IReadOnlyList<long>)parkIds, (long?)null);
    }

    /// <summary>The scope of a user as stored now: roles, parks and tenant.</summary>
    public async Task<AccessScope?> ScopeForAsync(long userId, CancellationToken ct = default) =>
        (await SignedInAsync(userId, ct))?.Scope;

    /// <summary>
    /// An active user as a signed-in request needs them, in one read: the scope, the security stamp the cookie
    /// must still carry, and the display preference the layout renders with. Null for an unknown or inactive user.
    /// </summary>
    public async Task<SignedInUser?> SignedInAsync(long userId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<SignedInRow>(new CommandDefinition($"""
            SELECT u.email AS {nameof(SignedInRow.Email)}, u.tenant_id AS {nameof(SignedInRow.TenantId)},
                   u.tenant_admin AS {nameof(SignedInRow.TenantAdmin)}, u.security_stamp AS {nameof(SignedInRow.SecurityStamp)},
                   u.dark_mode AS {nameof(SignedInRow.DarkMode)},
                   (SELECT group_concat(r.name, ',') FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id)
                       AS {nameof(SignedInRow.Roles)}
            FROM users u WHERE u.id = @Id AND u.is_active = 1
            """, new { Id = userId }, cancellationToken: ct));
        if (user is null)
        {
            return null;
        }

        var roles = (user.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        return new SignedInUser(AccessScope.For(userId, user.Email, roles, user.TenantId, user.TenantAdmin == 1), user.SecurityStamp, user.DarkMode == 1);
    }

    private sealed record SignedInRow
    {
        public string Email { get; init; } = "";

        public long? TenantId { get; init; }

        public long TenantAdmin { get; init; }

        public string SecurityStamp { get; init; } = "";

        public long DarkMode { get; init; }

        public string? Roles { get; init; }
    }

    public async Task<Page<UserRow>> ListAsync(AccessScope actor, string? search, PageRequest page, CancellationToken ct = default)
    {
        if (!actor.IsParkAdmin && !actor.IsTenant)
        {
            return new Page<UserRow>([], 0);
        }

        // Park administrators see the people bound to their parks or to tenants in their parks;
        // a tenant user sees its own tenant's people.
        var staffSees = actor.AllParks
            ? AccessScope.Always
            : $"""
              (u.id IN (SELECT up.user_id FROM user_parks up WHERE {actor.ParkFilter("up.park_id")})
               OR u.tenant_id IN (SELECT t.id FROM tenants t WHERE {actor.ParkFilter("t.park_id")}))
              """;
        var where = actor.IsTenant && !actor.IsParkAdmin
            ? "WHERE u.tenant_id = @ScopeTenantId AND (@Search IS NULL OR u.email LIKE @Search ESCAPE '\\' OR u.display_name LIKE @Search ESCAPE '\\')"
            : $"""
            WHERE {staffSees}
              AND (@Search IS NULL OR u.email LIKE @Search ESCAPE '\' OR u.display_name LIKE @Search ESCAPE '\')
            """;
        var parameters = actor.Parameters(new
        {
            Search = string.IsNullOrWhiteSpace(search) ? null : SqlText.Contains(search.Trim()),
            Limit = page.SafePageSize,
            page.Offset,
        });
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT count(*) FROM users u {where}", parameters, cancellationToken: ct));
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition($"""
            SELECT u.id, u.email, u.display_name,
                   (SELECT group_concat(r.name, ', ') FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id) AS roles,
                   coalesce((SELECT group_concat(p.code, ', ') FROM user_parks up JOIN parks p ON p.id = up.park_id WHERE up.user_id = u.id), '') AS parks,
                   (SELECT t.name_zh FROM tenants t WHERE t.id = u.tenant_id) AS tenant_name,
                   (SELECT t.uscc FROM tenants t WHERE t.id = u.tenant_id) AS tenant_uscc,
                   u.is_active, u.tenant_admin, u.lockout_end, u.created_at
            FROM users u {where}
            ORDER BY u.email
            LIMIT @Limit OFFSET @Offset
            """, parameters, cancellationToken: ct));
        return new Page<UserRow>(rows.ToArray(), total);
    }

    /// <summary>Activates or deactivates a user; deactivation rotates the security stamp so open sessions end.</summary>
    public async Task<Result<bool>> SetActiveAsync(long userId, bool active, AccessScope actor, AuditActor auditActor, CancellationToken ct = default)
    {
        if (!actor.AllParks)
        {
            return Problem.NotAllowed();
        }

        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
        {
            return Problem.NotFound();
        }

        if (user.Id == actor.UserId && !active)
        {
            return Problem.Invalid("user", "CannotDeactivateSelf");
        }

        user.IsActive = active;
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            return Problem.Stale();
        }

        await audit.RecordAsync(auditActor, new AuditEntry(active ? "user.activate" : "user.deactivate", "user", user.Email), ct);
        return true;
    }

    /// <summary>
    /// Changes a user's role and what it is bound to (parks for ParkAdmin and GovReviewer, the tenant
    /// for TenantUser), in one transaction with its audit record. Only platform administrators may; a
    /// reason is required. The security stamp rotates, so the user's open sessions re-authorize with the
    /// new role on their next request (cookie) or within the circuit's revalidation interval (Blazor).
    /// </summary>
    public async Task<Result<bool>> ChangeRoleAsync(long userId, RoleChange change, AccessScope actor, AuditActor auditActor, CancellationToken ct = default)
    {
        if (!actor.AllParks)
        {
            return Problem.NotAllowed();
        }

        if (!Roles.IsKnown(change.Role))
        {
            return Problem.Invalid("role", "RoleUnknown", change.Role);
        }

        if (string.IsNullOrWhiteSpace(change.Reason))
        {
            return Problem.Invalid("reason", "RoleChangeNeedsReason");
        }

        if (userId == actor.UserId)
        {
            return Problem.Invalid("role", "CannotChangeOwnRole");
        }

        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null)
        {
            return Problem.NotFound();
        }

        var binding = await ResolveBindingAsync(new NewUser(user.Email, change.Role, change.ParkCodes, change.TenantUscc, null), actor, ct);
        if (!binding.Succeeded)
        {
            return binding.Problem!;
        }

        var (parkIds, tenantId) = binding.Value;
        var old = await users.GetRolesAsync(user);
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        var before = await connection.QuerySingleAsync<(string Parks, long? TenantId)>(new CommandDefinition("""
            SELECT coalesce((SELECT group_concat(p.code, ',') FROM user_parks up JOIN parks p ON p.id = up.park_id WHERE up.user_id = u.id), '') AS parks,
                   u.tenant_id
            FROM users u WHERE u.id = @Id
            """, new { Id = userId }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM user_roles WHERE user_id = @Id;
            INSERT INTO user_roles (user_id, role_id) SELECT @Id, r.id FROM roles r WHERE r.name = @Role;
            DELETE FROM user_parks WHERE user_id = @Id;
            UPDATE users SET
                tenant_admin = CASE WHEN @Role = 'TenantUser' AND tenant_id IS @TenantId THEN tenant_admin ELSE 0 END,
                tenant_id = @TenantId,
                security_stamp = @Stamp,
                concurrency_stamp = @Concurrency
            WHERE id = @Id;
            """, new
        {
            Id = userId,
            change.Role,
            TenantId = tenantId,
            Stamp = Guid.NewGuid().ToString("N").ToUpperInvariant(),
            Concurrency = Guid.NewGuid().ToString(),
        }, tx, cancellationToken: ct));
        foreach (var parkId in parkIds)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT OR IGNORE INTO user_parks (user_id, park_id) VALUES (@UserId, @ParkId)",
                new { UserId = userId, ParkId = parkId }, tx, cancellationToken: ct));
        }

        var parks = string.Join(',', change.ParkCodes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()));
        await audit.RecordAsync(connection, tx, auditActor, new AuditEntry("user.role.change", "user", user.Email,
            Reason: change.Reason.Trim(),
            Details: $"from={string.Join(',', old)}; parks={before.Parks}; tenant={before.TenantId}; to={change.Role}; parks={parks}; tenant={tenantId}",
            ParkId: parkIds.Count > 0 ? parkIds[0] : null, TenantId: tenantId), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    public async Task<int> CountAsync(CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT count(*) FROM users", cancellationToken: ct));
    }

    private static bool IsEmail(string email) =>
        email.Length is > 3 and <= 254 && System.Net.Mail.MailAddress.TryCreate(email, out var parsed) && parsed.Address == email;
}
