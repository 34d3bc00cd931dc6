using UglyToad.PdfPig;

namespace Park.Tests.Contracts;

/// <summary>Text of a PDF as PdfPig extracts it, page by page.</summary>
public static class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))).ToArray();
    }

    public static string All(byte[] pdf) => string.Concat(Pages(pdf));

    private static readonly Lazy<Park.Web.Documents.PdfFonts> SharedFonts = new(() => new(new Park.Web.Documents.FontOptions()));

    public static Park.Web.Documents.PdfFonts Fonts => SharedFonts.Value;
}
