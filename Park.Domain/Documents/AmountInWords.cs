using System.Text;
using Park.Domain.Data;

namespace Park.Domain.Documents;

/// <summary>
/// Amounts in Chinese capital numerals (大写) as contracts and invoices print them (DOMAIN.md §1):
/// "人民币" prefix; an amount ending at 元 or 角 ends with "整"; none after 分.
/// 10,005.05 → 人民币壹万零伍元零伍分; 100,000,000.00 → 人民币壹亿元整.
/// </summary>
public static class AmountInWords
{
    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] SmallUnits = ["", "拾", "佰", "仟"];
    private static readonly string[] GroupUnits = ["", "万", "亿", "万亿"];

    public static string Chinese(Money amount)
    {
        if (amount.Fen < 0)
        {
            return "人民币负" + Chinese(-amount)["人民币".Length..];
        }

        var yuan = amount.Fen / 100;
        var jiao = (int)(amount.Fen / 10 % 10);
        var fen = (int)(amount.Fen % 10);
        var text = new StringBuilder("人民币");
        if (yuan > 0)
        {
            text.Append(Integer(yuan)).Append('元');
        }

        if (jiao == 0 && fen == 0)
        {
            return (yuan == 0 ? "人民币零元" : text.ToString()) + "整";
        }

        if (jiao > 0)
        {
            text.Append(Digits[jiao]).Append('角');
        }
        else if (yuan > 0)
        {
            text.Append('零'); // 壹元零伍分: the empty 角 is read as 零
        }

        if (fen > 0)
        {
            text.Append(Digits[fen]).Append('分');
        }
        else
        {
            text.Append('整');
        }

        return text.ToString();
    }

    /// <summary>A whole number in capital numerals: 10005 → 壹万零伍, 100000000 → 壹亿.</summary>
    public static string Integer(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 9_999_999_999_999_999L);
        if (value == 0)
        {
            return "零";
        }

        var groups = new List<int>();
        for (var v = value; v > 0; v /= 10000)
        {
            groups.Add((int)(v % 10000));
        }

        var text = new StringBuilder();
        var pendingZero = false;
        for (var g = groups.Count - 1; g >= 0; g--)
        {
            var group = groups[g];
            if (group == 0)
            {
                pendingZero = text.Length > 0;
                continue;
            }

            // A gap inside the number (a zero group, or a group below 1000 after a higher one) reads as one 零.
            if (text.Length > 0 && (pendingZero || group < 1000))
            {
                text.Append('零');
            }

            text.Append(Group(group)).Append(GroupUnits[g]);
            pendingZero = false;
        }

        return text.ToString();
    }

    private static string Group(int group)
    {
        var text = new StringBuilder();
        var zero = false;
        var started = false;
        for (var position = 3; position >= 0; position--)
        {
            var digit = group / (int)Math.Pow(10, position) % 10;
            if (digit == 0)
            {
                zero = started;
                continue;
            }

            if (zero)
            {
                text.Append('零');
                zero = false;
            }

            text.Append(Digits[digit]).Append(SmallUnits[position]);
            started = true;
        }

        return text.ToString();
    }
}
