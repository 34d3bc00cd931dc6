namespace Park.Web.Resources;

/// <summary>Marker for the tenants and leasing strings: <c>Resources/LeasingStrings.resx</c> (en-US) and <c>LeasingStrings.zh-CN.resx</c>.</summary>
public sealed class LeasingStrings
{
}
