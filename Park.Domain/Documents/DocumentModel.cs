namespace Park.Domain.Documents;

/// <summary>
/// A document as content only: blocks in reading order, page furniture and metadata. The renderer
/// in Park.Web lays it out on A4 pages and draws it; nothing here knows about fonts or points.
/// </summary>
public sealed record Document(DocumentMetadata Metadata, PageFurniture Furniture, IReadOnlyList<Block> Blocks);

/// <summary>Written into the PDF's information dictionary.</summary>
public sealed record DocumentMetadata(string Title, string Author, string Subject, string Keywords, string Language);

/// <summary>
/// Header text on every page and the footer pattern; <c>{page}</c> and <c>{pages}</c> are filled
/// in after layout (two passes), e.g. "第 {page} 页 / 共 {pages} 页" or "Page {page} of {pages}".
/// </summary>
public sealed record PageFurniture(string Header, string FooterPattern)
{
    public const string ChineseFooter = "第 {page} 页 / 共 {pages} 页";
    public const string EnglishFooter = "Page {page} of {pages}";

    public string Footer(int page, int pages) =>
        FooterPattern.Replace("{page}", page.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{pages}", pages.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}

public enum Align
{
    Left,
    Center,
    Right,
}

/// <summary>A piece of text in one style.</summary>
public sealed record TextRun(string Text, bool Bold = false)
{
    public static implicit operator TextRun(string text) => new(text);
}

public abstract record Block;

/// <summary>The document's title (level 0) or a section heading (level 1–2).</summary>
public sealed record Heading(string Text, int Level = 1) : Block;

public sealed record Paragraph(IReadOnlyList<TextRun> Runs, Align Align = Align.Left) : Block
{
    public Paragraph(string text, Align align = Align.Left) : this([new TextRun(text)], align)
    {
    }
}

/// <summary>A numbered clause ("1.2" or "第一条") whose text hangs after the number.</summary>
public sealed record Clause(string Number, IReadOnlyList<TextRun> Runs) : Block;

/// <summary>Label–value pairs in two columns (parties, premises, terms).</summary>
public sealed record KeyValueBlock(IReadOnlyList<KeyValue> Items) : Block;

public sealed record KeyValue(string Key, string Value);

/// <summary>Relative width and alignment of a column; widths are shares of the text width.</summary>
public sealed record TableColumn(string Header, float Width, Align Align = Align.Left);

/// <summary>
/// A table: the header row repeats on every page the table spans; rows never split; the optional
/// totals row is printed bold after the last row. <see cref="MarkedRows"/> are shaded.
/// </summary>
public sealed record Table(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string>? Totals = null) : Block
{
    public IReadOnlySet<int> MarkedRows { get; init; } = new HashSet<int>();
}

/// <summary>Signature and seal blocks of the parties, side by side; never split across pages.</summary>
public sealed record SignatureBlock(IReadOnlyList<SignatureParty> Parties) : Block;

/// <summary>One party's column: its role ("甲方（盖章）"), name and the lines to sign and date.</summary>
public sealed record SignatureParty(string Role, string Name, IReadOnlyList<string> Lines);

/// <summary>Blocks that must stay on one page together (for example a heading and its first lines).</summary>
public sealed record KeepTogether(IReadOnlyList<Block> Blocks) : Block;

public sealed record Spacer(float Points) : Block;

public sealed record PageBreak : Block;
