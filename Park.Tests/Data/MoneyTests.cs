using Park.Domain.Data;

namespace Park.Tests.Data;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("0.005", 1)]
    [InlineData("0.015", 2)]
    [InlineData("0.025", 3)]
    [InlineData("-0.005", -1)]
    [InlineData("27096.774", 2709677)]
    public void FromYuan_RoundsHalfAwayFromZero(string yuan, long fen) =>
        Assert.Equal(fen, Money.FromYuan(decimal.Parse(yuan, System.Globalization.CultureInfo.InvariantCulture)).Fen);

    [Fact]
    public void Times_ProratesByDays_LikeDomainExample()
    {
        // 60,000.00 a month, move-in 18 March: 14 of 31 days.
        var rent = new Money(6_000_000);
        Assert.Equal(2_709_677, rent.Times(14m / 31m).Fen);
    }

    [Theory]
    [InlineData(100, new long[] { 1, 1, 1 }, new long[] { 34, 33, 33 })]
    [InlineData(-100, new long[] { 1, 1, 1 }, new long[] { -34, -33, -33 })]
    [InlineData(1_000_000, new long[] { 31, 28, 31 }, new long[] { 344445, 311111, 344444 })]
    public void Allocate_SumsExactly_WithLargestRemainder(long fen, long[] weights, long[] expected)
    {
        var parts = new Money(fen).Allocate(weights);
        Assert.Equal(expected, parts.Select(p => p.Fen));
        Assert.Equal(fen, parts.Sum(p => p.Fen));
    }

    [Theory]
    [InlineData(123450, "¥1,234.50")]
    [InlineData(-5, "-¥0.05")]
    [InlineData(0, "¥0.00")]
    public void ToString_FormatsYuanWithTwoDecimals(long fen, string text) => Assert.Equal(text, new Money(fen).ToString());
}
