using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Park.Tests.Contracts;

/// <summary>
/// Text of a PDF as PdfPig extracts it, page by page, honouring /ActualText marked content as
/// conforming extractors (pdftotext, PDFium, Acrobat) do: Skia writes the run's original text there
/// for glyphs the font shares between a Kangxi radical and its ideograph (⽅/方).
/// </summary>
public static class PdfText
{
    private static readonly Lazy<Park.Web.Documents.PdfFonts> SharedFonts = new(() => new(new Park.Web.Documents.FontOptions()));

    public static Park.Web.Documents.PdfFonts Fonts => SharedFonts.Value;

    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(PageText).ToArray();
    }

    public static string All(byte[] pdf) => string.Concat(Pages(pdf));

    private static string PageText(Page page)
    {
        var replaced = new Dictionary<(double, double), string>();
        var skipped = new HashSet<(double, double)>();
        foreach (var content in Flatten(page.GetMarkedContents()))
        {
            if (content.ActualText is null || content.Letters.Count == 0)
            {
                continue;
            }

            replaced[Key(content.Letters[0])] = content.ActualText;
            foreach (var letter in content.Letters.Skip(1))
            {
                skipped.Add(Key(letter));
            }
        }

        var text = new System.Text.StringBuilder();
        foreach (var letter in page.Letters)
        {
            var key = Key(letter);
            if (replaced.TryGetValue(key, out var actual))
            {
                text.Append(actual);
            }
            else if (!skipped.Contains(key))
            {
                text.Append(letter.Value);
            }
        }

        return text.ToString();
    }

    private static (double, double) Key(Letter letter) => (Math.Round(letter.StartBaseLine.X, 2), Math.Round(letter.StartBaseLine.Y, 2));

    private static IEnumerable<UglyToad.PdfPig.Content.MarkedContentElement> Flatten(IEnumerable<UglyToad.PdfPig.Content.MarkedContentElement> items)
    {
        foreach (var item in items)
        {
            yield return item;
            foreach (var child in Flatten(item.Children))
            {
                yield return child;
            }
        }
    }
}
