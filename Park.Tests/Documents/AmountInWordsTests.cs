using Park.Domain.Data;
using Park.Domain.Documents;

namespace Park.Tests.Documents;

public sealed class AmountInWordsTests
{
    [Theory]
    [InlineData(1_000_505, "人民币壹万零伍元零伍分")]
    [InlineData(10_000_000_000, "人民币壹亿元整")]
    [InlineData(0, "人民币零元整")]
    [InlineData(5, "人民币伍分")]
    [InlineData(50, "人民币伍角整")]
    [InlineData(105, "人民币壹元零伍分")]
    [InlineData(150, "人民币壹元伍角整")]
    [InlineData(1_000, "人民币壹拾元整")]
    [InlineData(1_010, "人民币壹拾元壹角整")]
    [InlineData(100_100, "人民币壹仟零壹元整")]
    [InlineData(101_000, "人民币壹仟零壹拾元整")]
    [InlineData(1_000_000_100, "人民币壹仟万零壹元整")]
    [InlineData(10_001_000_000, "人民币壹亿零壹万元整")]
    [InlineData(10_000_000_100, "人民币壹亿零壹元整")]
    [InlineData(72_000_000, "人民币柒拾贰万元整")]
    [InlineData(123_456_789, "人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分")]
    public void Chinese_WritesCapitalNumeralsWithZeroAndZhengRules(long fen, string expected) =>
        Assert.Equal(expected, AmountInWords.Chinese(new Money(fen)));

    [Fact]
    public void Chinese_NegativeAmount_SaysNegative() =>
        Assert.Equal("人民币负伍元整", AmountInWords.Chinese(new Money(-500)));
}
