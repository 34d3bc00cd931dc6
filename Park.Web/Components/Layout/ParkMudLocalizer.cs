using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Park.Web.Components.Layout;

/// <summary>
/// MudBlazor's own texts (pager, grid, pickers) in Chinese; English falls through to MudBlazor's defaults.
/// The pager's range of rows ("{first_item}-{last_item} of {all_items}") is not a localizer key MudBlazor can take
/// translated: <see cref="Park.Web.Components.GridPager{T}"/> passes it as the pager's format instead.
/// </summary>
public sealed class ParkMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["MudDataGridPager_RowsPerPage"] = "每页行数：",
        ["MudDataGridPager_AllItems"] = "全部",
        ["MudDataGridPager_FirstPage"] = "第一页",
        ["MudDataGridPager_PreviousPage"] = "上一页",
        ["MudDataGridPager_NextPage"] = "下一页",
        ["MudDataGridPager_LastPage"] = "最后一页",
        ["MudDataGrid_AddFilter"] = "添加筛选",
        ["MudDataGrid_Apply"] = "应用",
        ["MudDataGrid_Cancel"] = "取消",
        ["MudDataGrid_Clear"] = "清除",
        ["MudDataGrid_ClearFilter"] = "清除筛选",
        ["MudDataGrid_Columns"] = "列",
        ["MudDataGrid_Filter"] = "筛选",
        ["MudDataGrid_Filters"] = "筛选",
        ["MudDataGrid_Sort"] = "排序",
        ["MudDataGrid_Value"] = "值",
        ["MudDataGrid_Loading"] = "加载中…",
        ["MudBaseDatePicker_NextMonth"] = "下个月",
        ["MudBaseDatePicker_PrevMonth"] = "上个月",
        ["MudBaseDatePicker_NextYear"] = "下一年",
        ["MudBaseDatePicker_PrevYear"] = "上一年",
        ["MudBaseDatePicker_Open"] = "打开日期选择",
        ["MudAlert_Close"] = "关闭",
        ["MudChip_Close"] = "移除",
        ["MudDialog_Close"] = "关闭",
        ["MudInput_Clear"] = "清除",
        ["MudInput_Increment"] = "增加",
        ["MudInput_Decrement"] = "减少",
        ["MudSnackbar_Close"] = "关闭",
        ["MudTablePager_RowsPerPage"] = "每页行数：",
    };

    public override LocalizedString this[string key] =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) && Chinese.TryGetValue(key, out var text)
            ? new LocalizedString(key, text)
            : base[key];
}
