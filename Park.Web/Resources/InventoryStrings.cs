namespace Park.Web.Resources;

/// <summary>Marker for the inventory feature's strings: <c>Resources/InventoryStrings.resx</c> (en-US) and <c>InventoryStrings.zh-CN.resx</c>.</summary>
public sealed class InventoryStrings
{
}
