using Park.Domain.Data;
using Park.Domain.Leasing;

namespace Park.Tests.Leasing;

public sealed class LeaseScheduleTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Build_MonthlyFullYear_TwelvePeriodsOfSeatsTimesPrice()
    {
        var periods = LeaseSchedule.Build(new LeaseTerms(D(2026, 1, 1), D(2027, 1, 1), 10, 80_000));
        Assert.Equal(12, periods.Count);
        Assert.All(periods, p => Assert.Equal(800_000, p.AmountDue.Fen));
        Assert.Equal(D(2026, 2, 1), periods[1].DueDate);
        Assert.Equal(Enumerable.Range(1, 12), periods.Select(p => p.No));
    }

    [Fact]
    public void Build_PartialLastMonth_IsProratedByActualDays()
    {
        // 60,000.00 a month, the last month 1-15 March of a 31-day month: 60,000 × 14/31 = 27,096.77.
        var periods = LeaseSchedule.Build(new LeaseTerms(D(2026, 1, 1), D(2026, 3, 15), 1, 6_000_000));
        Assert.Equal(3, periods.Count);
        Assert.Equal(2_709_677, periods[2].AmountDue.Fen);
        Assert.Equal(14, periods[2].Days);
    }

    [Fact]
    public void Build_Quarterly_GroupsThreeMonthsDueInAdvance()
    {
        var periods = LeaseSchedule.Build(new LeaseTerms(D(2026, 3, 18), D(2027, 3, 18), 2, 50_000, PaymentCycle.Quarterly));
        Assert.Equal(4, periods.Count);
        Assert.Equal([D(2026, 3, 18), D(2026, 6, 18), D(2026, 9, 18), D(2026, 12, 18)], periods.Select(p => p.DueDate));
        Assert.All(periods, p => Assert.Equal(300_000, p.AmountDue.Fen));
    }

    [Fact]
    public void Build_RentFreeFirstMonthAndHalfRentSecond_AreFlaggedAndPriced()
    {
        var terms = new LeaseTerms(D(2026, 1, 1), D(2027, 1, 1), 10, 80_000,
            Concessions: [new Concession(D(2026, 1, 1), D(2026, 2, 1)), new Concession(D(2026, 2, 1), D(2026, 3, 1), 5_000)]);
        var periods = LeaseSchedule.Build(terms);
        Assert.True(periods[0].RentFree);
        Assert.Equal(0, periods[0].AmountDue.Fen);
        Assert.False(periods[1].RentFree);
        Assert.True(periods[1].Discounted);
        Assert.Equal(400_000, periods[1].AmountDue.Fen);
        Assert.Equal(800_000, periods[2].AmountDue.Fen);
    }

    [Fact]
    public void Build_PartialRentFreeMonth_SplitsByDaysAndStillSumsToTheFen()
    {
        var terms = new LeaseTerms(D(2026, 1, 1), D(2026, 3, 1), 3, 100_001, Concessions: [new Concession(D(2026, 1, 1), D(2026, 1, 11))]);
        var periods = LeaseSchedule.Build(terms);
        // 300,003 over 31 days, 21 charged: 300,003 × 21/31 = 203,227.84 → 203,228.
        Assert.Equal(203_228, periods[0].AmountDue.Fen);
        Assert.Equal(LeaseSchedule.ChargeBetween(terms, D(2026, 1, 1), D(2026, 1, 20)) + LeaseSchedule.ChargeBetween(terms, D(2026, 1, 20), D(2026, 2, 1)),
            periods[0].AmountDue);
    }

    [Fact]
    public void Build_PercentEscalation_CompoundsOnEachAnniversary()
    {
        var terms = new LeaseTerms(D(2026, 1, 1), D(2029, 1, 1), 1, 100_000, Escalation: EscalationKind.Percent, EscalationValue: 300);
        var periods = LeaseSchedule.Build(terms);
        Assert.Equal(36, periods.Count);
        Assert.Equal(100_000, periods[11].AmountDue.Fen);
        Assert.False(periods[11].Escalated);
        Assert.Equal(103_000, periods[12].AmountDue.Fen);
        Assert.True(periods[12].Escalated);
        Assert.Equal(106_090, periods[24].AmountDue.Fen);
    }

    [Fact]
    public void Build_FixedEscalation_AddsTheStepEachYear()
    {
        var terms = new LeaseTerms(D(2026, 1, 1), D(2028, 7, 1), 2, 100_000, Escalation: EscalationKind.Fixed, EscalationValue: 5_000);
        Assert.Equal(110_000, LeaseSchedule.PriceInYear(terms, 2));
        Assert.Equal(210_000, LeaseSchedule.Build(terms)[12].AmountDue.Fen);
    }

    [Fact]
    public void Build_RampUp_BillsTheSeatsInUseFromEachStep()
    {
        var terms = new LeaseTerms(D(2026, 1, 1), D(2026, 4, 1), 300, 10_000,
            Ramp: [new RampStep(D(2026, 1, 1), 100), new RampStep(D(2026, 2, 1), 200), new RampStep(D(2026, 3, 1), 300)]);
        var periods = LeaseSchedule.Build(terms);
        Assert.Equal([100, 200, 300], periods.Select(p => p.Seats));
        Assert.Equal([1_000_000L, 2_000_000L, 3_000_000L], periods.Select(p => p.AmountDue.Fen));
    }

    [Fact]
    public void Build_BillFrom_StartsAtTheAmendmentDateAndKeepsMonthsAnchored()
    {
        var terms = new LeaseTerms(D(2026, 1, 1), D(2026, 4, 1), 1, 3_100, BillFrom: D(2026, 1, 21));
        var periods = LeaseSchedule.Build(terms);
        Assert.Equal(D(2026, 1, 21), periods[0].Start);
        Assert.Equal(1_100, periods[0].AmountDue.Fen); // 11 of 31 days
        Assert.Equal(D(2026, 2, 1), periods[1].Start);
    }

    [Fact]
    public void Deposit_IsMonthsTimesFirstYearRent() =>
        Assert.Equal(new Money(3 * 10 * 80_000), LeaseSchedule.Deposit(new LeaseTerms(D(2026, 1, 1), D(2027, 1, 1), 10, 80_000, DepositMonths: 3)));

    [Theory]
    [InlineData("2026-01-01", "2026-01-01", 1, 100, "TermEndsBeforeStart")]
    [InlineData("2026-01-01", "2025-12-01", 1, 100, "TermEndsBeforeStart")]
    [InlineData("2026-01-01", "2027-01-01", 0, 100, "NoSeats")]
    [InlineData("2026-01-01", "2027-01-01", 1, -1, "PriceNegative")]
    public void Validate_RefusesBadBasics(string start, string end, int seats, long price, string code) =>
        Assert.Equal(code, new LeaseTerms(DateOnly.Parse(start, null), DateOnly.Parse(end, null), seats, price).Validate()!.Code);

    [Fact]
    public void Validate_RefusesConcessionOutsideTheTerm()
    {
        var terms = new LeaseTerms(D(2026, 1, 1), D(2027, 1, 1), 1, 100, Concessions: [new Concession(D(2026, 12, 1), D(2027, 2, 1))]);
        Assert.Equal("ConcessionOutsideTerm", terms.Validate()!.Code);
    }

    [Fact]
    public void Validate_RefusesEscalationOnAOneYearLease()
    {
        var terms = new LeaseTerms(D(2026, 1, 1), D(2027, 1, 1), 1, 100, Escalation: EscalationKind.Percent, EscalationValue: 300);
        Assert.Equal("EscalationOnOneYearLease", terms.Validate()!.Code);
        Assert.Null((terms with { End = D(2027, 1, 2) }).Validate());
    }

    [Fact]
    public void Validate_RefusesRampAboveTheSeatsOrNotAscending()
    {
        var baseTerms = new LeaseTerms(D(2026, 1, 1), D(2027, 1, 1), 10, 100);
        Assert.Equal("RampSeatCountRange", (baseTerms with { Ramp = [new RampStep(D(2026, 1, 1), 11)] }).Validate()!.Code);
        Assert.Equal("RampNotAscending", (baseTerms with { Ramp = [new RampStep(D(2026, 1, 1), 5), new RampStep(D(2026, 2, 1), 4)] }).Validate()!.Code);
    }

    [Fact]
    public void Settlement_EarlyTermination_CreditsPrepaidDaysAndRefundsDeposit()
    {
        // Quarterly in advance; notice on 2026-04-10 (Q2 billed through 2026-07-01); the lease ends 2026-05-01.
        var terms = new LeaseTerms(D(2026, 1, 1), D(2027, 1, 1), 10, 80_000, PaymentCycle.Quarterly, DepositMonths: 2);
        var s = LeaseSettlement.Compute(terms, D(2026, 4, 10), D(2026, 5, 1), Money.Zero).Value!;
        Assert.Equal(D(2026, 7, 1), s.BilledThrough);
        Assert.Equal(61, s.PrepaidDays);
        Assert.Equal(1_600_000, s.PrepaidCredit.Fen);
        Assert.Equal(1_600_000, s.Deposit.Fen);
        Assert.Equal(3_200_000, s.Refund.Fen);
        Assert.Equal(0, s.Owed.Fen);
    }

    [Fact]
    public void Settlement_PenaltyBeyondDeposit_OffsetsAllAndLeavesOwed()
    {
        var terms = new LeaseTerms(D(2026, 1, 1), D(2027, 1, 1), 1, 100_000, DepositMonths: 1);
        var s = LeaseSettlement.Compute(terms, D(2026, 3, 15), D(2026, 3, 16), new Money(250_000)).Value!;
        Assert.Equal(D(2026, 4, 1), s.BilledThrough);
        Assert.Equal(100_000, s.DepositOffset.Fen);
        Assert.Equal(150_000, s.Owed.Fen);
        Assert.Equal(s.PrepaidCredit, s.Refund);
    }

    [Fact]
    public void Settlement_RefusesADateOutsideTheTerm() =>
        Assert.Equal("TerminationOutsideTerm",
            LeaseSettlement.Compute(new LeaseTerms(D(2026, 1, 1), D(2027, 1, 1), 1, 100), D(2026, 2, 1), D(2027, 2, 1), Money.Zero).Problem!.Code);
}

public sealed class LeaseScheduleSplitTests
{
    [Fact]
    public void SplitByMonth_QuarterSplitsIntoMonthsSummingToTheAmount()
    {
        var terms = new LeaseTerms(new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 1), 3, 100_001, PaymentCycle.Quarterly,
            Concessions: [new Concession(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 11))]);
        var period = LeaseSchedule.Build(terms)[0];
        var months = LeaseSchedule.SplitByMonth(terms, period);
        Assert.Equal(3, months.Count);
        Assert.Equal(period.AmountDue, new Money(months.Sum(m => m.Amount.Fen)));
        Assert.Equal(300_003, months[1].Amount.Fen);
    }
}
