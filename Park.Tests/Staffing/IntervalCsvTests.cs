using System.Globalization;
using Park.Domain.Staffing;

namespace Park.Tests.Staffing;

public sealed class IntervalCsvTests
{
    internal const string Header = "interval_start,interval_seconds,volume,aht_seconds,sl_target,sl_seconds,shrinkage,max_occupancy";

    internal static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    private static IntervalSheet Read(string text) => IntervalCsv.Read(new StringReader(text));

    [Fact]
    public void Read_ThenWrite_EchoesTheInputColumnsAndAppendsResultsInOrder()
    {
        var sheet = Read(Csv(
            "2026-03-02T09:30,1800,360,240,0.8,15,0,1",
            "2026-03-02T09:00,1800,100,180,0.8,20,0.3,0.85",
            "2026-03-02T10:00,1800,0,180,0.8,20,0.3,0.85"));
        Assert.True(sheet.Succeeded, string.Join("; ", sheet.Problems));
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        IntervalCsv.Write(writer, sheet, IntervalBatch.Calculate(sheet.Intervals));
        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Header + ",agents,positions,service_level,asa_seconds,occupancy,wait_probability,status,max_servable_volume,max_servable_load", lines[0]);
        Assert.Equal("2026-03-02T09:30,1800,360,240,0.8,15,0,1,55,55,0.845883,", lines[1][..56]);
        Assert.Equal("2026-03-02T09:00,1800,100,180,0.8,20,0.3,0.85,14,20,0.888350,7.836,0.714286,0.174132,met,,", lines[2]);
        Assert.StartsWith("2026-03-02T10:00,1800,0,180,0.8,20,0.3,0.85,0,0,", lines[3], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Read_WithPatienceColumn_UsesErlangAAndWritesAbandonRate()
    {
        var sheet = Read(Header + ",patience_seconds,max_abandon\n2026-03-02T09:00,1800,100,180,0.8,20,0.3,0.85,300,\n");
        Assert.True(sheet.Succeeded, string.Join("; ", sheet.Problems));
        var results = IntervalBatch.Calculate(sheet.Intervals);
        Assert.Equal(13, results[0].Agents);
        Assert.Equal(19, results[0].Positions);
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        IntervalCsv.Write(writer, sheet, results);
        Assert.Contains(",wait_probability,abandon_rate,status,", writer.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-02T09:00,1800,-1,180,0.8,20,0.3,0.85", "volume", StaffingCodes.VolumeNegative)]
    [InlineData("2026-03-02T09:00,1800,100,0,0.8,20,0.3,0.85", "aht_seconds", StaffingCodes.AhtOutOfRange)]
    [InlineData("2026-03-02T09:00,1800,100,180,1.2,20,0.3,0.85", "sl_target", StaffingCodes.ServiceLevelOutOfRange)]
    [InlineData("2026-03-02T09:00,1800,100,180,0.8,0,0.3,0.85", "sl_seconds", StaffingCodes.ThresholdZeroWithTarget)]
    [InlineData("2026-03-02T09:00,1800,100,180,0.8,20,1,0.85", "shrinkage", StaffingCodes.ShrinkageOutOfRange)]
    [InlineData("2026-03-02T09:00,1800,100,180,0.8,20,0.3,0", "max_occupancy", StaffingCodes.OccupancyCapOutOfRange)]
    [InlineData("2026-03-02T09:00,1800,abc,180,0.8,20,0.3,0.85", "volume", StaffingCodes.NotANumber)]
    [InlineData("2026-03-02T09:00,1800,100,180,NaN,20,0.3,0.85", "sl_target", StaffingCodes.NotANumber)]
    [InlineData("2026-03-02T09:10,1800,100,180,0.8,20,0.3,0.85", "interval_start", StaffingCodes.IntervalMisaligned)]
    [InlineData("yesterday,1800,100,180,0.8,20,0.3,0.85", "interval_start", StaffingCodes.IntervalStartInvalid)]
    [InlineData("2026-03-02T09:00,1700,100,180,0.8,20,0.3,0.85", "interval_seconds", StaffingCodes.IntervalSecondsInvalid)]
    public void Read_BadCell_IsReportedWithLineAndField(string row, string field, string code)
    {
        var sheet = Read(Csv("2026-03-02T08:00,1800,100,180,0.8,20,0.3,0.85", row));
        var problem = Assert.Single(sheet.Problems);
        Assert.Equal(3, problem.Row);
        Assert.Equal(field, problem.Field);
        Assert.Equal(code, problem.Code);
    }

    [Fact]
    public void Read_DuplicatedAndOverlappingIntervals_AreReported()
    {
        var sheet = Read(Csv(
            "2026-03-02T09:00,1800,1,180,0.8,20,0,1",
            "2026-03-02T09:00,1800,1,180,0.8,20,0,1",
            "2026-03-02T10:00,3600,1,180,0.8,20,0,1",
            "2026-03-02T10:30,1800,1,180,0.8,20,0,1"));
        Assert.Equal([(3, StaffingCodes.IntervalDuplicated), (5, StaffingCodes.IntervalOverlaps)],
            sheet.Problems.Select(p => (p.Row, p.Code)).ToArray());
    }

    [Fact]
    public void Read_RowWithMissingCells_IsReportedAsMisalignedRow()
    {
        var sheet = Read(Csv("2026-03-02T09:00,1800,1,180,0.8"));
        var problem = Assert.Single(sheet.Problems);
        Assert.Equal((2, StaffingCodes.ColumnCount), (problem.Row, problem.Code));
    }

    [Fact]
    public void Read_HeaderWithUnknownOrMissingColumns_IsRejected()
    {
        var sheet = Read("interval_start,interval_seconds,volume,aht_seconds,sl_target,sl_seconds,shrinkage,formula\n");
        Assert.Contains(sheet.Problems, p => p.Field == "max_occupancy" && p.Code == StaffingCodes.MissingColumn);
        Assert.Contains(sheet.Problems, p => p.Field == "formula" && p.Code == StaffingCodes.UnknownColumn);
    }

    [Fact]
    public void Read_MoreRowsThanTheCap_IsOneClearError()
    {
        var rows = Enumerable.Range(0, 6).Select(i => $"2026-03-02T{i:00}:00,3600,1,180,0.8,20,0,1").ToArray();
        var sheet = IntervalCsv.Read(new StringReader(Csv(rows)), maxRows: 5);
        var problem = Assert.Single(sheet.Problems);
        Assert.Equal((7, StaffingCodes.TooManyRows), (problem.Row, problem.Code));
    }

    [Fact]
    public void Read_AHundredThousandAndOneRows_IsRejected()
    {
        var text = new System.Text.StringBuilder(Header + "\n");
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
        for (var i = 0; i <= IntervalBatch.MaxRows; i++)
        {
            text.Append(start.AddMinutes(15 * i).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)).Append(",900,10,180,0.8,20,0.3,0.85\n");
        }

        var sheet = Read(text.ToString());
        Assert.Equal(StaffingCodes.TooManyRows, Assert.Single(sheet.Problems).Code);
    }

    [Fact]
    public void Read_ManyBadRows_ReportsEveryOneAndCalculatesNothing()
    {
        var sheet = Read(Csv("2026-03-02T09:00,1800,-1,0,0.8,20,0.3,0.85", "2026-03-02T09:30,1800,5,180,2,20,0.3,0.85"));
        Assert.Equal([(2, "volume"), (2, "aht_seconds"), (3, "sl_target")], sheet.Problems.Select(p => (p.Row, p.Field!)).ToArray());
        var mixed = Read(Csv("2026-03-02T09:00,1800,x,180,0.8,20,0.3,0.85", "2026-03-02T09:30,1800,5,180,0.8,20,1.5,0.85"));
        Assert.Equal([(2, "volume"), (3, "shrinkage")], mixed.Problems.Select(p => (p.Row, p.Field!)).ToArray());
        Assert.False(sheet.Succeeded);
    }

    [Fact]
    public void Write_UnreachableRow_GivesTheLargestServableVolumeAndLoad()
    {
        var sheet = Read(Header + ",max_agents\n2026-03-02T09:00,1800,100,180,0.8,20,0.3,0.85,12\n");
        Assert.True(sheet.Succeeded, string.Join("; ", sheet.Problems));
        var results = IntervalBatch.Calculate(sheet.Intervals);
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        IntervalCsv.Write(writer, sheet, results);
        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",status,max_servable_volume,max_servable_load", lines[0], StringComparison.Ordinal);
        var cells = lines[1].Split(',');
        Assert.Equal("2026-03-02T09:00,1800,100,180,0.8,20,0.3,0.85,12", string.Join(',', cells[..9])); // the input as given
        Assert.Equal("unreachable_agent_limit", cells[^3]);
        var volume = double.Parse(cells[^2], CultureInfo.InvariantCulture);
        Assert.Equal(results[0].MaxServableVolume!.Value, volume, 2);
        Assert.Equal(volume * 180 / 1800, double.Parse(cells[^1], CultureInfo.InvariantCulture), 3);
    }
}
