using System.Buffers.Binary;

namespace Park.Web.Documents;

/// <summary>
/// Makes a copy of an OpenType face whose character map gives every glyph the character readers
/// expect back. Skia writes a PDF font's ToUnicode map from the font's cmap, taking for each glyph
/// the LOWEST code point that maps to it; Noto CJK maps a Kangxi radical and its ideograph (⽅ U+2F45
/// and 方 U+65B9) to one glyph, so extraction gave radicals. The copy drops such "twin" code points
/// (radicals, strokes, compatibility ideographs) from the cmap when the same glyph also has a
/// mainstream code point; glyph ids, outlines and metrics are untouched (the other tables are copied
/// byte for byte), so layout and drawing still look up glyphs in the original face.
/// </summary>
public static class ExtractableFont
{
    /// <summary>An .otf/.ttf image of face <paramref name="faceIndex"/> of <paramref name="file"/> with the fixed cmap, or null when the face has no Unicode cmap to fix.</summary>
    public static byte[]? Build(byte[] file, int faceIndex)
    {
        ArgumentNullException.ThrowIfNull(file);
        var span = file.AsSpan();
        var faceOffset = 0;
        if (Tag(span, 0) == "ttcf")
        {
            var faces = (int)U32(span, 8);
            if (faceIndex < 0 || faceIndex >= faces)
            {
                faceIndex = 0;
            }

            faceOffset = (int)U32(span, 12 + 4 * faceIndex);
        }

        var version = U32(span, faceOffset);
        var count = U16(span, faceOffset + 4);
        var tables = new List<(string Tag, int Offset, int Length)>();
        for (var i = 0; i < count; i++)
        {
            var record = faceOffset + 12 + 16 * i;
            tables.Add((Tag(span, record), (int)U32(span, record + 8), (int)U32(span, record + 12)));
        }

        var cmap = tables.FirstOrDefault(t => t.Tag == "cmap");
        if (cmap.Tag is null)
        {
            return null;
        }

        var map = ReadUnicodeMap(span.Slice(cmap.Offset, cmap.Length));
        if (map is null || map.Count == 0)
        {
            return null;
        }

        var newCmap = WriteCmap(Preferred(map));
        return WriteFont(span, version, tables, newCmap);
    }

    /// <summary>Mainstream code points: these win a glyph shared with a radical, stroke or compatibility twin.</summary>
    public static bool IsTwin(int codePoint) => codePoint is
        >= 0x2E80 and <= 0x2FDF      // CJK radicals supplement, Kangxi radicals
        or >= 0x31C0 and <= 0x31EF   // CJK strokes
        or >= 0xF900 and <= 0xFAFF   // CJK compatibility ideographs
        or >= 0x2F800 and <= 0x2FA1F; // CJK compatibility ideographs supplement

    /// <summary>Drops twin code points whose glyph also has a non-twin code point.</summary>
    public static SortedDictionary<int, ushort> Preferred(SortedDictionary<int, ushort> map)
    {
        var mainstream = new HashSet<ushort>();
        foreach (var (codePoint, glyph) in map)
        {
            if (!IsTwin(codePoint))
            {
                mainstream.Add(glyph);
            }
        }

        var kept = new SortedDictionary<int, ushort>();
        foreach (var (codePoint, glyph) in map)
        {
            if (!IsTwin(codePoint) || !mainstream.Contains(glyph))
            {
                kept[codePoint] = glyph;
            }
        }

        return kept;
    }

    private static SortedDictionary<int, ushort>? ReadUnicodeMap(ReadOnlySpan<byte> cmap)
    {
        var count = U16(cmap, 2);
        int? format12 = null;
        int? format4 = null;
        for (var i = 0; i < count; i++)
        {
            var platform = U16(cmap, 4 + 8 * i);
            var encoding = U16(cmap, 6 + 8 * i);
            var offset = (int)U32(cmap, 8 + 8 * i);
            var format = U16(cmap, offset);
            if (format == 12 && (platform == 3 && encoding == 10 || platform == 0 && encoding is 4 or 6))
            {
                format12 ??= offset;
            }
            else if (format == 4 && (platform == 3 && encoding == 1 || platform == 0 && encoding <= 3))
            {
                format4 ??= offset;
            }
        }

        var map = new SortedDictionary<int, ushort>();
        if (format12 is { } o12)
        {
            var groups = (int)U32(cmap, o12 + 12);
            for (var g = 0; g < groups; g++)
            {
                var at = o12 + 16 + 12 * g;
                var start = (int)U32(cmap, at);
                var end = (int)U32(cmap, at + 4);
                var glyph = U32(cmap, at + 8);
                for (var c = start; c <= end; c++)
                {
                    var id = (ushort)(glyph + (uint)(c - start));
                    if (id != 0)
                    {
                        map[c] = id;
                    }
                }
            }

            return map;
        }

        if (format4 is not { } o4)
        {
            return null;
        }

        var segments = U16(cmap, o4 + 6) / 2;
        var ends = o4 + 14;
        var starts = ends + 2 * segments + 2;
        var deltas = starts + 2 * segments;
        var rangeOffsets = deltas + 2 * segments;
        for (var s = 0; s < segments; s++)
        {
            int end = U16(cmap, ends + 2 * s);
            int start = U16(cmap, starts + 2 * s);
            var delta = (short)U16(cmap, deltas + 2 * s);
            int rangeOffset = U16(cmap, rangeOffsets + 2 * s);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var at = rangeOffsets + 2 * s + rangeOffset + 2 * (c - start);
                    glyph = U16(cmap, at);
                    if (glyph != 0)
                    {
                        glyph = (glyph + delta) & 0xFFFF;
                    }
                }

                if (glyph != 0)
                {
                    map[c] = (ushort)glyph;
                }
            }
        }

        return map;
    }

    /// <summary>A cmap with one format 12 subtable, referenced as (3,10) and (0,4).</summary>
    private static byte[] WriteCmap(SortedDictionary<int, ushort> map)
    {
        var groups = new List<(int Start, int End, int Glyph)>();
        foreach (var (codePoint, glyph) in map)
        {
            if (groups.Count > 0)
            {
                var last = groups[^1];
                if (codePoint == last.End + 1 && glyph == last.Glyph + (codePoint - last.Start))
                {
                    groups[^1] = last with { End = codePoint };
                    continue;
                }
            }

            groups.Add((codePoint, codePoint, glyph));
        }

        const int header = 4 + 2 * 8;
        var subtableLength = 16 + 12 * groups.Count;
        var bytes = new byte[header + subtableLength];
        var span = bytes.AsSpan();
        Put16(span, 0, 0);
        Put16(span, 2, 2);
        Put16(span, 4, 0);
        Put16(span, 6, 4);
        Put32(span, 8, header);
        Put16(span, 12, 3);
        Put16(span, 14, 10);
        Put32(span, 16, header);
        var at = header;
        Put16(span, at, 12);
        Put32(span, at + 4, (uint)subtableLength);
        Put32(span, at + 12, (uint)groups.Count);
        at += 16;
        foreach (var (start, end, glyph) in groups)
        {
            Put32(span, at, (uint)start);
            Put32(span, at + 4, (uint)end);
            Put32(span, at + 8, (uint)glyph);
            at += 12;
        }

        return bytes;
    }

    private static byte[] WriteFont(ReadOnlySpan<byte> file, uint version, List<(string Tag, int Offset, int Length)> tables, byte[] cmap)
    {
        var ordered = tables.OrderBy(t => t.Tag, StringComparer.Ordinal).ToList();
        var directory = 12 + 16 * ordered.Count;
        var size = directory;
        foreach (var table in ordered)
        {
            size += Pad(table.Tag == "cmap" ? cmap.Length : table.Length);
        }

        var output = new byte[size];
        var span = output.AsSpan();
        Put32(span, 0, version);
        var n = ordered.Count;
        var power = 1;
        var log = 0;
        while (power * 2 <= n)
        {
            power *= 2;
            log++;
        }

        Put16(span, 4, (ushort)n);
        Put16(span, 6, (ushort)(power * 16));
        Put16(span, 8, (ushort)log);
        Put16(span, 10, (ushort)(n * 16 - power * 16));
        var offset = directory;
        for (var i = 0; i < n; i++)
        {
            var (tag, from, length) = ordered[i];
            var data = tag == "cmap" ? cmap : file.Slice(from, length);
            data.CopyTo(span[offset..]);
            var record = 12 + 16 * i;
            for (var k = 0; k < 4; k++)
            {
                span[record + k] = (byte)tag[k];
            }

            Put32(span, record + 4, Checksum(span.Slice(offset, Pad(data.Length))));
            Put32(span, record + 8, (uint)offset);
            Put32(span, record + 12, (uint)data.Length);
            offset += Pad(data.Length);
        }

        return output;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 3 < data.Length; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
        }

        return sum;
    }

    private static int Pad(int length) => (length + 3) & ~3;

    private static string Tag(ReadOnlySpan<byte> s, int at) => string.Create(4, s.Slice(at, 4).ToArray(), (chars, b) =>
    {
        for (var i = 0; i < 4; i++)
        {
            chars[i] = (char)b[i];
        }
    });

    private static ushort U16(ReadOnlySpan<byte> s, int at) => BinaryPrimitives.ReadUInt16BigEndian(s[at..]);

    private static uint U32(ReadOnlySpan<byte> s, int at) => BinaryPrimitives.ReadUInt32BigEndian(s[at..]);

    private static void Put16(Span<byte> s, int at, ushort value) => BinaryPrimitives.WriteUInt16BigEndian(s[at..], value);

    private static void Put16(Span<byte> s, int at, int value) => Put16(s, at, (ushort)value);

    private static void Put32(Span<byte> s, int at, uint value) => BinaryPrimitives.WriteUInt32BigEndian(s[at..], value);

    private static void Put32(Span<byte> s, int at, int value) => Put32(s, at, (uint)value);
}
