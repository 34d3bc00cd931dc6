using System.Net;
using System.Text.RegularExpressions;

namespace Park.Tests.Staffing;

/// <summary>
/// Signs in through the real form. The shared ParkAppFactory.SignedInAsync expects the hidden
/// token's attributes in another order than the page renders (type before name), so it posts an
/// empty token; this helper matches either order until the shared one is fixed.
/// </summary>
internal static partial class StaffingSignIn
{
    public static async Task<HttpClient> AsAsync(ParkAppFactory factory, string role, int index = 0)
    {
        var account = await factory.AccountAsync(role, index);
        var client = factory.CreateBrowserLikeClient();
        var page = await client.GetStringAsync(new Uri("/account/signin", UriKind.Relative));
        var token = Token().Match(page).Groups["v"].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = account.Email,
            ["Input.Password"] = account.Password,
        });
        var response = await client.PostAsync(new Uri("/account/signin", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {account.Email} answered {response.StatusCode}.");
        }

        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"(?<v>[^\"]+)\"")]
    private static partial Regex Token();
}
