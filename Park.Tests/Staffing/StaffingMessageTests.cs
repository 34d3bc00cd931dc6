using System.Globalization;
using System.Resources;
using Park.Domain.Data;
using Park.Domain.Staffing;
using Park.Web.Resources;

namespace Park.Tests.Staffing;

/// <summary>Each bad input gets its own message, naming the column or value it is about, in both languages.</summary>
public sealed class StaffingMessageTests
{
    private static readonly ResourceManager Strings = new("Park.Web.Resources.StaffingStrings", typeof(StaffingStrings).Assembly);

    private static string Message(string culture, string code, params object[] args)
    {
        var language = new CultureInfo(culture);
        var text = Strings.GetString(code, language) ?? throw new InvalidOperationException($"No string {code}.");
        return string.Format(language, text, args);
    }

    private static string En(RowProblem p) => Message("en-US", p.Code, p.Args);

    [Fact]
    public void IntervalCsv_DuplicatedHeaderColumn_NamesTheColumn()
    {
        var sheet = IntervalCsv.Read(new StringReader(IntervalCsvTests.Header + ",volume\n2026-03-02T09:00,1800,100,180,0.8,20,0.3,0.85,100\n"));
        var problem = Assert.Single(sheet.Problems);
        Assert.Equal((1, "volume", StaffingCodes.DuplicateColumn), (problem.Row, problem.Field, problem.Code));
        Assert.Equal("The column 'volume' appears more than once in the header.", En(problem));
        Assert.Equal("表头中“volume”列出现了不止一次。", Message("zh-CN", problem.Code, problem.Args));
    }

    [Fact]
    public void VolumeCsv_DuplicatedHeaderColumn_NamesTheColumn()
    {
        var sheet = VolumeCsv.Read(new StringReader("date,interval_start,offered,handled,aht_seconds,offered\n2026-03-02,09:00,1,1,1,1\n"), 1800);
        Assert.Equal("The column 'offered' appears more than once in the header.", En(Assert.Single(sheet.Problems)));
    }

    [Theory]
    [InlineData("2026-03-02,09:00,-1,0,180", "offered", "The value in column 'offered' cannot be negative.")]
    [InlineData("2026-03-02,09:00,10,-2,180", "handled", "The value in column 'handled' cannot be negative.")]
    [InlineData("2026-03-02,09:00,10,9,-180", "aht_seconds", "The value in column 'aht_seconds' cannot be negative.")]
    [InlineData("2026-03-02,09:00,10,9,90000", "aht_seconds", "The value in column 'aht_seconds' is larger than 86,400.")]
    [InlineData("2026-03-02,09:00,20000000,9,180", "offered", "The value in column 'offered' is larger than 10,000,000.")]
    public void VolumeCsv_BadNumber_NamesItsOwnColumn(string row, string field, string message)
    {
        var sheet = VolumeCsv.Read(new StringReader("date,interval_start,offered,handled,aht_seconds\n" + row + "\n"), 1800);
        var problem = Assert.Single(sheet.Problems);
        Assert.Equal((2, field), (problem.Row, problem.Field));
        Assert.Equal(message, En(problem));
    }

    [Theory]
    [InlineData(100_000_001)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public async Task ApplyPattern_TotalOutOfRange_HasItsOwnMessage(double total)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var scope = await db.ScopeOfAsync("ops@yunsheng.demo");
        var id = (await db.Get<ServiceLineStore>().CreateAsync(scope, new NewServiceLine("Totals", 1800, 240, 80, 20, 30, 85), TestContext.Current.CancellationToken)).Value;
        var result = await db.Get<VolumeStore>().ApplyPatternAsync(scope, id, new DateOnly(2026, 3, 1), total, TestContext.Current.CancellationToken);
        Assert.Equal((ErrorKind.Invalid, "monthlyTotal"), (result.Problem!.Kind, result.Problem.Field));
        Assert.Equal("The monthly total must be a number from 0 to 100,000,000 calls.", Message("en-US", result.Problem.Code, result.Problem.Args));
        Assert.Equal("月总话务量必须是 0 到 100,000,000 通之间的数。", Message("zh-CN", result.Problem.Code, result.Problem.Args));
    }

    [Fact]
    public void WeekShape_NegativeShare_NamesTheWeekdayAndHour()
    {
        var problems = new WeekShape([1, 1, -1, 1, 1, 0, 0], [.. Enumerable.Repeat(1.0, 13), -1, .. Enumerable.Repeat(1.0, 10)]).Validate();
        Assert.Equal(["The share of weekday 3 (1 = Monday) must be a number of at least 0.", "The share of hour 13:00 must be a number of at least 0."],
            problems.Select(En));
    }
}
