using Park.Web.Documents;

namespace Park.Tests.Documents;

/// <summary>Line breaking with a monospace measure: every character is one unit wide.</summary>
public sealed class LineBreakingTests
{
    private static string[] Lines(string text, float width) =>
        LineBreaking.Break(text, width, _ => 1f).Select(l => text[l.Start..l.End]).ToArray();

    [Fact]
    public void Break_ClosingPunctuation_NeverStartsALine()
    {
        var lines = Lines("甲方应当按时付款。乙方应当按时交付。", 8);
        Assert.All(lines.Skip(1), l => Assert.False(LineBreaking.IsClosing(l[0]), l));
        Assert.Equal("甲方应当按时付款。乙方应当按时交付。", string.Concat(lines));
        Assert.Equal("甲方应当按时付", lines[0]); // 款。 moves down together
    }

    [Fact]
    public void Break_OpeningPunctuation_NeverEndsALine()
    {
        var lines = Lines("一二三四五六七（附件一）", 8);
        Assert.All(lines, l => Assert.False(LineBreaking.IsOpening(l[^1]), l));
        Assert.Equal("一二三四五六七", lines[0]);
        Assert.Equal("（附件一）", lines[1]);
    }

    [Fact]
    public void Break_LatinWords_WrapWhole()
    {
        var lines = Lines("The lessee shall pay the rent monthly", 12);
        Assert.Equal(["The lessee", "shall pay", "the rent", "monthly"], lines);
    }

    [Fact]
    public void Break_MixedChineseAndLatin_KeepsNumbersWhole()
    {
        var lines = Lines("租金为¥12,345.00元每月", 12);
        Assert.Contains(lines, l => l.Contains("¥12,345.00", StringComparison.Ordinal));
    }

    [Fact]
    public void Break_WordLongerThanLine_IsCut()
    {
        var lines = Lines("ABCDEFGHIJKL", 5);
        Assert.Equal(["ABCDE", "FGHIJ", "KL"], lines);
    }

    [Fact]
    public void Break_HardNewline_StartsNewLine() =>
        Assert.Equal(["甲", "乙"], Lines("甲\n乙", 10));
}
