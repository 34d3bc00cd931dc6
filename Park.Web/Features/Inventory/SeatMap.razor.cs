using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using Park.Domain.Inventory;

namespace Park.Web.Features.Inventory;

/// <summary>
/// An SVG floor plan: each seat a rectangle coloured by its state on the map's date (one colour per
/// tenant for administrators; a tenant user sees its own seats highlighted and others as
/// "occupied"). Zoom with the buttons or the wheel, pan in pan mode, select by clicking seats or
/// dragging a rectangle (Shift or Ctrl adds to the selection).
/// </summary>
public sealed partial class SeatMap : IAsyncDisposable
{
    public const string FreeColour = "#66bb6a";
    public const string ReservedColour = "#ffb300";
    public const string OutOfServiceColour = "#616161";
    public const string OccupiedColour = "#b0bec5";
    public const string MineColour = "#1565c0";

    /// <summary>Tenant colours for administrators, assigned in order of tenant id.</summary>
    public static readonly IReadOnlyList<string> TenantPalette =
        ["#1e88e5", "#8e24aa", "#e53935", "#00897b", "#6d4c41", "#d81b60", "#3949ab", "#f4511e", "#00acc1", "#c0ca33"];

    private const double SeatWidth = 18;
    private const double SeatHeight = 24;

    private ElementReference _svg;
    private IJSObjectReference? _module;
    private (double X, double Y, double W, double H) _view;
    private long _viewFor;
    private Bounds? _bounds;
    private (double X, double Y)? _dragStart;
    private (double X, double Y) _dragNow;
    private bool _dragged;
    private MapSeat? _hover;
    private IReadOnlyDictionary<long, string> _tenantColours = new Dictionary<long, string>();

    /// <summary>The floor and its seats with their states.</summary>
    [Parameter, EditorRequired] public FloorMap Map { get; set; } = default!;

    /// <summary>Ids of the selected seats (two-way bindable).</summary>
    [Parameter] public IReadOnlySet<long> Selected { get; set; } = new HashSet<long>();

    [Parameter] public EventCallback<IReadOnlySet<long>> SelectedChanged { get; set; }

    /// <summary>Seats to outline, such as an availability proposal.</summary>
    [Parameter] public IReadOnlySet<long>? Highlighted { get; set; }

    [Inject] private IJSRuntime JS { get; set; } = default!;

    public bool PanMode { get; private set; }

    private static bool English => System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal);

    private string ViewBox => FormattableString.Invariant($"{_view.X:0.#} {_view.Y:0.#} {_view.W:0.#} {_view.H:0.#}");

    protected override void OnParametersSet()
    {
        if (_viewFor != Map.Floor.FloorId)
        {
            _viewFor = Map.Floor.FloorId;
            Fit();
        }

        _tenantColours = TenantColours(Map.Seats);
    }

    /// <summary>Each tenant on the floor gets the next palette colour, in order of tenant id.</summary>
    public static IReadOnlyDictionary<long, string> TenantColours(IEnumerable<MapSeat> seats) =>
        seats.Where(s => s.TenantId is not null && s.State == SeatStates.Leased && !s.Mine).Select(s => s.TenantId!.Value).Distinct().Order()
            .Select((id, i) => (id, TenantPalette[i % TenantPalette.Count])).ToDictionary(p => p.id, p => p.Item2);

    /// <summary>The fill of a seat: its state's colour, or its tenant's when leased.</summary>
    public static string ColourOf(MapSeat seat, IReadOnlyDictionary<long, string> tenantColours) => seat.State switch
    {
        _ when seat.Mine => MineColour,
        SeatStates.Leased => seat.TenantId is { } t && tenantColours.TryGetValue(t, out var c) ? c : TenantPalette[0],
        SeatStates.Reserved => ReservedColour,
        SeatStates.OutOfService => OutOfServiceColour,
        SeatStates.Occupied => OccupiedColour,
        _ => FreeColour,
    };

    private string TenantName(MapSeat seat) => (English ? seat.TenantNameEn : seat.TenantNameZh) is { Length: > 0 } name ? name : seat.TenantNameZh ?? "";

    private string Tooltip(MapSeat seat)
    {
        var parts = new List<string> { seat.Code, Loc[$"SeatType_{seat.SeatType}"], Loc[seat.Mine ? "State_mine" : $"State_{seat.State}"] };
        if (seat.TenantId is not null)
        {
            parts.Add(TenantName(seat));
        }

        if (seat.LeaseNumber is not null)
        {
            parts.Add(seat.LeaseNumber);
        }

        return string.Join(" · ", parts);
    }

    private void Fit()
    {
        var margin = Math.Max(Map.Floor.PlanWidth, Map.Floor.PlanHeight) * 0.03;
        _view = (-margin, -margin, Map.Floor.PlanWidth + (2 * margin), Map.Floor.PlanHeight + (2 * margin));
    }

    private void Zoom(double factor)
    {
        var cx = _view.X + (_view.W / 2);
        var cy = _view.Y + (_view.H / 2);
        var w = Math.Clamp(_view.W / factor, 40, Map.Floor.PlanWidth * 4.0);
        var h = w * _view.H / _view.W;
        _view = (cx - (w / 2), cy - (h / 2), w, h);
    }

    private void OnWheel(WheelEventArgs e) => Zoom(e.DeltaY < 0 ? 1.25 : 0.8);

    private async Task ToggleAsync(MapSeat seat)
    {
        if (_dragged || PanMode)
        {
            return;
        }

        var next = new HashSet<long>(Selected);
        if (!next.Remove(seat.Id))
        {
            next.Add(seat.Id);
        }

        await SetSelectionAsync(next);
    }

    private async Task ClearAsync() => await SetSelectionAsync(new HashSet<long>());

    private async Task SetSelectionAsync(HashSet<long> next)
    {
        Selected = next;
        await SelectedChanged.InvokeAsync(next);
    }

    private async Task OnMouseDownAsync(MouseEventArgs e)
    {
        // State first: while the bounds round-trip is awaited, the mouseup and click of a plain click
        // may already be handled, and they must see this press.
        _dragStart = (e.ClientX, e.ClientY);
        _dragNow = _dragStart.Value;
        _dragged = false;
        _bounds = await BoundsAsync() ?? _bounds;
    }

    private void OnMouseMove(MouseEventArgs e)
    {
        if (_dragStart is not { } start)
        {
            return;
        }

        if ((e.Buttons & 1) == 0)
        {
            // The button was released outside the map: this is a hover, not a drag.
            _dragStart = null;
            return;
        }

        if (PanMode)
        {
            var scale = _view.W / (_bounds?.Width is > 0 ? _bounds.Width : _view.W);
            _view = (_view.X - ((e.ClientX - _dragNow.X) * scale), _view.Y - ((e.ClientY - _dragNow.Y) * scale), _view.W, _view.H);
        }

        _dragNow = (e.ClientX, e.ClientY);
        _dragged = _dragged || Math.Abs(e.ClientX - start.X) + Math.Abs(e.ClientY - start.Y) > 4;
    }

    private async Task OnMouseUpAsync(MouseEventArgs e)
    {
        if (_dragStart is not { } start)
        {
            return;
        }

        _dragStart = null;
        if (!_dragged || PanMode)
        {
            return;
        }

        var (x1, y1) = ToPlan(start.X, start.Y);
        var (x2, y2) = ToPlan(e.ClientX, e.ClientY);
        var inside = Map.Seats.Where(s => s.X >= Math.Min(x1, x2) && s.X <= Math.Max(x1, x2) && s.Y >= Math.Min(y1, y2) && s.Y <= Math.Max(y1, y2)).Select(s => s.Id);
        var next = e.ShiftKey || e.CtrlKey ? new HashSet<long>(Selected) : [];
        next.UnionWith(inside);
        await SetSelectionAsync(next);
    }

    /// <summary>A point on screen as plan coordinates (the SVG keeps the plan's aspect ratio, centred).</summary>
    private (double X, double Y) ToPlan(double clientX, double clientY)
    {
        var b = _bounds is { Width: > 0, Height: > 0 } ? _bounds : new Bounds(0, 0, _view.W, _view.H);
        var scale = Math.Max(_view.W / b.Width, _view.H / b.Height);
        var offsetX = (b.Width - (_view.W / scale)) / 2;
        var offsetY = (b.Height - (_view.H / scale)) / 2;
        return (_view.X + ((clientX - b.Left - offsetX) * scale), _view.Y + ((clientY - b.Top - offsetY) * scale));
    }

    private (double X, double Y, double W, double H) RubberBand
    {
        get
        {
            var (x1, y1) = ToPlan(_dragStart!.Value.X, _dragStart.Value.Y);
            var (x2, y2) = ToPlan(_dragNow.X, _dragNow.Y);
            return (Math.Min(x1, x2), Math.Min(y1, y2), Math.Abs(x2 - x1), Math.Abs(y2 - y1));
        }
    }

    private async Task<Bounds?> BoundsAsync()
    {
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Features/Inventory/SeatMap.razor.js");
            return _module is null ? null : await _module.InvokeAsync<Bounds?>("bounds", _svg);
        }
        catch (JSException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // Prerendering: no JavaScript yet.
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; the browser dropped the module with it.
            }
        }
    }

    private static string F(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    public sealed record Bounds(double Left, double Top, double Width, double Height);
}
