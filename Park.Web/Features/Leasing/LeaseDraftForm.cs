using Park.Domain.Data;
using Park.Domain.Leasing;

namespace Park.Web.Features.Leasing;

/// <summary>The new-lease form: what the page binds, turned into the service's input. Rules stay in <see cref="LeaseTerms.Validate"/>.</summary>
public sealed class LeaseDraftForm
{
    public long TenantId { get; set; }
    public string? SeatCodes { get; set; }
    public DateTime? Start { get; set; }
    public DateTime? End { get; set; }
    public decimal PriceYuan { get; set; } = 800m;
    public PaymentCycle Cycle { get; set; } = PaymentCycle.Quarterly;
    public int DepositMonths { get; set; } = 1;
    public EscalationKind Escalation { get; set; }
    public decimal EscalationValue { get; set; }
    public string? Reason { get; set; }
    public string? SpecialTerms { get; set; }

    /// <summary>Rent-free or part-rent periods, each [start, end).</summary>
    public List<ConcessionRow> Concessions { get; } = [];

    /// <summary>Ramp-up steps: from a date on, that many seats are billed.</summary>
    public List<RampRow> Ramp { get; } = [];

    /// <summary>The draft to create, or the first row that cannot be read (a missing date), naming its field.</summary>
    public Result<NewLease> ToNewLease(long parkId, IReadOnlyList<long> seatIds)
    {
        if (Start is null || End is null)
        {
            return Problem.Invalid("end", "TermEndsBeforeStart");
        }

        var concessions = new List<Concession>();
        foreach (var row in Concessions.Where(r => !r.IsEmpty))
        {
            if (row.Start is null || row.End is null)
            {
                return Problem.Invalid("concessions", "ConcessionDatesRequired");
            }

            concessions.Add(new Concession(Day(row.Start), Day(row.End), (int)Math.Round(row.DiscountPercent * 100m, MidpointRounding.AwayFromZero)));
        }

        var ramp = new List<RampStep>();
        foreach (var row in Ramp.Where(r => !r.IsEmpty))
        {
            if (row.From is null)
            {
                return Problem.Invalid("ramp", "RampDateRequired");
            }

            ramp.Add(new RampStep(Day(row.From), row.Seats));
        }

        var escalation = Escalation == EscalationKind.Fixed
            ? (long)Math.Round(EscalationValue * 100m, MidpointRounding.AwayFromZero)
            : (long)EscalationValue;
        return new NewLease(parkId, TenantId, seatIds.Distinct().ToArray(), Day(Start), Day(End), Money.FromYuan(PriceYuan).Fen, Cycle, DepositMonths,
            Escalation, escalation, concessions, ramp, (SpecialTerms ?? "").Trim(), (Reason ?? "").Trim());
    }

    private static DateOnly Day(DateTime? d) => DateOnly.FromDateTime(d!.Value);
}

public sealed class ConcessionRow
{
    public DateTime? Start { get; set; }
    public DateTime? End { get; set; }

    /// <summary>100 = rent-free, 50 = half rent.</summary>
    public decimal DiscountPercent { get; set; } = 100m;

    public bool IsEmpty => Start is null && End is null;
}

public sealed class RampRow
{
    public DateTime? From { get; set; }
    public int Seats { get; set; }

    public bool IsEmpty => From is null && Seats == 0;
}
