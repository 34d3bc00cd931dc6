using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Park.Domain.Access;

/// <summary>
/// Password rules after NIST SP 800-63B: 12 to 128 characters, no composition rules, and no common
/// password or the user's own name or e-mail in it. Length minimum is set in Identity's options.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<ParkUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    // The most common passwords that reach 12 characters (from public breach corpora).
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456789012", "1234567890123", "12345678901234", "qwertyuiop123", "qwertyuiopasdf", "password1234",
        "password12345", "password123456", "passwordpassword", "iloveyou1234", "abc123456789", "abcdefghijkl",
        "111111111111", "000000000000", "123123123123", "123456123456", "a1234567890b", "qwerty123456",
        "1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsxcde3", "woaini123456", "woaini1314520", "aaaaaaaaaaaa",
        "admin1234567", "administrator", "changeme1234", "welcome12345", "letmein12345", "p@ssw0rd1234",
        "P@ssword1234", "Passw0rd1234", "football1234", "sunshine1234", "princess1234", "computer1234",
        "internet1234", "superman1234", "1234qwerasdf", "asdfghjkl123", "zxcvbnm12345", "1234567890qw",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<ParkUser> manager, ParkUser user, string? password)
    {
        var errors = new List<IdentityError>();
        password ??= "";
        if (password.Length > MaxLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"At most {MaxLength} characters." });
        }

        if (Common.Contains(password) || password.Distinct().Count() <= 2)
        {
            errors.Add(new IdentityError { Code = "PasswordCommon", Description = "This password is too common." });
        }

        var ownNames = new[] { user.Email.Split('@')[0], user.DisplayName, user.UserName.Split('@')[0] }
            .Where(n => n.Length >= 4);
        if (ownNames.Any(n => password.Contains(n, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsName", Description = "The password must not contain your name or e-mail." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>A 16-character password from an alphabet without look-alike characters.</summary>
    public static string Generate()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        Span<char> chars = stackalloc char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        // Group for readability: xxxx-xxxx-xxxx-xxxx.
        return $"{chars[..4]}-{chars[4..8]}-{chars[8..12]}-{chars[12..]}";
    }
}
