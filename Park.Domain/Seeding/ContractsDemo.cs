using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Contracts;

namespace Park.Domain.Seeding;

/// <summary>
/// The demo park's contract clause templates (the default Chinese template and its English
/// counterpart), the legal representatives the contracts' parties block prints and the operator's English name.
/// </summary>
public static class ContractsDemo
{
    /// <summary>Legal representatives of the demo tenants, by tenant index (0..7).</summary>
    public static readonly string[] TenantRepresentatives = ["陈志强", "林晓燕", "王海涛", "张丽娟", "刘建华", "赵敏", "孙立新", "周晓明"];

    public const string OperatorRepresentative = "沈国栋";

    /// <summary>The demo operator's English name (杭州声谷园区运营管理有限公司), Party A on English contracts.</summary>
    public const string OperatorNameEn = "Hangzhou Sound Valley Park Operation and Management Co., Ltd.";

    public static async Task SeedAsync(SqliteConnection connection, SqliteTransaction tx, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var parkId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT id FROM parks WHERE code = @Code", new { Code = DemoSeed.ParkCode }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE parks SET legal_representative = @Name, operator_name_en = @NameEn WHERE id = @ParkId",
            new { Name = OperatorRepresentative, NameEn = OperatorNameEn, ParkId = parkId }, tx, cancellationToken: ct));
        for (var i = 0; i < TenantRepresentatives.Length; i++)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE tenants SET legal_representative = @Name WHERE park_id = @ParkId AND uscc = @Uscc AND legal_representative = ''",
                new { Name = TenantRepresentatives[i], ParkId = parkId, Uscc = DemoSeed.TenantUscc(i) }, tx, cancellationToken: ct));
        }

        foreach (var language in ContractTemplateStore.Languages)
        {
            await ContractTemplateStore.InsertAsync(connection, tx, parkId, language, DefaultTemplates.For(language), "default", null, clock.GetUtcNow(), ct);
        }
    }
}
