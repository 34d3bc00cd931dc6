namespace Park.Web.Resources;

/// <summary>Marker for the contracts feature's strings: <c>Resources/ContractsStrings.resx</c> and <c>ContractsStrings.zh-CN.resx</c>.</summary>
public sealed class ContractsStrings
{
}
