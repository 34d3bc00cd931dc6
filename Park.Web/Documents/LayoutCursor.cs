namespace Park.Web.Documents;

/// <summary>Where the next block goes: the page being filled and the y of its next free line.</summary>
internal sealed class LayoutCursor
{
    private readonly float _top;
    private readonly float _bottom;
    private readonly bool _bounded;

    /// <summary>A bounded cursor breaks pages; an unbounded one measures how tall a block is.</summary>
    public LayoutCursor(float top, float bottom, bool bounded)
    {
        _top = top;
        _bottom = bottom;
        _bounded = bounded;
        NewPage();
    }

    public List<LaidOutPage> Pages { get; } = [];

    public LaidOutPage Page { get; private set; } = null!;

    public float Y { get; set; }

    public bool AtTop => Y <= _top + 0.01f;

    public float Remaining => _bounded ? _bottom - Y : float.MaxValue;

    public bool Fits(float height) => !_bounded || Y + height <= _bottom + 0.01f;

    public void NewPage()
    {
        Page = new LaidOutPage();
        Pages.Add(Page);
        Y = _top;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> fits (or the page is still empty).</summary>
    public bool Ensure(float height)
    {
        if (Fits(height) || AtTop)
        {
            return false;
        }

        NewPage();
        return true;
    }
}
