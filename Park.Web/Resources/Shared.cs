namespace Park.Web.Resources;

/// <summary>Marker for the app's shared strings: <c>Resources/Shared.resx</c> (en-US) and <c>Shared.zh-CN.resx</c>.</summary>
public sealed class Shared
{
}
