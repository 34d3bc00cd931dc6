namespace Park.Web.Documents;

/// <summary>
/// Where a line may break, by the usual Chinese typesetting rules (禁则): closing punctuation never
/// starts a line, opening punctuation never ends one; Chinese characters break anywhere else; Latin
/// words and numbers wrap whole. Pure functions over text and a width per character, so they are
/// tested without fonts.
/// </summary>
public static class LineBreaking
{
    private const string Closing = "，。、；：？！）」』】》〉〕］｝”’%‰°·…—～,.;:?!)]}>，．％";
    private const string Opening = "（「『【《〈〔［｛“‘([{<¥$￥";

    public static bool IsClosing(char c) => Closing.Contains(c, StringComparison.Ordinal);

    public static bool IsOpening(char c) => Opening.Contains(c, StringComparison.Ordinal);

    /// <summary>Chinese, Japanese and full-width characters: each may stand at a line end.</summary>
    public static bool IsWide(char c) =>
        c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF' or >= '\u3000' and <= '\u303F';

    /// <summary>True when a line may end before <c>text[i]</c>.</summary>
    public static bool CanBreakBefore(string text, int i)
    {
        if (i <= 0 || i >= text.Length)
        {
            return false;
        }

        var c = text[i];
        var p = text[i - 1];
        if (char.IsLowSurrogate(c) || IsClosing(c) || IsOpening(p) || char.IsWhiteSpace(c))
        {
            return false;
        }

        return char.IsWhiteSpace(p) || IsWide(p) || IsWide(c) || IsOpening(c) || p == '/' || p == '-' && char.IsLetter(c);
    }

    /// <summary>
    /// Greedy line filling: the longest run up to a permitted break that fits <paramref name="maxWidth"/>.
    /// Spaces at a line's end are dropped. A single word wider than the line is cut where it must be.
    /// Hard line breaks ('\n') are honoured. Returns [start, end) ranges into <paramref name="text"/>.
    /// </summary>
    public static List<(int Start, int End)> Break(string text, float maxWidth, Func<int, float> advance)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(advance);
        var lines = new List<(int Start, int End)>();
        var start = 0;
        while (start <= text.Length)
        {
            var hard = text.IndexOf('\n', start);
            var end = hard < 0 ? text.Length : hard;
            BreakSegment(text, start, end, maxWidth, advance, lines);
            if (hard < 0)
            {
                break;
            }

            start = hard + 1;
        }

        return lines;
    }

    private static void BreakSegment(string text, int from, int to, float maxWidth, Func<int, float> advance, List<(int, int)> lines)
    {
        if (from >= to)
        {
            lines.Add((from, from));
            return;
        }

        var lineStart = from;
        var width = 0f;
        var lastBreak = -1;
        for (var i = from; i < to; i++)
        {
            if (i > lineStart && CanBreakBefore(text, i))
            {
                lastBreak = i;
            }

            var w = advance(i);
            if (width + w > maxWidth && i > lineStart && !char.IsWhiteSpace(text[i]))
            {
                var cut = lastBreak > lineStart ? lastBreak : ForcedCut(text, lineStart, i);
                lines.Add((lineStart, TrimEnd(text, lineStart, cut)));
                lineStart = SkipSpaces(text, cut, to);
                lastBreak = -1;
                width = 0f;
                for (var j = lineStart; j <= i; j++)
                {
                    width += advance(j);
                    if (j > lineStart && CanBreakBefore(text, j))
                    {
                        lastBreak = j;
                    }
                }

                i = Math.Max(i, lineStart - 1);
                continue;
            }

            width += w;
        }

        if (lineStart < to)
        {
            lines.Add((lineStart, TrimEnd(text, lineStart, to)));
        }
    }

    /// <summary>No permitted break fits: cut before <paramref name="i"/>, but never between a surrogate pair.</summary>
    private static int ForcedCut(string text, int lineStart, int i) =>
        char.IsLowSurrogate(text[i]) && i - 1 > lineStart ? i - 1 : i;

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static int SkipSpaces(string text, int i, int to)
    {
        while (i < to && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
