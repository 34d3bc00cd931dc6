using Park.Domain.Documents;

namespace Park.Web.Documents;

/// <summary>A laid-out page: what to draw where, in points from the top-left corner.</summary>
public sealed class LaidOutPage
{
    public List<DrawOp> Ops { get; } = [];
}

public abstract record DrawOp;

/// <summary>Text on a baseline at (<paramref name="X"/>, <paramref name="Y"/>).</summary>
public sealed record TextOp(float X, float Y, string Text, bool Bold, float Size, uint Color = 0xFF1A1A1A) : DrawOp;

public sealed record LineOp(float X1, float Y1, float X2, float Y2, float Width = 0.5f, uint Color = 0xFF808080) : DrawOp;

public sealed record RectOp(float X, float Y, float Width, float Height, uint Color) : DrawOp;

public sealed record CircleOp(float X, float Y, float Radius, uint Color) : DrawOp;

/// <summary>The page geometry and type sizes (points; A4 portrait).</summary>
public sealed record PageSetup
{
    public float Width { get; init; } = 595.28f;
    public float Height { get; init; } = 841.89f;
    public float MarginLeft { get; init; } = 56f;
    public float MarginRight { get; init; } = 56f;
    public float MarginTop { get; init; } = 72f;
    public float MarginBottom { get; init; } = 64f;
    public float Body { get; init; } = 10.5f;
    public float Small { get; init; } = 8.5f;
    public float TableText { get; init; } = 8.5f;
    public float Leading { get; init; } = 1.55f;

    public float ContentWidth => Width - MarginLeft - MarginRight;

    public float ContentBottom => Height - MarginBottom;

    public static PageSetup A4 { get; } = new();

    public float HeadingSize(int level) => level switch
    {
        0 => 17f,
        1 => 12f,
        _ => 11f,
    };
}

/// <summary>Text with a bold flag per character, flattened from runs for line breaking.</summary>
internal sealed class StyledText
{
    public StyledText(IEnumerable<TextRun> runs)
    {
        var text = new System.Text.StringBuilder();
        var bold = new List<bool>();
        foreach (var run in runs)
        {
            text.Append(run.Text);
            bold.AddRange(Enumerable.Repeat(run.Bold, run.Text.Length));
        }

        Text = text.ToString();
        Bold = bold.ToArray();
    }

    public StyledText(string text, bool bold)
    {
        Text = text;
        Bold = new bool[text.Length];
        Array.Fill(Bold, bold);
    }

    public string Text { get; }

    public bool[] Bold { get; }
}
