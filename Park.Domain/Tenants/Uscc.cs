namespace Park.Domain.Tenants;

/// <summary>
/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
/// 31-character alphabet; the 18th is a check character over the first 17.
/// </summary>
public static class Uscc
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrgWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    public static bool IsValid(string? code) => Check(code) is null;

    /// <summary>Null when valid, otherwise a resource key saying what is wrong.</summary>
    public static string? Check(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return "UsccRequired";
        }

        if (code.Length != 18)
        {
            return "UsccLength";
        }

        if (code.Any(c => Alphabet.IndexOf(c, StringComparison.Ordinal) < 0))
        {
            return "UsccCharacters";
        }

        if (!code.AsSpan(2, 6).ToString().All(char.IsAsciiDigit))
        {
            return "UsccDivision";
        }

        return code[17] == CheckCharacter(code.AsSpan(0, 17)) ? null : "UsccCheck";
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Expected 17 characters.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a USCC character.", nameof(first17));
            }

            sum += value * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>
    /// Builds a valid code for a company: authority 9 (market regulation), type 1 (company), the
    /// 6-digit division code and an 8-digit organization base, with both check characters.
    /// </summary>
    public static string ForCompany(string divisionCode, int organizationBase)
    {
        if (divisionCode.Length != 6 || !divisionCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Division code must be 6 digits.", nameof(divisionCode));
        }

        var org = organizationBase.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var orgSum = 0;
        for (var i = 0; i < 8; i++)
        {
            orgSum += (org[i] - '0') * OrgWeights[i];
        }

        var orgCheck = 11 - (orgSum % 11);
        var orgCheckChar = orgCheck switch { 10 => 'X', 11 => '0', _ => (char)('0' + orgCheck) };
        var first17 = $"91{divisionCode}{org}{orgCheckChar}";
        return first17 + CheckCharacter(first17);
    }
}
