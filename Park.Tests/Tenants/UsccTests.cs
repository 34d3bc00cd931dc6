using Park.Domain.Tenants;

namespace Park.Tests.Tenants;

public sealed class UsccTests
{
    [Theory]
    // Published sample codes in the GB 32100-2015 format (check character per the standard's weights).
    [InlineData("91350100M000100Y43")]
    [InlineData("91330105321056718H")]
    public void IsValid_AcceptsRealFormatCodes(string code) => Assert.True(Uscc.IsValid(code), Uscc.Check(code));

    [Theory]
    [InlineData("", "UsccRequired")]
    [InlineData("91350100M000100Y4", "UsccLength")]
    [InlineData("91350100M000100Y433", "UsccLength")]
    [InlineData("91350100M000100Y4I", "UsccCharacters")]
    [InlineData("91350100m000100Y43", "UsccCharacters")]
    [InlineData("913501A0M000100Y43", "UsccDivision")]
    [InlineData("91350100M000100Y44", "UsccCheck")]
    [InlineData("91350100M000100X43", "UsccCheck")]
    public void Check_NamesWhatIsWrong(string code, string expected) => Assert.Equal(expected, Uscc.Check(code));

    [Fact]
    public void ForCompany_ProducesValidCodes_ForManyBases()
    {
        for (var org = 10_000_000; org < 10_000_000 + 5_000; org += 7)
        {
            var code = Uscc.ForCompany("330106", org);
            Assert.True(Uscc.IsValid(code), code);
        }
    }

    [Fact]
    public void AnySingleCharacterTypo_IsCaught()
    {
        const string code = "91350100M000100Y43";
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (var i = 0; i < 17; i++)
        {
            foreach (var c in alphabet.Where(c => c != code[i]))
            {
                var typo = code[..i] + c + code[(i + 1)..];
                if (i is >= 2 and < 8 && !char.IsAsciiDigit(c))
                {
                    continue; // caught as a division-code error instead
                }

                Assert.False(Uscc.IsValid(typo), typo);
            }
        }
    }
}
