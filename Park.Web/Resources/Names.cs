using System.Globalization;

namespace Park.Web.Resources;

/// <summary>Which of a tenant's or park's two names to show: the English one in an English UI where it exists.</summary>
public static class Names
{
    public static bool English => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);

    public static string Of(string nameZh, string? nameEn) => English && !string.IsNullOrWhiteSpace(nameEn) ? nameEn : nameZh;

    /// <summary>The name not shown by <see cref="Of"/>, for a secondary line; empty when there is none.</summary>
    public static string Other(string nameZh, string? nameEn) => English && !string.IsNullOrWhiteSpace(nameEn) ? nameZh : nameEn ?? "";
}
