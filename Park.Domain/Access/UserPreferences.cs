using Dapper;
using Park.Domain.Data;

namespace Park.Domain.Access;

/// <summary>Display preferences a user keeps across reloads and devices (the language lives in users.culture).</summary>
public sealed class UserPreferences(ParkDatabase db)
{
    public async Task<bool> DarkModeAsync(long userId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT dark_mode FROM users WHERE id = @Id", new { Id = userId }, cancellationToken: ct)) == 1;
    }

    public async Task SetDarkModeAsync(long userId, bool dark, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE users SET dark_mode = @Dark WHERE id = @Id", new { Id = userId, Dark = dark ? 1 : 0 }, cancellationToken: ct));
    }
}
