namespace Park.Web.Resources;

/// <summary>Marker for the app's staffing strings: <c>Resources/StaffingStrings.resx</c> (en-US) and <c>StaffingStrings.zh-CN.resx</c>.</summary>
public sealed class StaffingStrings
{
}
