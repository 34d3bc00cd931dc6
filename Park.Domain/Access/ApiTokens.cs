using System.Security.Cryptography;
using System.Text;
using Dapper;
using Park.Domain.Data;

namespace Park.Domain.Access;

public enum TokenStatus
{
    Valid,
    Unknown,
    Expired,
    Revoked,
    UserInactive,
}

public sealed record TokenCheck(TokenStatus Status, long UserId = 0);

public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Personal access tokens for the API. The token is shown once; only its SHA-256 is stored, so a
/// stolen database does not yield usable tokens.
/// </summary>
public sealed class ApiTokens(ParkDatabase db, TimeProvider clock)
{
    public const string Prefix = "park_pat_";

    public async Task<IssuedToken> IssueAsync(long userId, string name, int days, CancellationToken ct = default)
    {
        if (days is < 1 or > 366)
        {
            throw new ArgumentOutOfRangeException(nameof(days), "A token lives 1 to 366 days.");
        }

        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var expires = now.AddDays(days);
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO api_tokens (user_id, token_hash, prefix, name, created_at, expires_at)
            VALUES (@UserId, @Hash, @Shown, @Name, @Now, @Expires)
            """, new { UserId = userId, Hash = Hash(token), Shown = token[..13], Name = name, Now = now, Expires = expires },
            cancellationToken: ct));
        return new IssuedToken(token, expires);
    }

    public async Task<TokenCheck> CheckAsync(string token, CancellationToken ct = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return new TokenCheck(TokenStatus.Unknown);
        }

        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition("""
            SELECT t.id, t.user_id, t.expires_at, t.revoked_at, u.is_active
            FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = @Hash
            """, new { Hash = Hash(token) }, cancellationToken: ct));
        if (row is null)
        {
            return new TokenCheck(TokenStatus.Unknown);
        }

        if (row.RevokedAt is not null)
        {
            return new TokenCheck(TokenStatus.Revoked, row.UserId);
        }

        if (row.ExpiresAt <= clock.GetUtcNow())
        {
            return new TokenCheck(TokenStatus.Expired, row.UserId);
        }

        if (!row.IsActive)
        {
            return new TokenCheck(TokenStatus.UserInactive, row.UserId);
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_tokens SET last_used_at = @Now WHERE id = @Id", new { Now = clock.GetUtcNow(), row.Id }, cancellationToken: ct));
        return new TokenCheck(TokenStatus.Valid, row.UserId);
    }

    /// <summary>Revokes every live token of the user; returns how many.</summary>
    public async Task<int> RevokeAllAsync(long userId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_tokens SET revoked_at = @Now WHERE user_id = @UserId AND revoked_at IS NULL",
            new { Now = clock.GetUtcNow(), UserId = userId }, cancellationToken: ct));
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class TokenRow
    {
        public long Id { get; init; }
        public long UserId { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
        public DateTimeOffset? RevokedAt { get; init; }
        public bool IsActive { get; init; }
    }
}
