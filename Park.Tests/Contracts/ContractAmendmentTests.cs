using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Contracts;
using Park.Domain.Leasing;
using static Park.Tests.Leasing.LeasingTestData;

namespace Park.Tests.Contracts;

/// <summary>Amendments made through the real <see cref="LeaseService"/>: their contracts print the lease page's schedule.</summary>
public sealed class ContractAmendmentTests
{
    private static readonly DateOnly Start = new(2027, 1, 1);
    private static readonly DateOnly End = new(2028, 1, 1);
    private static readonly DateOnly Effective = new(2027, 7, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AmendmentContract_Schedule_EqualsTheLeasePagesScheduleFromItsEffectiveDate()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var (admin, leaseId) = await AmendedLeaseAsync(db);
        var lease = (await db.Get<LeaseStore>().GetAsync(admin, leaseId, Ct))!;
        var page = lease.Schedule().Where(p => p.Start >= Effective).Select(Key).ToArray();

        var source = (await db.Get<ContractSourceStore>().LoadAsync(admin, leaseId, 2, Ct)).Value!;
        var contract = db.Get<ILeaseScheduleSource>().Build(source.Terms);

        Assert.Equal(Effective, source.EffectiveFrom);
        Assert.NotEmpty(page);
        Assert.Equal(page, contract.Periods.Select(Key).ToArray());
        Assert.Equal(Effective, contract.Periods[0].Start);
        Assert.All(contract.Periods, p => Assert.Equal(3, p.Seats));
    }

    [Fact]
    public async Task OriginalContract_OfAnAmendedLease_BillsUntilTheAmendmentTakesEffect()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var (admin, leaseId) = await AmendedLeaseAsync(db);
        var lease = (await db.Get<LeaseStore>().GetAsync(admin, leaseId, Ct))!;
        var page = lease.Schedule().Where(p => p.End <= Effective).Select(Key).ToArray();

        var source = (await db.Get<ContractSourceStore>().LoadAsync(admin, leaseId, 1, Ct)).Value!;
        var contract = db.Get<ILeaseScheduleSource>().Build(source.Terms);

        Assert.Equal(page, contract.Periods.Select(Key).ToArray());
        Assert.Equal(Effective, contract.Periods[^1].End);
    }

    [Theory]
    [InlineData("zh-CN", "2027年7月1日", "补充协议生效日期")]
    [InlineData("en-US", "1 July 2027", "Amendment effective from")]
    public async Task AmendmentContractPdf_PrintsTheEffectiveDateAndTheSpansTotal(string language, string date, string label)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var (admin, leaseId) = await AmendedLeaseAsync(db);
        var lease = (await db.Get<LeaseStore>().GetAsync(admin, leaseId, Ct))!;
        var spanTotal = new Park.Domain.Data.Money(lease.Schedule().Where(p => p.Start >= Effective).Sum(p => p.AmountDue.Fen));

        var row = (await db.Get<ContractService>().GenerateAsync(admin, AuditActor.From(admin), leaseId, language, 2, Ct)).Value!;
        var file = (await db.Get<ContractService>().FileAsync(admin, row.Id, Ct)).Value!;
        var text = PdfText.All(await File.ReadAllBytesAsync(file.FullPath, Ct));

        Assert.Contains(label, text, StringComparison.Ordinal);
        Assert.Contains(date, text, StringComparison.Ordinal);
        Assert.Contains(spanTotal.ToString(), text, StringComparison.Ordinal);
        Assert.DoesNotContain("2027-01-01", text, StringComparison.Ordinal); // no period billed from the lease start
    }

    private static (DateOnly, DateOnly, DateOnly, int, long, long, bool, bool, bool) Key(Park.Domain.Leasing.SchedulePeriod p) =>
        (p.Start, p.End, p.DueDate, p.Seats, p.MonthlyPricePerSeatFen, p.AmountDue.Fen, p.RentFree, p.Discounted, p.Escalated);

    private static (DateOnly, DateOnly, DateOnly, int, long, long, bool, bool, bool) Key(Park.Domain.Contracts.SchedulePeriod p) =>
        (p.Start, p.End, p.Due, p.Seats, p.PricePerSeatFen, p.Amount.Fen, p.RentFree, p.Discounted, p.Escalated);

    /// <summary>A signed lease of 2 seats at ¥800, and a signed amendment adding a seat from 1 July.</summary>
    private static async Task<(AccessScope Admin, long LeaseId)> AmendedLeaseAsync(TestDatabase db)
    {
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var seats = await FreeSeatsAsync(db, 3, Start, End);
        var id = await SignedAsync(db, admin, 2, seats[..2], Start, End);
        var service = db.Get<LeaseService>();
        var amended = await service.AmendAsync(admin, Actor, id, await RowVersionAsync(db, id),
            new Amendment(AmendmentKind.AddSeats, Effective, [seats[2]], Reason: "growth"), Ct);
        Assert.True(amended.Succeeded, amended.Problem?.ToString());
        Assert.True((await service.ApproveAsync(admin, Actor, id, await RowVersionAsync(db, id), "", Ct)).Succeeded);
        Assert.True((await service.SignAsync(admin, Actor, id, await RowVersionAsync(db, id), "", Ct)).Succeeded);
        return (admin, id);
    }
}
