using Park.Domain.Documents;

namespace Park.Web.Documents;

/// <summary>
/// Lays a <see cref="Document"/> out on pages: wraps text (CJK rules, whole Latin words), splits
/// tables between rows and repeats their header, keeps signature blocks and
/// <see cref="KeepTogether"/> groups on one page, then adds header and footer once the page count
/// is known (the second pass of page numbering).
/// </summary>
public sealed class DocumentLayout(PdfFonts fonts, PageSetup? setup = null)
{
    private const uint HeaderFill = 0xFFEDEFF3;
    private const uint MarkedFill = 0xFFFFF6DD;
    private const uint Grey = 0xFF6B6B6B;
    private readonly PageSetup _page = setup ?? PageSetup.A4;

    public PageSetup Page => _page;

    public IReadOnlyList<LaidOutPage> Layout(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var cursor = new LayoutCursor(_page.MarginTop, _page.ContentBottom, bounded: true);
        foreach (var block in document.Blocks)
        {
            Place(cursor, block);
        }

        AddFurniture(cursor.Pages, document.Furniture);
        return cursor.Pages;
    }

    private void Place(LayoutCursor cursor, Block block)
    {
        switch (block)
        {
            case Heading heading:
                PlaceHeading(cursor, heading);
                break;
            case Paragraph paragraph:
                PlaceText(cursor, new StyledText(paragraph.Runs), _page.MarginLeft, _page.ContentWidth, _page.Body, paragraph.Align);
                cursor.Y += 4;
                break;
            case Clause clause:
                PlaceClause(cursor, clause);
                break;
            case KeyValueBlock keyValues:
                PlaceKeyValues(cursor, keyValues);
                break;
            case Table table:
                new TableLayout(this, cursor, table).Place();
                break;
            case SignatureBlock signatures:
                PlaceTogether(cursor, c => PlaceSignatures(c, signatures));
                break;
            case KeepTogether group:
                PlaceTogether(cursor, c => group.Blocks.ToList().ForEach(b => Place(c, b)));
                break;
            case Spacer spacer:
                cursor.Y += spacer.Points;
                break;
            case PageBreak:
                if (!cursor.AtTop)
                {
                    cursor.NewPage();
                }

                break;
            default:
                throw new NotSupportedException($"No layout for {block.GetType().Name}.");
        }
    }

    private static void PlaceTogether(LayoutCursor cursor, Action<LayoutCursor> place)
    {
        var probe = new LayoutCursor(0, float.MaxValue, bounded: false);
        place(probe);
        cursor.Ensure(probe.Y);
        place(cursor);
    }

    private void PlaceHeading(LayoutCursor cursor, Heading heading)
    {
        var size = _page.HeadingSize(heading.Level);
        if (heading.Level == 0)
        {
            PlaceText(cursor, new StyledText(heading.Text, true), _page.MarginLeft, _page.ContentWidth, size, Align.Center);
            cursor.Y += 10;
            return;
        }

        // Keep a heading with at least three lines of what follows.
        var lineHeight = LineHeight(size);
        cursor.Ensure(8 + lineHeight + 3 * LineHeight(_page.Body));
        if (!cursor.AtTop)
        {
            cursor.Y += 8;
        }

        PlaceText(cursor, new StyledText(heading.Text, true), _page.MarginLeft, _page.ContentWidth, size, Align.Left);
        cursor.Y += 2;
    }

    private void PlaceClause(LayoutCursor cursor, Clause clause)
    {
        var size = _page.Body;
        var numberWidth = Math.Max(Width(clause.Number, false, size) + 6, 26);
        var text = new StyledText(clause.Runs);
        var lines = Wrap(text, _page.ContentWidth - numberWidth, size);
        var lineHeight = LineHeight(size);
        for (var i = 0; i < lines.Count; i++)
        {
            cursor.Ensure(lineHeight);
            var baseline = Baseline(cursor.Y, size);
            if (i == 0)
            {
                cursor.Page.Ops.Add(new TextOp(_page.MarginLeft, baseline, clause.Number, false, size));
            }

            EmitLine(cursor.Page, text, lines[i], _page.MarginLeft + numberWidth, baseline, size, 0xFF1A1A1A);
            cursor.Y += lineHeight;
        }

        cursor.Y += 3;
    }

    private void PlaceKeyValues(LayoutCursor cursor, KeyValueBlock block)
    {
        var size = _page.Body;
        var keyWidth = _page.ContentWidth * 0.27f;
        var lineHeight = LineHeight(size);
        foreach (var item in block.Items)
        {
            var key = new StyledText(item.Key, true);
            var value = new StyledText(item.Value, false);
            var keyLines = Wrap(key, keyWidth - 8, size);
            var valueLines = Wrap(value, _page.ContentWidth - keyWidth, size);
            cursor.Ensure(Math.Max(keyLines.Count, valueLines.Count) * lineHeight);
            var top = cursor.Y;
            PlaceLines(cursor.Page, key, keyLines, _page.MarginLeft, keyWidth - 8, top, size, Align.Left, Grey);
            PlaceLines(cursor.Page, value, valueLines, _page.MarginLeft + keyWidth, _page.ContentWidth - keyWidth, top, size, Align.Left, 0xFF1A1A1A);
            cursor.Y = top + Math.Max(keyLines.Count, valueLines.Count) * lineHeight + 1;
        }

        cursor.Y += 4;
    }

    private void PlaceSignatures(LayoutCursor cursor, SignatureBlock block)
    {
        if (block.Parties.Count == 0)
        {
            return;
        }

        const float gap = 24f;
        var size = _page.Body;
        var lineHeight = LineHeight(size);
        var columnWidth = (_page.ContentWidth - gap * (block.Parties.Count - 1)) / block.Parties.Count;
        var top = cursor.Y + 10;
        var tallest = 0f;
        for (var p = 0; p < block.Parties.Count; p++)
        {
            var party = block.Parties[p];
            var x = _page.MarginLeft + p * (columnWidth + gap);
            var y = top;
            y = PlaceFree(cursor.Page, new StyledText(party.Role, true), x, columnWidth - 70, y, size);
            y = PlaceFree(cursor.Page, new StyledText(party.Name, false), x, columnWidth - 70, y, size);
            y += lineHeight * 0.6f;
            foreach (var line in party.Lines)
            {
                y = PlaceFree(cursor.Page, new StyledText(line, false), x, columnWidth, y, size);
                y += lineHeight * 0.9f;
            }

            // The seal goes over the party's name: a faint circle marks the place.
            cursor.Page.Ops.Add(new CircleOp(x + columnWidth - 36, top + 34, 32, 0xFFC8A0A0));
            tallest = Math.Max(tallest, Math.Max(y, top + 70) - top);
        }

        cursor.Y = top + tallest + 6;
    }

    private float PlaceFree(LaidOutPage page, StyledText text, float x, float width, float y, float size)
    {
        var lines = Wrap(text, width, size);
        PlaceLines(page, text, lines, x, width, y, size, Align.Left, 0xFF1A1A1A);
        return y + lines.Count * LineHeight(size);
    }

    internal void PlaceText(LayoutCursor cursor, StyledText text, float x, float width, float size, Align align)
    {
        var lineHeight = LineHeight(size);
        foreach (var line in Wrap(text, width, size))
        {
            cursor.Ensure(lineHeight);
            EmitLine(cursor.Page, text, line, x + Offset(text, line, width, size, align), Baseline(cursor.Y, size), size, 0xFF1A1A1A);
            cursor.Y += lineHeight;
        }
    }

    internal void PlaceLines(LaidOutPage page, StyledText text, List<(int Start, int End)> lines, float x, float width, float top, float size, Align align, uint color, float? lineHeight = null)
    {
        var step = lineHeight ?? LineHeight(size);
        for (var i = 0; i < lines.Count; i++)
        {
            EmitLine(page, text, lines[i], x + Offset(text, lines[i], width, size, align), Baseline(top + i * step, size, step), size, color);
        }
    }

    private float Offset(StyledText text, (int Start, int End) line, float width, float size, Align align) => align switch
    {
        Align.Center => (width - Width(text, line, size)) / 2,
        Align.Right => width - Width(text, line, size),
        _ => 0,
    };

    internal float LineHeight(float size) => size * _page.Leading;

    internal float Baseline(float top, float size, float? lineHeight = null) =>
        top + ((lineHeight ?? LineHeight(size)) - size) / 2 + size * 0.86f;

    internal List<(int Start, int End)> Wrap(StyledText text, float width, float size) =>
        LineBreaking.Break(text.Text, width, i => Advance(text, i) * size);

    internal float Width(string text, bool bold, float size)
    {
        var styled = new StyledText(text, bold);
        return Width(styled, (0, text.Length), size);
    }

    private float Width(StyledText text, (int Start, int End) line, float size)
    {
        var width = 0f;
        for (var i = line.Start; i < line.End; i++)
        {
            width += Advance(text, i);
        }

        return width * size;
    }

    private float Advance(StyledText text, int i)
    {
        var c = text.Text[i];
        if (char.IsLowSurrogate(c))
        {
            return 0;
        }

        var codePoint = char.IsHighSurrogate(c) && i + 1 < text.Text.Length ? char.ConvertToUtf32(c, text.Text[i + 1]) : c;
        return fonts.Advance(codePoint, text.Bold[i]);
    }

    /// <summary>One text op per stretch of the same style.</summary>
    internal void EmitLine(LaidOutPage page, StyledText text, (int Start, int End) line, float x, float baseline, float size, uint color)
    {
        var start = line.Start;
        while (start < line.End)
        {
            var end = start + 1;
            while (end < line.End && text.Bold[end] == text.Bold[start])
            {
                end++;
            }

            var piece = text.Text[start..end];
            page.Ops.Add(new TextOp(x, baseline, piece, text.Bold[start], size, color));
            x += Width(text, (start, end), size);
            start = end;
        }
    }

    private void AddFurniture(List<LaidOutPage> pages, PageFurniture furniture)
    {
        var size = _page.Small;
        for (var i = 0; i < pages.Count; i++)
        {
            var ops = pages[i].Ops;
            var headerY = _page.MarginTop - 26;
            if (furniture.Header.Length > 0)
            {
                ops.Add(new TextOp(_page.MarginLeft, headerY, furniture.Header, false, size, Grey));
                ops.Add(new LineOp(_page.MarginLeft, headerY + 6, _page.Width - _page.MarginRight, headerY + 6, 0.4f, 0xFFB0B0B0));
            }

            var footer = furniture.Footer(i + 1, pages.Count);
            var footerX = (_page.Width - Width(footer, false, size)) / 2;
            ops.Add(new TextOp(footerX, _page.Height - _page.MarginBottom + 34, footer, false, size, Grey));
        }
    }

    /// <summary>Fills for the table layout.</summary>
    internal static uint HeaderBackground => HeaderFill;

    internal static uint MarkedBackground => MarkedFill;
}
