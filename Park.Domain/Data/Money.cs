using System.Globalization;

namespace Park.Domain.Data;

/// <summary>
/// An amount of renminbi in integer fen (分). All arithmetic stays in fen; conversion from
/// decimal rounds half away from zero (四舍五入), never banker's rounding.
/// </summary>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    public static Money FromYuan(decimal yuan) =>
        new((long)Math.Round(yuan * 100m, 0, MidpointRounding.AwayFromZero));

    public decimal Yuan => Fen / 100m;

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));

    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));

    public static Money operator -(Money a) => new(checked(-a.Fen));

    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;

    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;

    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;

    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    /// <summary>Multiplies by a decimal factor and rounds half away from zero to the fen.</summary>
    public Money Times(decimal factor) =>
        new((long)Math.Round(Fen * factor, 0, MidpointRounding.AwayFromZero));

    /// <summary>
    /// Splits the amount into parts proportional to <paramref name="weights"/>, handing out the
    /// leftover fen by largest remainder so the parts always sum exactly to the amount.
    /// </summary>
    public IReadOnlyList<Money> Allocate(IReadOnlyList<long> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0 || weights.Any(w => w < 0) || weights.Sum() == 0)
        {
            throw new ArgumentException("Weights must be non-negative and not all zero.", nameof(weights));
        }

        var total = weights.Sum();
        var parts = new long[weights.Count];
        var remainders = new (decimal Remainder, int Index)[weights.Count];
        long handedOut = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = (decimal)Fen * weights[i] / total;
            parts[i] = (long)Math.Truncate(exact);
            remainders[i] = (Math.Abs(exact - parts[i]), i);
            handedOut += parts[i];
        }

        var leftover = Fen - handedOut;
        var step = Math.Sign(leftover);
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index))
        {
            if (leftover == 0)
            {
                break;
            }

            parts[index] += step;
            leftover -= step;
        }

        return parts.Select(p => new Money(p)).ToArray();
    }

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <summary>¥1,234.50 — the same in both languages; negative amounts as -¥1,234.50.</summary>
    public override string ToString()
    {
        var abs = Math.Abs((decimal)Fen) / 100m;
        var text = abs.ToString("#,##0.00", CultureInfo.InvariantCulture);
        return Fen < 0 ? $"-¥{text}" : $"¥{text}";
    }
}
