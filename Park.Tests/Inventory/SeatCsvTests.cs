using System.Text;
using Park.Domain.Inventory;

namespace Park.Tests.Inventory;

/// <summary>Import and export of seats against the demo park on a real database.</summary>
public sealed class SeatCsvTests
{
    private const string Header = "code,building,floor,zone,seat_type,x,y,has_pc,has_headset,has_phone_line,monitors,pci_zone,service_status";

    static SeatCsvTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static async Task<(TestDatabase Db, InventoryBuilder Build, SeatCsvService Csv, long ParkId)> DemoAsync()
    {
        var db = await TestDatabase.WithDemoAsync();
        var build = new InventoryBuilder(db);
        return (db, build, db.Get<SeatCsvService>(), await build.ParkIdAsync());
    }

    [Fact]
    public async Task Import_GbkFileFromChineseExcel_IsDecodedAndWritten()
    {
        var (db, build, csv, parkId) = await DemoAsync();
        await using var _ = db;
        // 是 / 否 in GBK are not valid UTF-8: only a GB18030 read turns them into true / false.
        var bytes = Encoding.GetEncoding("GBK").GetBytes(Header + "\r\nA-2F-Z1-901,A,2,Z1,agent,500,20,是,是,否,2,是,in_service\r\n");
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));

        var result = await csv.ImportAsync(await build.AdminAsync(), InventoryBuilder.Actor, parkId, bytes, InventoryBuilder.Ct);

        Assert.True(result.Succeeded, result.Problem?.Code);
        Assert.Equal("GB18030", result.Value!.Encoding);
        Assert.True(result.Value.Written);
        Assert.Equal(1, await build.CountAsync("SELECT count(*) FROM seats WHERE code = 'A-2F-Z1-901' AND has_pc = 1 AND has_phone_line = 0 AND pci_zone = 1 AND monitors = 2"));
        Assert.Equal(1, await build.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'seat.import' AND outcome = 'success'"));
    }

    [Fact]
    public async Task Import_Utf8FileWithBom_ReadsTheFirstHeaderColumn()
    {
        var (db, build, csv, parkId) = await DemoAsync();
        await using var _ = db;
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes("code,building,floor,zone,x,y\nB-3F-Z4-901,B,3F,Z4,590,390\n")).ToArray();

        var result = await csv.ImportAsync(await build.AdminAsync(), InventoryBuilder.Actor, parkId, bytes, InventoryBuilder.Ct);

        Assert.True(result.Succeeded, result.Problem?.Code);
        Assert.Equal("UTF-8 BOM", result.Value!.Encoding);
        Assert.Equal(1, await build.CountAsync("SELECT count(*) FROM seats WHERE code = 'B-3F-Z4-901' AND x = 590 AND seat_type = 'agent'"));
    }

    [Fact]
    public async Task Import_WithOneBadRow_WritesNothingAndNamesEveryBadLine()
    {
        var (db, build, csv, parkId) = await DemoAsync();
        await using var _ = db;
        var before = await build.CountAsync("SELECT count(*) FROM seats");
        var file = string.Join("\n",
            Header,
            "A-2F-Z1-901,A,2,Z1,agent,500,20,1,1,1,1,0,in_service", // line 2: good
            "A-2F-Z1-901,A,2,Z1,agent,510,20,1,1,1,1,0,in_service", // line 3: duplicate in file
            "A-2F-Z1-001,A,2,Z1,agent,1,1,1,1,1,1,0,in_service", // line 4: exists in park with other values
            "A-9F-Z1-001,A,9,Z1,agent,10,10,1,1,1,1,0,in_service", // line 5: unknown floor
            "A-2F-Z1-902,A,2,Z1,agent,601,10,1,1,1,1,0,in_service", // line 6: off the 600 × 400 plan
            "A-2F-Z1-903,A,2,Z1,boss,10,10,1,1,1,1,0,in_service", // line 7: bad enum
            "A-2F-Z1-904,A,2,Z1,agent,10,10,1,1,1,1,0,broken"); // line 8: bad enum

        var result = await csv.ImportAsync(await build.AdminAsync(), InventoryBuilder.Actor, parkId, Encoding.UTF8.GetBytes(file), InventoryBuilder.Ct);

        Assert.True(result.Succeeded);
        var report = result.Value!;
        Assert.False(report.Written);
        Assert.Equal(
            [(3, "CsvDuplicateInFile"), (4, "CsvDuplicateInPark"), (5, "CsvUnknownZone"), (6, "CsvOffPlan"), (7, "CsvBadEnum"), (8, "CsvBadEnum")],
            report.Errors.Select(e => (e.Line, e.Code)));
        Assert.Equal(before, await build.CountAsync("SELECT count(*) FROM seats"));
        Assert.Equal(1, await build.CountAsync("SELECT count(*) FROM audit_events WHERE action = 'seat.import' AND outcome = 'failure'"));
    }

    [Fact]
    public async Task Preview_ReportsWithoutWriting()
    {
        var (db, build, csv, parkId) = await DemoAsync();
        await using var _ = db;
        var file = Encoding.UTF8.GetBytes("code,building,floor,zone,x,y\nA-2F-Z1-950,A,2,Z1,300,10\n");

        var report = (await csv.PreviewAsync(await build.AdminAsync(), InventoryBuilder.Actor, parkId, file, InventoryBuilder.Ct)).Value!;

        Assert.Equal((1, 1, false, true), (report.Rows, report.New, report.Written, report.Ok));
        Assert.Equal(0, await build.CountAsync("SELECT count(*) FROM seats WHERE code = 'A-2F-Z1-950'"));
    }

    [Theory]
    [InlineData("", "FileEmpty")]
    [InlineData("\r\n\r\n", "FileEmpty")]
    [InlineData("code;building;floor;zone;x;y\nA;A;2;Z1;1;1\n", "CsvWrongDelimiter")]
    [InlineData("code\tbuilding\tfloor\tzone\tx\ty\n", "CsvWrongDelimiter")]
    [InlineData("code,building,floor,zone,x,y,price\n", "CsvHeaderUnknown")]
    [InlineData("code,building,zone,x,y\n", "CsvHeaderMissing")]
    [InlineData("code,building,floor,zone,x,y\n", "FileEmpty")]
    public async Task Import_RefusesBadFilesAsAWhole(string content, string code)
    {
        var (db, build, csv, parkId) = await DemoAsync();
        await using var _ = db;
        var result = await csv.ImportAsync(await build.AdminAsync(), InventoryBuilder.Actor, parkId, Encoding.UTF8.GetBytes(content), InventoryBuilder.Ct);
        Assert.Equal(code, result.Problem?.Code);
    }

    [Fact]
    public void Parse_RefusesBinaryAndOversizedFiles()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52 };
        Assert.Equal("FileBinary", SeatCsvFormat.Parse(png).Problem?.Code);
        var big = Encoding.ASCII.GetBytes(Header + "\n" + new string('x', (int)SeatCsvFormat.MaxBytes));
        Assert.Equal("FileTooLarge", SeatCsvFormat.Parse(big).Problem?.Code);
    }

    [Fact]
    public async Task Export_ThenReimport_ChangesNothing()
    {
        var (db, build, csv, parkId) = await DemoAsync();
        await using var _ = db;
        var admin = await build.AdminAsync();
        var exported = (await csv.ExportAsync(admin, InventoryBuilder.Actor, parkId, InventoryBuilder.Ct)).Value!;

        var report = (await csv.ImportAsync(admin, InventoryBuilder.Actor, parkId, exported, InventoryBuilder.Ct)).Value!;

        Assert.True(report.Ok, string.Join("; ", report.Errors.Take(3).Select(e => $"{e.Line} {e.Code}")));
        Assert.Equal((1200, 0, 1200), (report.Rows, report.New, report.Unchanged));
    }

    [Fact]
    public async Task Export_NeutralisesCellsThatStartLikeAFormula()
    {
        var (db, build, csv, parkId) = await DemoAsync();
        await using var _ = db;
        var admin = await build.AdminAsync();
        var zone = await build.ZoneIdAsync("A", 2, "Z1");
        var saved = await db.Get<InventoryService>().SaveSeatAsync(admin, InventoryBuilder.Actor, null,
            new SeatInput(zone, "-SUM", SeatTypes.Agent, true, true, true, 1, false, 5, 5), ct: InventoryBuilder.Ct);
        Assert.True(saved.Succeeded, saved.Problem?.Code);

        var text = Encoding.UTF8.GetString((await csv.ExportAsync(admin, InventoryBuilder.Actor, parkId, InventoryBuilder.Ct)).Value!);

        Assert.StartsWith("\uFEFFcode,building", text, StringComparison.Ordinal);
        Assert.Matches("\\n\"?'-SUM\"?,A,2,Z1", text);
        Assert.DoesNotContain("\n-SUM", text, StringComparison.Ordinal);
    }

    private static byte[] TestFile(string name)
    {
        using var stream = typeof(SeatCsvTests).Assembly.GetManifestResourceStream("TestData." + name)
            ?? throw new InvalidOperationException($"No embedded test file {name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Import_GbkFileWithChineseHeadersAndOneBadRow_ReportsThatLineAndWritesNothing()
    {
        var (db, build, csv, parkId) = await DemoAsync();
        await using var _ = db;
        // Written once with GB18030 (Chinese Excel's "CSV" export): Chinese headers, 是/否 flags, line 3 names zone Z9.
        var bytes = TestFile("seats-zh-gbk-bad-line-3.csv");
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        var before = await build.CountAsync("SELECT count(*) FROM seats");

        var preview = (await csv.PreviewAsync(await build.AdminAsync(), InventoryBuilder.Actor, parkId, bytes, InventoryBuilder.Ct)).Value!;
        var result = await csv.ImportAsync(await build.AdminAsync(), InventoryBuilder.Actor, parkId, bytes, InventoryBuilder.Ct);

        Assert.Equal(("GB18030", 3, 2), (preview.Encoding, preview.Rows, preview.New));
        Assert.True(result.Succeeded, result.Problem?.Code);
        var error = Assert.Single(result.Value!.Errors);
        Assert.Equal((3, "CsvUnknownZone"), (error.Line, error.Code));
        Assert.False(result.Value.Written);
        Assert.Equal(before, await build.CountAsync("SELECT count(*) FROM seats"));
    }

    [Fact]
    public async Task Import_GbkFileWithChineseHeaders_OnceFixed_KeepsEveryColumnAndStatusDate()
    {
        var (db, build, csv, parkId) = await DemoAsync();
        await using var _ = db;
        var fixedFile = Encoding.GetEncoding("GB18030").GetBytes(
            Encoding.GetEncoding("GB18030").GetString(TestFile("seats-zh-gbk-bad-line-3.csv")).Replace(",Z9,", ",Z1,", StringComparison.Ordinal));

        var result = (await csv.ImportAsync(await build.AdminAsync(), InventoryBuilder.Actor, parkId, fixedFile, InventoryBuilder.Ct)).Value!;

        Assert.True(result.Written, string.Join("; ", result.Errors.Select(e => $"{e.Line} {e.Code}")));
        Assert.Equal(1, await build.CountAsync(
            "SELECT count(*) FROM seats WHERE code = 'A-2F-Z1-901' AND has_phone_line = 0 AND monitors = 2 AND status_since = '2026-11-01' AND status_until IS NULL"));
        Assert.Equal(1, await build.CountAsync(
            "SELECT count(*) FROM seats WHERE code = 'A-2F-Z1-903' AND seat_type = 'team_lead' AND service_status = 'maintenance' AND status_since = '2026-11-01' AND status_until = '2027-01-01'"));
    }

    [Fact]
    public async Task Import_Utf8BomFileWithOneBadRow_ReportsThatLineAndWritesNothing()
    {
        var (db, build, csv, parkId) = await DemoAsync();
        await using var _ = db;
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(
            "编码,楼栋,楼层,区域,x坐标,y坐标,使用状态\r\nB-3F-Z4-901,B,3,Z4,590,390,in_service\r\nB-3F-Z4-902,B,3,Z4,591,391,坏了\r\nB-3F-Z4-903,B,3,Z4,592,392,\r\n")).ToArray();
        var before = await build.CountAsync("SELECT count(*) FROM seats");

        var result = await csv.ImportAsync(await build.AdminAsync(), InventoryBuilder.Actor, parkId, bytes, InventoryBuilder.Ct);

        Assert.True(result.Succeeded, result.Problem?.Code);
        Assert.Equal("UTF-8 BOM", result.Value!.Encoding);
        var error = Assert.Single(result.Value.Errors);
        Assert.Equal((3, "CsvBadEnum"), (error.Line, error.Code));
        Assert.False(result.Value.Written);
        Assert.Equal(before, await build.CountAsync("SELECT count(*) FROM seats"));
    }

    [Theory]
    [InlineData("编码", "code")]
    [InlineData(" 楼栋 ", "building")]
    [InlineData("X坐标（分米）", "x")]
    [InlineData("PCI 区", "pci_zone")]
    [InlineData("Status_Since", "status_since")]
    [InlineData("价格", "价格")]
    public void ColumnOf_AcceptsEnglishAndChineseHeaders(string header, string column) =>
        Assert.Equal(column, SeatCsvFormat.ColumnOf(header));

    [Fact]
    public async Task Export_ThenImportIntoAnotherPark_KeepsServiceStatusDates()
    {
        var (db, build, csv, parkId) = await DemoAsync();
        await using var _ = db;
        var admin = await build.AdminAsync();
        var platform = await db.ScopeOfAsync("admin@park.demo");
        var inventory = db.Get<InventoryService>();
        Assert.True((await inventory.SetStatusAsync(admin, InventoryBuilder.Actor, parkId, new StatusChange(
            [await build.SeatIdAsync("A-2F-Z1-004")], ServiceStatuses.Maintenance, new DateOnly(2027, 2, 1), new DateOnly(2027, 4, 1)), InventoryBuilder.Ct)).Succeeded);
        var exported = Encoding.UTF8.GetString((await csv.ExportAsync(admin, InventoryBuilder.Actor, parkId, InventoryBuilder.Ct)).Value!);
        var lines = exported.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",status_since,status_until", lines[0], StringComparison.Ordinal);
        var zoneA2Z1 = string.Join("\r\n", lines.Where((l, i) => i == 0 || l.StartsWith("A-2F-Z1-", StringComparison.Ordinal)));
        // Another park with the same building, floor and zone codes.
        var other = await db.Get<ParkStore>().CreateAsync(new NewPark("SZ-01", "深圳园区", "Shenzhen park", "深圳", "", "", "", null), platform, InventoryBuilder.Actor, InventoryBuilder.Ct);
        var building = await inventory.SaveBuildingAsync(platform, InventoryBuilder.Actor, other.Value, null, new BuildingInput("A", "A"), ct: InventoryBuilder.Ct);
        var floor = await inventory.SaveFloorAsync(platform, InventoryBuilder.Actor, null, new FloorInput(building.Value, 2, "2F", 600, 400), ct: InventoryBuilder.Ct);
        await inventory.SaveZoneAsync(platform, InventoryBuilder.Actor, null, new ZoneInput(floor.Value, "Z1", "Z1"), ct: InventoryBuilder.Ct);

        var report = (await csv.ImportAsync(platform, InventoryBuilder.Actor, other.Value, Encoding.UTF8.GetBytes(zoneA2Z1), InventoryBuilder.Ct)).Value!;

        Assert.True(report.Written, string.Join("; ", report.Errors.Take(3).Select(e => $"{e.Line} {e.Code}")));
        Assert.Equal(50, report.New);
        Assert.Equal(1, await build.CountAsync("""
            SELECT count(*) FROM seats WHERE park_id = @Park AND code = 'A-2F-Z1-004' AND service_status = 'maintenance'
              AND status_since = '2027-02-01' AND status_until = '2027-04-01'
            """, new { Park = other.Value }));
        Assert.Equal(49, await build.CountAsync("SELECT count(*) FROM seats WHERE park_id = @Park AND status_since = '2011-06-18'", new { Park = other.Value }));
    }
}
