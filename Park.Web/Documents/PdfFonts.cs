using System.Collections.Concurrent;
using SkiaSharp;

namespace Park.Web.Documents;

/// <summary>The font files, from <c>Park:Fonts:*</c>; the defaults are Debian's fonts-noto-cjk.</summary>
public sealed class FontOptions
{
    public const string RegularSetting = "Park:Fonts:Regular";
    public const string BoldSetting = "Park:Fonts:Bold";

    public string Regular { get; set; } = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    public string Bold { get; set; } = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";

    /// <summary>The face inside a .ttc collection: 2 is Noto Sans CJK SC.</summary>
    public int FaceIndex { get; set; } = 2;
}

/// <summary>A configured font file is missing or unreadable; the message names the setting.</summary>
public sealed class FontUnavailableException(string setting, string path, string reason)
    : Exception($"The PDF font configured as {setting} cannot be used: {reason} ({(path.Length == 0 ? "empty path" : path)}). " +
                $"Install fonts-noto-cjk or set {setting} to a CJK font file.")
{
    public string Setting { get; } = setting;
}

/// <summary>
/// The two typefaces documents are drawn with, loaded once and checked at start-up: a missing file
/// is an error naming the setting, never boxes in a PDF. Character widths are cached (per em).
/// </summary>
public sealed class PdfFonts : IDisposable
{
    private const float MeasureSize = 1000f;
    private readonly ConcurrentDictionary<int, float> _regularWidths = new();
    private readonly ConcurrentDictionary<int, float> _boldWidths = new();

    public PdfFonts(FontOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Regular = Load(FontOptions.RegularSetting, options.Regular, options.FaceIndex);
        Bold = Load(FontOptions.BoldSetting, options.Bold, options.FaceIndex);
        RegularForPdf = Extractable(options.Regular, options.FaceIndex) ?? Regular;
        BoldForPdf = Extractable(options.Bold, options.FaceIndex) ?? Bold;
    }

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    public SKTypeface Face(bool bold) => bold ? Bold : Regular;

    /// <summary>
    /// The faces glyphs are drawn with: the same glyphs, but a character map that names each glyph
    /// by its ideograph rather than a Kangxi radical twin (see <see cref="ExtractableFont"/>), so the
    /// PDF's ToUnicode map, and plain text extraction, give the original characters.
    /// </summary>
    public SKTypeface RegularForPdf { get; }

    public SKTypeface BoldForPdf { get; }

    /// <summary>A font for drawing glyph ids found with <see cref="CreateFont"/> (same glyph ids and metrics).</summary>
    public SKFont CreatePdfFont(bool bold, float size) => Configure(new SKFont(bold ? BoldForPdf : RegularForPdf, size));

    /// <summary>Advance of one code point at 1 pt.</summary>
    public float Advance(int codePoint, bool bold)
    {
        var cache = bold ? _boldWidths : _regularWidths;
        if (cache.TryGetValue(codePoint, out var width))
        {
            return width;
        }

        using var font = CreateFont(bold, MeasureSize);
        width = font.MeasureText(char.ConvertFromUtf32(codePoint)) / MeasureSize;
        cache[codePoint] = width;
        return width;
    }

    public SKFont CreateFont(bool bold, float size) => Configure(new SKFont(Face(bold), size));

    private static SKFont Configure(SKFont font)
    {
        font.Subpixel = true;
        font.LinearMetrics = true;
        font.Hinting = SKFontHinting.None;
        font.Edging = SKFontEdging.Antialias;
        return font;
    }

    private static SKTypeface? Extractable(string path, int index)
    {
        var image = ExtractableFont.Build(File.ReadAllBytes(path), index);
        if (image is null)
        {
            return null;
        }

        using var data = SKData.CreateCopy(image);
        return SKTypeface.FromData(data);
    }

    private static SKTypeface Load(string setting, string path, int index)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new FontUnavailableException(setting, path ?? "", "the file does not exist");
        }

        var face = SKTypeface.FromFile(path, index) ?? SKTypeface.FromFile(path, 0)
            ?? throw new FontUnavailableException(setting, path, "the file is not a font SkiaSharp can read");
        using var probe = new SKFont(face, 12);
        if (probe.GetGlyph('页') == 0 || probe.GetGlyph('A') == 0)
        {
            face.Dispose();
            throw new FontUnavailableException(setting, path, "the font has no Chinese glyphs");
        }

        return face;
    }

    public void Dispose()
    {
        if (!ReferenceEquals(RegularForPdf, Regular))
        {
            RegularForPdf.Dispose();
        }

        if (!ReferenceEquals(BoldForPdf, Bold))
        {
            BoldForPdf.Dispose();
        }

        Regular.Dispose();
        Bold.Dispose();
    }
}
