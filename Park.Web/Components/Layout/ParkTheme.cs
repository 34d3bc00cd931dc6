using MudBlazor;

namespace Park.Web.Components.Layout;

public static class ParkTheme
{
    // No web fonts offline: a stack that has CJK glyphs on Debian (Noto), Windows and macOS.
    private static readonly string[] Fonts = ["Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b6e4f",
            Secondary = "#2f5d8a",
            AppbarBackground = "#0b6e4f",
            Background = "#f6f7f9",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#4cc38a",
            Secondary = "#7fb0e0",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
            H1 = new H1Typography { FontFamily = Fonts },
            H2 = new H2Typography { FontFamily = Fonts },
            H3 = new H3Typography { FontFamily = Fonts },
            H4 = new H4Typography { FontFamily = Fonts },
            H5 = new H5Typography { FontFamily = Fonts },
            H6 = new H6Typography { FontFamily = Fonts },
            Body1 = new Body1Typography { FontFamily = Fonts },
            Body2 = new Body2Typography { FontFamily = Fonts },
            Button = new ButtonTypography { FontFamily = Fonts },
        },
    };
}
