using Park.Domain.Documents;

namespace Park.Web.Documents;

/// <summary>
/// One table on the pages: rows are never split; when the next row does not fit, a new page
/// starts with the header row again. The totals row (bold) follows the last row.
/// </summary>
internal sealed class TableLayout(DocumentLayout layout, LayoutCursor cursor, Table table)
{
    private const float Padding = 3f;
    private const uint Rule = 0xFF9A9A9A;
    private readonly float _size = layout.Page.TableText;
    private readonly float[] _widths = Widths(layout.Page.ContentWidth, table.Columns);

    public void Place()
    {
        var header = Prepare(table.Columns.Select(c => c.Header).ToArray(), bold: true);
        var first = table.Rows.Count > 0 ? Prepare(table.Rows[0], bold: false) : header;
        cursor.Ensure(header.Height + first.Height);
        Draw(header, DocumentLayout.HeaderBackground, topRule: true);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = r == 0 ? first : Prepare(table.Rows[r], bold: false);
            NextRow(row, header);
            Draw(row, table.MarkedRows.Contains(r) ? DocumentLayout.MarkedBackground : null, topRule: false);
        }

        if (table.Totals is { } totals)
        {
            var row = Prepare(totals, bold: true);
            NextRow(row, header);
            Draw(row, DocumentLayout.HeaderBackground, topRule: false);
        }

        cursor.Y += 8;
    }

    private void NextRow(PreparedRow row, PreparedRow header)
    {
        if (!cursor.Fits(row.Height))
        {
            cursor.NewPage();
            Draw(header, DocumentLayout.HeaderBackground, topRule: true);
        }
    }

    private PreparedRow Prepare(IReadOnlyList<string> cells, bool bold)
    {
        var texts = new StyledText[_widths.Length];
        var lines = new List<(int Start, int End)>[_widths.Length];
        var most = 1;
        for (var c = 0; c < _widths.Length; c++)
        {
            texts[c] = new StyledText(c < cells.Count ? cells[c] : "", bold);
            lines[c] = layout.Wrap(texts[c], _widths[c] - 2 * Padding, _size);
            most = Math.Max(most, lines[c].Count);
        }

        return new PreparedRow(texts, lines, most * LineHeight + 2 * Padding);
    }

    private float LineHeight => _size * 1.4f;

    private void Draw(PreparedRow row, uint? fill, bool topRule)
    {
        var ops = cursor.Page.Ops;
        var left = layout.Page.MarginLeft;
        var right = left + layout.Page.ContentWidth;
        var top = cursor.Y;
        if (fill is { } color)
        {
            ops.Add(new RectOp(left, top, right - left, row.Height, color));
        }

        if (topRule)
        {
            ops.Add(new LineOp(left, top, right, top, 0.6f, Rule));
        }

        var x = left;
        for (var c = 0; c < _widths.Length; c++)
        {
            layout.PlaceLines(cursor.Page, row.Texts[c], row.Lines[c], x + Padding, _widths[c] - 2 * Padding, top + Padding,
                _size, table.Columns[c].Align, 0xFF1A1A1A, LineHeight);
            ops.Add(new LineOp(x, top, x, top + row.Height, 0.4f, Rule));
            x += _widths[c];
        }

        ops.Add(new LineOp(right, top, right, top + row.Height, 0.4f, Rule));
        ops.Add(new LineOp(left, top + row.Height, right, top + row.Height, 0.4f, Rule));
        cursor.Y += row.Height;
    }

    private static float[] Widths(float total, IReadOnlyList<TableColumn> columns)
    {
        var sum = columns.Sum(c => c.Width);
        return columns.Select(c => total * c.Width / sum).ToArray();
    }

    private sealed record PreparedRow(StyledText[] Texts, List<(int Start, int End)>[] Lines, float Height);
}
