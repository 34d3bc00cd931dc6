using Dapper;
using Microsoft.Data.Sqlite;
using Park.Web.Cli;

namespace Park.Tests.Cli;

/// <summary>
/// The CLI verbs run in-process against a temp database. They read Park__DatabasePath from the
/// environment like the real executable, so these tests run one at a time.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class CliTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "park-cli-tests", Guid.NewGuid().ToString("N"));
    private string? _previousPath;
    private string? _previousLang;

    private string DbPath => Path.Combine(_folder, "park.db");

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _previousPath = Environment.GetEnvironmentVariable("Park__DatabasePath");
        _previousLang = Environment.GetEnvironmentVariable("DOTNET_CLI_UI_LANGUAGE");
        Environment.SetEnvironmentVariable("Park__DatabasePath", DbPath);
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-US");
        return ValueTask.CompletedTask;
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ParkCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Migrate_ThenAgain_SaysNothingPending()
    {
        var first = await RunAsync("migrate");
        var second = await RunAsync("migrate");

        Assert.Equal(0, first.Code);
        Assert.Contains("0001_create_parks_and_inventory.sql", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.Code);
        Assert.Contains("up to date", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedDemo_RunsOnce_SecondRunChangesNothing()
    {
        var first = await RunAsync("seed", "--scale", "demo");
        var seats = await CountAsync("SELECT count(*) FROM seats");
        var second = await RunAsync("seed", "--scale", "demo");

        Assert.Equal(0, first.Code);
        Assert.Contains("admin@park.demo", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.Code);
        Assert.Contains("already seeded", second.Out, StringComparison.Ordinal);
        Assert.Equal(seats, await CountAsync("SELECT count(*) FROM seats"));
        Assert.Equal(1200, seats);
    }

    [Fact]
    public async Task UsersAdd_PrintsAGeneratedPassword_ThatSignsIn()
    {
        await RunAsync("seed", "--scale", "demo");
        var result = await RunAsync("users", "add", "--email", "newadmin@park.demo", "--role", "ParkAdmin", "--park", "HZ-SV");

        Assert.Equal(0, result.Code);
        var password = result.Out.TrimEnd().Split('\n').Last().Trim();
        Assert.Equal(19, password.Length);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM user_parks up JOIN users u ON u.id = up.user_id WHERE u.email = 'newadmin@park.demo'"));
    }

    [Theory]
    [InlineData("ParkAdmin", "--park", "NOPE", "No park with code NOPE")]
    [InlineData("TenantUser", "--tenant", "91350100M000100Y43", "No tenant with USCC")]
    public async Task UsersAdd_WithAnUnknownBinding_SaysWhich_AndCreatesNobody(string role, string option, string value, string message)
    {
        await RunAsync("seed", "--scale", "demo");
        var result = await RunAsync("users", "add", "--email", "x@park.demo", "--role", role, option, value);

        Assert.Equal(2, result.Code);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM users WHERE email = 'x@park.demo'"));
    }

    [Fact]
    public async Task UsersRole_RebindsTheUser_RotatesTheStamp_AndIsAudited()
    {
        await RunAsync("seed", "--scale", "demo");
        var stamp = await TextAsync("SELECT security_stamp FROM users WHERE email = 'ops@yunsheng.demo'");

        var result = await RunAsync("users", "role", "--email", "ops@yunsheng.demo", "--role", "GovReviewer", "--park", "HZ-SV", "--reason", "now reviews");

        Assert.Equal(0, result.Code);
        Assert.Contains("ops@yunsheng.demo", result.Out, StringComparison.Ordinal);
        Assert.Equal("GovReviewer", await TextAsync(
            "SELECT group_concat(r.name) FROM user_roles ur JOIN roles r ON r.id = ur.role_id JOIN users u ON u.id = ur.user_id WHERE u.email = 'ops@yunsheng.demo'"));
        Assert.Equal("HZ-SV", await TextAsync(
            "SELECT group_concat(p.code) FROM user_parks up JOIN parks p ON p.id = up.park_id JOIN users u ON u.id = up.user_id WHERE u.email = 'ops@yunsheng.demo'"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM users WHERE email = 'ops@yunsheng.demo' AND tenant_id IS NOT NULL"));
        Assert.NotEqual(stamp, await TextAsync("SELECT security_stamp FROM users WHERE email = 'ops@yunsheng.demo'"));
        Assert.Equal(1, await CountAsync(
            "SELECT count(*) FROM audit_events WHERE action = 'user.role.change' AND target_id = 'ops@yunsheng.demo' AND actor_email = 'cli' AND reason = 'now reviews'"));
    }

    [Theory]
    [InlineData("en-US", "The role GovReviewer needs at least one park.")]
    [InlineData("zh-CN", "角色 GovReviewer 须至少绑定一个园区。")]
    public async Task UsersRole_WithoutTheParkTheRoleNeeds_SaysSo_InTheCurrentLanguage_AndChangesNothing(string culture, string message)
    {
        await RunAsync("seed", "--scale", "demo");
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);

        var result = await RunAsync("users", "role", "--email", "ops@yunsheng.demo", "--role", "GovReviewer");

        Assert.Equal(2, result.Code);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM audit_events WHERE action = 'user.role.change'"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM users WHERE email = 'ops@yunsheng.demo' AND tenant_id IS NOT NULL"));
    }

    [Fact]
    public async Task UsersRole_ForAnUnknownUser_SaysSo()
    {
        await RunAsync("seed", "--scale", "demo");
        var result = await RunAsync("users", "role", "--email", "nobody@park.demo", "--role", "ParkAdmin", "--park", "HZ-SV");

        Assert.Equal(2, result.Code);
        Assert.Contains("nobody@park.demo", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersToken_PrintsTheTokenAloneOnTheLastLine()
    {
        await RunAsync("seed", "--scale", "demo");
        var result = await RunAsync("users", "token", "--email", "reviewer@gov.demo", "--days", "7");

        Assert.Equal(0, result.Code);
        Assert.StartsWith("park_pat_", result.Out.TrimEnd().Split('\n').Last(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM audit_events WHERE action = 'token.issue'"));
    }

    [Fact]
    public async Task UnknownVerb_FailsWithAMessage()
    {
        var result = await RunAsync("frobnicate");
        Assert.NotEqual(0, result.Code);
        Assert.Contains("frobnicate", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRequiredOption_FailsNamingIt()
    {
        var result = await RunAsync("users", "add", "--role", "ParkAdmin");
        Assert.NotEqual(0, result.Code);
        Assert.Contains("--email", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRole_FailsListingTheRoles()
    {
        var result = await RunAsync("users", "add", "--email", "a@b.cn", "--role", "King");
        Assert.NotEqual(0, result.Code);
        Assert.Contains("King", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_WritesAConsistentCopy()
    {
        await RunAsync("seed", "--scale", "demo");
        var target = Path.Combine(_folder, "backup.db");
        var result = await RunAsync("backup", "--to", target);

        Assert.Equal(0, result.Code);
        await using var copy = new SqliteConnection($"Data Source={target};Pooling=False");
        copy.Open();
        Assert.Equal("ok", await copy.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        Assert.Equal(1200, await copy.ExecuteScalarAsync<long>("SELECT count(*) FROM seats"));
    }

    [Fact]
    public async Task Backup_ToAnUnwritablePlace_SaysSo_AndWritesNothing()
    {
        await RunAsync("migrate");
        var result = await RunAsync("backup", "--to", "/nonexistent-folder/park.db");

        Assert.Equal(2, result.Code);
        Assert.Contains("Cannot write the backup", result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists("/nonexistent-folder/park.db"));
    }

    [Fact]
    public async Task AFileThatIsNotADatabase_IsReportedClearly()
    {
        await File.WriteAllTextAsync(DbPath, new string('x', 4096));
        var result = await RunAsync("migrate");

        Assert.Equal(2, result.Code);
        Assert.Contains("is not a SQLite database", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContractsPdf_WritesAPdfNamingTheTenant_InChineseByDefault()
    {
        await RunAsync("seed", "--scale", "demo");
        var (leaseId, nameZh, _) = await SignedLeaseAsync();
        var file = Path.Combine(_folder, "contract.pdf");

        var result = await RunAsync("contracts", "pdf", "--lease", leaseId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", file);

        Assert.Equal(0, result.Code);
        Assert.Contains(file, result.Out, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        var text = Contracts.PdfText.All(bytes);
        Assert.Contains(nameZh, text, StringComparison.Ordinal);
        Assert.Contains("出租方（甲方）", text, StringComparison.Ordinal);
        Assert.Contains("第 1 页 / 共", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContractsPdf_LangEnUs_WritesTheEnglishContract()
    {
        await RunAsync("seed", "--scale", "demo");
        var (leaseId, _, nameEn) = await SignedLeaseAsync();
        var file = Path.Combine(_folder, "contract-en.pdf");

        var result = await RunAsync("contracts", "pdf", "--lease", leaseId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", file, "--lang", "en-US");

        Assert.Equal(0, result.Code);
        var text = Contracts.PdfText.All(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
        Assert.Contains(nameEn, text, StringComparison.Ordinal);
        Assert.Contains("Lessor (Party A)", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of", text, StringComparison.Ordinal);
        Assert.DoesNotContain("出租方（甲方）", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "Lease 987654 was not found.")]
    [InlineData("zh-CN", "未找到租赁合同 987654。")]
    public async Task ContractsPdf_UnknownLease_FailsNamingItInTheUsersLanguage_AndWritesNothing(string culture, string message)
    {
        await RunAsync("seed", "--scale", "demo");
        var file = Path.Combine(_folder, "missing.pdf");
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);

        var result = await RunAsync("contracts", "pdf", "--lease", "987654", "--out", file);

        Assert.NotEqual(0, result.Code);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    /// <summary>A signed demo lease whose tenant has an English name.</summary>
    private async Task<(long Id, string NameZh, string NameEn)> SignedLeaseAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        return await connection.QueryFirstAsync<(long, string, string)>("""
            SELECT l.id, t.name_zh, t.name_en FROM leases l JOIN tenants t ON t.id = l.tenant_id
            WHERE l.status = 'signed' AND t.name_en <> '' ORDER BY l.id LIMIT 1
            """);
    }

    [Theory]
    [InlineData("en-US", "is not a SQLite database")]
    [InlineData("zh-CN", "指向的文件不是 SQLite 数据库")]
    public async Task AFileThatIsNotADatabase_IsReportedInTheCurrentLanguage_NamingTheFile(string culture, string text)
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        await File.WriteAllTextAsync(DbPath, new string('x', 4096));

        var result = await RunAsync("migrate");

        Assert.Equal(2, result.Code);
        Assert.Contains(text, result.Err, StringComparison.Ordinal);
        Assert.Contains(DbPath, result.Err, StringComparison.Ordinal);
        Assert.Contains("file is not a database", result.Err, StringComparison.Ordinal); // SQLite's own words, verbatim
    }

    [Theory]
    [InlineData("en-US", "failed and was rolled back")]
    [InlineData("zh-CN", "执行失败，已回滚")]
    public async Task AFailingMigration_IsReportedInTheCurrentLanguage_WithFileAndSqlError(string culture, string text)
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        await using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            await connection.ExecuteAsync("CREATE TABLE parks (x INTEGER) STRICT");
        }

        var result = await RunAsync("migrate");

        Assert.Equal(2, result.Code);
        Assert.Contains(text, result.Err, StringComparison.Ordinal);
        Assert.Contains("0001_create_parks_and_inventory.sql", result.Err, StringComparison.Ordinal);
        Assert.Contains("table parks already exists", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "is locked by another process")]
    [InlineData("zh-CN", "被另一个进程锁定")]
    public void TheStartUpMessage_ForALockedDatabase_IsInTheCurrentLanguage(string culture, string text)
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        var error = new Park.Domain.Data.DatabaseUnavailableException("/srv/park.db", Park.Domain.Data.DatabaseProblem.Locked, "database is locked");

        var message = ParkCli.Describe(error, ParkCli.SharedStrings());

        Assert.Contains(text, message, StringComparison.Ordinal);
        Assert.Contains("/srv/park.db", message, StringComparison.Ordinal);
        Assert.Contains("database is locked", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "Migration 0042_x.sql failed and was rolled back; the database is unchanged. SQL error: near \"FROB\": syntax error")]
    [InlineData("zh-CN", "迁移 0042_x.sql 执行失败，已回滚，数据库未作改动。SQL 错误：near \"FROB\": syntax error")]
    public void TheStartUpMessage_ForAFailedMigration_IsInTheCurrentLanguage(string culture, string expected)
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        var error = new Park.Domain.Data.MigrationFailedException("0042_x.sql", "near \"FROB\": syntax error", null);

        Assert.Equal(expected, ParkCli.Describe(error, ParkCli.SharedStrings()));
    }

    private async Task<string> TextAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        return (await connection.ExecuteScalarAsync<string>(sql))!;
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    public ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable("Park__DatabasePath", _previousPath);
        Environment.SetEnvironmentVariable("DOTNET_CLI_UI_LANGUAGE", _previousLang);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliCollection
{
    public const string Name = "Cli";
}
