using Park.Domain.Inventory;

namespace Park.Tests.Inventory;

public sealed class SeatGridTests
{
    [Theory]
    [InlineData("{building}-{floor}F-{zone}-{n:000}", "A", 3, "Z2", 45, 5, 5, "A-3F-Z2-045")]
    [InlineData("{building}{floor}-{row:00}{col:00}", "B", 12, "Z1", 1, 2, 7, "B12-0207")]
    [InlineData("{zone}/{n}", "A", 2, "PCI", 1234, 1, 1, "PCI/1234")]
    public void Format_FillsTokensAndPadsNumbers(string pattern, string building, int floor, string zone, int n, int row, int col, string expected)
    {
        Assert.Null(SeatCodePattern.Check(pattern));
        Assert.Equal(expected, SeatCodePattern.Format(pattern, building, floor, zone, n, row, col));
    }

    [Theory]
    [InlineData("{building}-{seat}", "PatternUnknownToken")]
    [InlineData("{building}-{floor}F", "PatternNeedsNumber")]
    [InlineData("{building}-{row}", "PatternNeedsNumber")]
    [InlineData("{building-{n}", "PatternUnknownToken")]
    [InlineData("A-{n:00", "PatternInvalid")]
    [InlineData("A }{n}", "PatternInvalid")]
    [InlineData("{n:abc}", "PatternInvalid")]
    [InlineData("", "PatternInvalid")]
    public void Check_RefusesBadPatterns(string pattern, string code) =>
        Assert.Equal(code, SeatCodePattern.Check(pattern)?.Code);

    [Fact]
    public void Generate_LaysOutRowsAndColumnsWithSpacing()
    {
        var result = SeatGrid.Generate(new GridSpec(SeatCodePattern.Default, 2, 3, 10, 20, 24, 32), "A", 3, "Z2", 600, 400);

        Assert.True(result.Succeeded);
        var seats = result.Value!;
        Assert.Equal(6, seats.Count);
        Assert.Equal(new GridSeat("A-3F-Z2-001", 1, 1, 10, 20), seats[0]);
        Assert.Equal(new GridSeat("A-3F-Z2-003", 1, 3, 58, 20), seats[2]);
        Assert.Equal(new GridSeat("A-3F-Z2-006", 2, 3, 58, 52), seats[5]);
    }

    [Fact]
    public void Generate_StartsNumberingWhereAsked()
    {
        var seats = SeatGrid.Generate(new GridSpec(SeatCodePattern.Default, 1, 2, 0, 0, 10, 10, StartNumber: 51), "B", 4, "Z1", 100, 100).Value!;
        Assert.Equal(["B-4F-Z1-051", "B-4F-Z1-052"], seats.Select(s => s.Code));
    }

    [Theory]
    [InlineData(5, 10, 500, 20, 24, 32, "GridOffPlan")] // last column at x = 500 + 9 × 24 = 716 > 600
    [InlineData(20, 1, 0, 0, 1, 32, "GridOffPlan")] // last row at y = 608 > 400
    [InlineData(0, 3, 0, 0, 10, 10, "GridSizeInvalid")]
    [InlineData(50, 50, 0, 0, 1, 1, "GridSizeInvalid")] // 2,500 seats > 2,000
    [InlineData(2, 2, 0, 0, 0, 10, "GridSpacingInvalid")]
    [InlineData(2, 2, -1, 0, 10, 10, "GridOffPlan")]
    public void Generate_RefusesGridsThatDoNotFit(int rows, int columns, int x, int y, int sx, int sy, string code)
    {
        var result = SeatGrid.Generate(new GridSpec(SeatCodePattern.Default, rows, columns, x, y, sx, sy), "A", 3, "Z2", 600, 400);
        Assert.Equal(code, result.Problem?.Code);
    }

    [Fact]
    public void Generate_RefusesPatternsThatRepeatCodes()
    {
        // {n:0} pads to one digit but numbers past 9 still differ; {row} alone with {col} padded narrowly collide: 1-11 vs 11-1.
        var result = SeatGrid.Generate(new GridSpec("{row}{col}", 12, 12, 0, 0, 1, 1), "A", 3, "Z2", 600, 400);
        Assert.Equal("GridDuplicateCode", result.Problem?.Code);
    }
}
