using Park.Domain.Documents;
using Park.Tests.Contracts;
using Park.Web.Documents;

namespace Park.Tests.Documents;

public sealed class RendererTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private static Document WithTable(int rows, string footer = PageFurniture.ChineseFooter)
    {
        var table = new Table(
            [new TableColumn("座席编号", 2), new TableColumn("楼层", 1), new TableColumn("金额", 1.5f, Align.Right)],
            Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[$"S-{i:D4}", "3F", "¥500.00"]).ToArray(),
            ["合计", "", "¥500,000.00"]);
        return new Document(new DocumentMetadata("测试", "Park", "测试文档", "test", "zh-CN"), new PageFurniture("页眉", footer),
            [new Heading("座席清单", 0), table]);
    }

    [Fact]
    public void Render_ThousandRowTable_RepeatsHeaderOnEveryPage()
    {
        var pdf = new PdfRenderer(PdfText.Fonts).Render(WithTable(1000), At);
        var pages = PdfText.Pages(pdf.Bytes);
        Assert.True(pages.Count >= 10, $"{pages.Count} pages");
        Assert.All(pages, p => Assert.Contains("座席编号", p, StringComparison.Ordinal));
        var all = string.Concat(pages);
        Assert.Contains("S-0001", all, StringComparison.Ordinal);
        Assert.Contains("S-1000", all, StringComparison.Ordinal);
        Assert.Contains("¥500,000.00", pages[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Footer_NumbersEveryPageOfTheTotal()
    {
        var pdf = new PdfRenderer(PdfText.Fonts).Render(WithTable(200), At);
        var pages = PdfText.Pages(pdf.Bytes);
        Assert.Equal(pdf.PageCount, pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"第{i + 1}页/共{pages.Count}页", pages[i].Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_EnglishFooter_SaysPageXOfY()
    {
        var pdf = new PdfRenderer(PdfText.Fonts).Render(WithTable(200, PageFurniture.EnglishFooter), At);
        var pages = PdfText.Pages(pdf.Bytes);
        Assert.Contains($"Page2of{pages.Count}", pages[1].Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ChineseText_ExtractsAsTheOriginalCharactersNotRadicals()
    {
        var document = new Document(new DocumentMetadata("t", "a", "s", "k", "zh-CN"), new PageFurniture("", PageFurniture.ChineseFooter),
            [new Paragraph("甲方每月支付租金，方可使用座席；月底前付清。")]);
        var text = PdfText.All(new PdfRenderer(PdfText.Fonts).Render(document, At).Bytes);
        Assert.Contains("甲方每月支付租金", text, StringComparison.Ordinal);
        Assert.Contains("方可使用座席", text, StringComparison.Ordinal);
        Assert.Contains("页", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u2F45', text); // ⽅ KANGXI RADICAL SQUARE
        Assert.DoesNotContain('\u2F49', text); // ⽉ KANGXI RADICAL MOON
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Render_IdeographsWithKangxiRadicalTwins_ExtractAsIdeographsFromPlainLetters(bool bold)
    {
        // Each of these shares its glyph with a Kangxi radical (⼀ ⼈ ⽉ ⽇ ⼊ ⾦ ⽅ ⾴ ⼯ ⽥ ⼤ ⼦ ⾔ ⾨).
        const string twins = "一人月日入金方页工田大子言门";
        var document = new Document(new DocumentMetadata("t", "a", "s", "k", "zh-CN"), new PageFurniture("", PageFurniture.ChineseFooter),
            [new Paragraph([new TextRun(twins, bold)])]);
        var bytes = new PdfRenderer(PdfText.Fonts).Render(document, At).Bytes;

        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var letters = string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value));
        Assert.Contains(twins, letters, StringComparison.Ordinal);
        Assert.DoesNotContain(letters, c => ExtractableFont.IsTwin(c));
    }

    [Fact]
    public void Render_KangxiRadicalInTheText_StillDrawsAGlyph()
    {
        // The PDF faces drop radicals from their cmap; layout and glyph lookup still use the full face.
        var document = new Document(new DocumentMetadata("t", "a", "s", "k", "zh-CN"), new PageFurniture("", PageFurniture.ChineseFooter),
            [new Paragraph("部首⽅")]);
        var bytes = new PdfRenderer(PdfText.Fonts).Render(document, At).Bytes;
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        Assert.Contains("部首", pdf.GetPage(1).Text, StringComparison.Ordinal);
        Assert.Equal(3, pdf.GetPage(1).Letters.Count(l => l.Value is "部" or "首" or "方" or "\u2F45"));
    }

    [Fact]
    public void ExtractableFont_KeepsTheIdeographForASharedGlyphAndALoneRadical()
    {
        var map = new SortedDictionary<int, ushort> { [0x2F45] = 7, [0x65B9] = 7, [0x2F00] = 9, [0x41] = 3 };
        var kept = ExtractableFont.Preferred(map);
        Assert.Equal([0x41, 0x2F00, 0x65B9], kept.Keys);
    }

    [Fact]
    public void Layout_SignatureBlock_IsNeverSplitAcrossPages()
    {
        // Whatever the amount of text before it, the block lands whole on one page.
        for (var n = 20; n <= 45; n++)
        {
            var blocks = Enumerable.Range(0, n).Select(i => (Block)new Paragraph($"第 {i} 段")).ToList();
            blocks.Add(new SignatureBlock([new SignatureParty("甲方（盖章）", "甲公司", ["签字：", "日期："]), new SignatureParty("乙方（盖章）", "乙公司", ["签字：", "日期："])]));
            var document = new Document(new DocumentMetadata("t", "a", "s", "k", "zh-CN"), new PageFurniture("", PageFurniture.ChineseFooter), blocks);
            var pages = new DocumentLayout(PdfText.Fonts).Layout(document);
            var signatureTexts = new[] { "甲方（盖章）", "甲公司", "乙公司", "日期：" };
            var holding = pages.Where(p => p.Ops.OfType<TextOp>().Any(t => signatureTexts.Contains(t.Text))).ToArray();
            Assert.Single(holding);
            Assert.Equal(4, holding[0].Ops.OfType<TextOp>().Count(t => t.Text is "签字：" or "日期："));
        }
    }

    [Fact]
    public void Fonts_MissingFile_NamesTheSetting()
    {
        var error = Assert.Throws<FontUnavailableException>(() => new PdfFonts(new FontOptions { Regular = "/nonexistent/font.ttc" }));
        Assert.Equal("Park:Fonts:Regular", error.Setting);
        Assert.Contains("Park:Fonts:Regular", error.Message, StringComparison.Ordinal);
    }
}
