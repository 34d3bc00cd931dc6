using Microsoft.AspNetCore.Components;

namespace Park.Web.Components.Layout;

/// <summary>The language switch's address (<c>/culture/set</c>): sets the culture, remembers it for the user, and comes back.</summary>
internal static class CultureLinks
{
    /// <summary>Switches to <paramref name="culture"/> and comes back to <paramref name="returnPath"/>, or (null) to the home page.</summary>
    public static string To(string culture, string? returnPath) => returnPath is null
        ? $"/culture/set?culture={culture}"
        : $"/culture/set?culture={culture}&returnUrl={Uri.EscapeDataString(returnPath)}";

    /// <summary>Switches and comes back to the page <paramref name="navigation"/> is on; null: HTML shared by every page, no way back.</summary>
    public static string To(string culture, NavigationManager? navigation) =>
        To(culture, navigation is null ? null : "/" + navigation.ToBaseRelativePath(navigation.Uri));
}
