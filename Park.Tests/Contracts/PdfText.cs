using UglyToad.PdfPig;

namespace Park.Tests.Contracts;

/// <summary>
/// Text of a PDF exactly as PdfPig's letters give it (<c>page.Text</c>): the ToUnicode map alone,
/// no /ActualText, so a glyph named by a Kangxi radical (⽅ for 方) shows up as one.
/// </summary>
public static class PdfText
{
    private static readonly Lazy<Park.Web.Documents.PdfFonts> SharedFonts = new(() => new(new Park.Web.Documents.FontOptions()));

    public static Park.Web.Documents.PdfFonts Fonts => SharedFonts.Value;

    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => p.Text).ToArray();
    }

    public static string All(byte[] pdf) => string.Concat(Pages(pdf));
}
