using System.Text;
using Park.Domain.Documents;
using SkiaSharp;

namespace Park.Web.Documents;

/// <summary>
/// Draws laid-out pages with SkiaSharp's PDF backend. Text is drawn as glyph runs that carry their
/// UTF-8 text and clusters, with faces whose cmap prefers ideographs over their Kangxi radical twins
/// (<see cref="ExtractableFont"/>), so the PDF's ToUnicode map and plain extraction give 方 月 页,
/// not ⽅ ⽉ ⾴.
/// </summary>
public sealed class PdfRenderer(PdfFonts fonts) : IDocumentPrinter
{
    public PrintedDocument Print(Document document, DateTimeOffset createdAt) => Render(document, createdAt);

    public PrintedDocument Render(Document document, DateTimeOffset createdAt, PageSetup? setup = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var layout = new DocumentLayout(fonts, setup);
        var pages = layout.Layout(document);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = document.Metadata.Title,
            Author = document.Metadata.Author,
            Subject = document.Metadata.Subject,
            Keywords = document.Metadata.Keywords,
            Creator = "Park",
            Producer = "Park (SkiaSharp)",
            Creation = createdAt.UtcDateTime,
            Modified = createdAt.UtcDateTime,
        };
        // Skia's own memory stream: a managed Stream would be called back for every small write.
        using var stream = new SKDynamicMemoryWStream();
        using (var pdf = SKDocument.CreatePdf(stream, metadata))
        {
            using var painter = new Painter(fonts);
            foreach (var page in pages)
            {
                var canvas = pdf.BeginPage(layout.Page.Width, layout.Page.Height);
                painter.Draw(canvas, page);
                pdf.EndPage();
            }

            pdf.Close();
        }

        using var data = stream.DetachAsData();
        return new PrintedDocument(data.ToArray(), pages.Count);
    }

    private sealed class Painter(PdfFonts fonts) : IDisposable
    {
        private readonly Dictionary<(bool Bold, float Size), SKFont> _fonts = [];
        private readonly SKFont _lookupRegular = fonts.CreateFont(false, 12);
        private readonly SKFont _lookupBold = fonts.CreateFont(true, 12);
        private readonly SKPaint _fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
        private readonly SKPaint _stroke = new() { IsAntialias = true, Style = SKPaintStyle.Stroke };

        public void Draw(SKCanvas canvas, LaidOutPage page)
        {
            // Fills first so rules and text stay on top of shaded rows.
            foreach (var op in page.Ops.OfType<RectOp>())
            {
                _fill.Color = new SKColor(op.Color);
                canvas.DrawRect(op.X, op.Y, op.Width, op.Height, _fill);
            }

            foreach (var op in page.Ops)
            {
                switch (op)
                {
                    case LineOp line:
                        _stroke.Color = new SKColor(line.Color);
                        _stroke.StrokeWidth = line.Width;
                        canvas.DrawLine(line.X1, line.Y1, line.X2, line.Y2, _stroke);
                        break;
                    case CircleOp circle:
                        _stroke.Color = new SKColor(circle.Color);
                        _stroke.StrokeWidth = 0.8f;
                        canvas.DrawCircle(circle.X, circle.Y, circle.Radius, _stroke);
                        break;
                }
            }

            // All text of one colour goes out as one blob of runs: one draw call per colour and page
            // instead of one per table cell.
            foreach (var group in page.Ops.OfType<TextOp>().Where(t => t.Text.Length > 0).GroupBy(t => t.Color))
            {
                using var builder = new SKTextBlobBuilder();
                foreach (var op in group)
                {
                    AddRun(builder, op);
                }

                using var blob = builder.Build();
                if (blob is not null)
                {
                    _fill.Color = new SKColor(group.Key);
                    canvas.DrawText(blob, 0, 0, _fill);
                }
            }
        }

        /// <summary>
        /// A glyph run that carries its UTF-8 text and clusters. Glyph ids come from the original face
        /// (every code point, radicals included); the run is drawn with the face whose cmap names each
        /// glyph by its ideograph, so the PDF's ToUnicode map gives the original characters.
        /// </summary>
        private void AddRun(SKTextBlobBuilder builder, TextOp op)
        {
            var glyphs = (op.Bold ? _lookupBold : _lookupRegular).GetGlyphs(op.Text);
            var utf8 = Encoding.UTF8.GetBytes(op.Text);
            var run = builder.AllocateTextRun(Font(op.Bold, op.Size), glyphs.Length, op.X, op.Y, utf8.Length);
            run.SetGlyphs(glyphs);
            run.SetText(utf8);
            run.SetClusters(Clusters(op.Text, glyphs.Length));
        }

        /// <summary>For each glyph (one per code point), the UTF-8 byte offset of its character.</summary>
        private static uint[] Clusters(string text, int glyphCount)
        {
            var clusters = new uint[glyphCount];
            var glyph = 0;
            var offset = 0;
            for (var i = 0; i < text.Length && glyph < glyphCount; i++)
            {
                if (char.IsLowSurrogate(text[i]))
                {
                    continue;
                }

                clusters[glyph++] = (uint)offset;
                var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length;
                offset += Encoding.UTF8.GetByteCount(text.AsSpan(i, pair ? 2 : 1));
            }

            return clusters;
        }

        private SKFont Font(bool bold, float size)
        {
            if (!_fonts.TryGetValue((bold, size), out var font))
            {
                font = fonts.CreatePdfFont(bold, size);
                _fonts[(bold, size)] = font;
            }

            return font;
        }

        public void Dispose()
        {
            foreach (var font in _fonts.Values)
            {
                font.Dispose();
            }

            _lookupRegular.Dispose();
            _lookupBold.Dispose();
            _fill.Dispose();
            _stroke.Dispose();
        }
    }
}
