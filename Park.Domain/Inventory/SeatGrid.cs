using System.Globalization;
using System.Text;
using Park.Domain.Data;

namespace Park.Domain.Inventory;

/// <summary>
/// Seat code patterns such as <c>{building}-{floor}F-{zone}-{n:000}</c>. Tokens: building, floor,
/// zone, n (running number), row, col (1-based); <c>:000</c> pads a number to that many digits.
/// </summary>
public static class SeatCodePattern
{
    public const string Default = "{building}-{floor}F-{zone}-{n:000}";

    private static readonly string[] Tokens = ["building", "floor", "zone", "n", "row", "col"];

    /// <summary>Checks the pattern; returns a problem code or null.</summary>
    public static Problem? Check(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Length > 60)
        {
            return Problem.Invalid("pattern", "PatternInvalid");
        }

        var used = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '}')
            {
                return Problem.Invalid("pattern", "PatternInvalid");
            }

            if (c != '{')
            {
                if (!IsCodeChar(c))
                {
                    return Problem.Invalid("pattern", "PatternInvalid");
                }

                i++;
                continue;
            }

            var close = pattern.IndexOf('}', i);
            if (close < 0)
            {
                return Problem.Invalid("pattern", "PatternInvalid");
            }

            var body = pattern[(i + 1)..close];
            var (name, format) = Split(body);
            if (!Tokens.Contains(name, StringComparer.Ordinal))
            {
                return Problem.Invalid("pattern", "PatternUnknownToken", name);
            }

            if (format is not null && (format.Length is 0 or > 6 || format.Any(f => f != '0') || name is "building" or "zone"))
            {
                return Problem.Invalid("pattern", "PatternInvalid");
            }

            used.Add(name);
            i = close + 1;
        }

        return used.Contains("n") || (used.Contains("row") && used.Contains("col"))
            ? null
            : Problem.Invalid("pattern", "PatternNeedsNumber");
    }

    /// <summary>Formats one code; call <see cref="Check"/> first.</summary>
    public static string Format(string pattern, string building, int floor, string zone, int n, int row, int column)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < pattern.Length)
        {
            if (pattern[i] != '{')
            {
                sb.Append(pattern[i++]);
                continue;
            }

            var close = pattern.IndexOf('}', i);
            var (name, format) = Split(pattern[(i + 1)..close]);
            sb.Append(name switch
            {
                "building" => building,
                "zone" => zone,
                "floor" => Number(floor, format),
                "n" => Number(n, format),
                "row" => Number(row, format),
                _ => Number(column, format),
            });
            i = close + 1;
        }

        return sb.ToString();
    }

    public static bool IsCodeChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/';

    private static (string Name, string? Format) Split(string body)
    {
        var colon = body.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (body.Trim(), null) : (body[..colon].Trim(), body[(colon + 1)..]);
    }

    private static string Number(int value, string? format) =>
        value.ToString(format is null ? "D" : "D" + format.Length.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

/// <summary>What a grid generation asks for: a rows × columns block of seats in one zone.</summary>
public sealed record GridSpec(
    string Pattern, int Rows, int Columns, int OriginX, int OriginY, int SpacingX, int SpacingY, int StartNumber = 1);

/// <summary>One seat of a generated grid.</summary>
public sealed record GridSeat(string Code, int Row, int Column, int X, int Y);

/// <summary>Generates a grid of seats: pure, so it is tested without a database.</summary>
public static class SeatGrid
{
    public const int MaxSeats = 2000;

    public static Result<IReadOnlyList<GridSeat>> Generate(GridSpec spec, string building, int floorLevel, string zone, int planWidth, int planHeight)
    {
        if (SeatCodePattern.Check(spec.Pattern) is { } patternProblem)
        {
            return patternProblem;
        }

        if (spec.Rows is < 1 or > 200 || spec.Columns is < 1 or > 200 || spec.Rows * spec.Columns > MaxSeats)
        {
            return Problem.Invalid("rows", "GridSizeInvalid", MaxSeats);
        }

        if (spec.SpacingX < 1 || spec.SpacingY < 1)
        {
            return Problem.Invalid("spacing", "GridSpacingInvalid");
        }

        if (spec.StartNumber is < 0 or > 999_999)
        {
            return Problem.Invalid("startNumber", "GridStartInvalid");
        }

        var lastX = (long)spec.OriginX + (long)(spec.Columns - 1) * spec.SpacingX;
        var lastY = (long)spec.OriginY + (long)(spec.Rows - 1) * spec.SpacingY;
        if (spec.OriginX < 0 || spec.OriginY < 0 || lastX > planWidth || lastY > planHeight)
        {
            return Problem.Invalid("origin", "GridOffPlan", planWidth, planHeight);
        }

        var seats = new List<GridSeat>(spec.Rows * spec.Columns);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var row = 0; row < spec.Rows; row++)
        {
            for (var column = 0; column < spec.Columns; column++)
            {
                var n = spec.StartNumber + row * spec.Columns + column;
                var code = SeatCodePattern.Format(spec.Pattern, building, floorLevel, zone, n, row + 1, column + 1);
                if (code.Length > 40)
                {
                    return Problem.Invalid("pattern", "SeatCodeInvalid", code);
                }

                if (!codes.Add(code))
                {
                    return Problem.Invalid("pattern", "GridDuplicateCode", code);
                }

                seats.Add(new GridSeat(code, row + 1, column + 1, spec.OriginX + column * spec.SpacingX, spec.OriginY + row * spec.SpacingY));
            }
        }

        return seats;
    }
}
