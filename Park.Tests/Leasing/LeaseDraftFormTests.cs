using Bunit;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Park.Domain.Data;
using Park.Domain.Leasing;
using Park.Web.Features.Leasing;
using Park.Web.Resources;
using static Park.Tests.Leasing.LeasingTestData;

namespace Park.Tests.Leasing;

/// <summary>The new-lease form's ramp-up, rent-free and special-terms inputs, through the real service and rules.</summary>
public sealed class LeaseDraftFormTests() : ComponentTestBase("en-US")
{
    private static readonly DateTime Start = new(2027, 1, 1);
    private static readonly DateTime End = new(2029, 1, 1);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public void RampEditor_AddsStepsThreeMonthsApartAndRemovesThem()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var rows = new List<RampRow>();
        var editor = Render<RampRowsEditor>(p => p.Add(c => c.Rows, rows).Add(c => c.DefaultStart, Start));
        editor.Find("[data-testid=ramp-add]").Click();
        editor.Find("[data-testid=ramp-add]").Click();
        Assert.Equal(2, editor.FindAll("[data-testid=ramp-row]").Count);
        Assert.Equal([Start, Start.AddMonths(3)], rows.Select(r => r.From!.Value));
        Assert.Equal([1, 2], rows.Select(r => r.Seats));
        editor.FindAll("[data-testid=ramp-remove]")[0].Click();
        Assert.Equal([Start.AddMonths(3)], rows.Select(r => r.From!.Value));
    }

    [Fact]
    public void ConcessionEditor_AddsAFullRentFreeMonthFromTheTermStartAndShowsItsError()
    {
        Render<MudBlazor.MudPopoverProvider>();
        var rows = new List<ConcessionRow>();
        var editor = Render<ConcessionRowsEditor>(p => p.Add(c => c.Rows, rows).Add(c => c.DefaultStart, Start).Add(c => c.Error, "bad period"));
        editor.Find("[data-testid=concession-add]").Click();
        Assert.Single(editor.FindAll("[data-testid=concession-row]"));
        Assert.Equal((Start, Start.AddMonths(1), 100m), (rows[0].Start!.Value, rows[0].End!.Value, rows[0].DiscountPercent));
        Assert.Equal("bad period", editor.Find("[data-testid=concessions-error]").TextContent.Trim());
    }

    [Fact]
    public async Task CreateDraft_WithRampPeriodsAndSpecialTerms_StoresThemOnTheVersion()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var form = await FormAsync(db);
        form.Concessions.Add(new ConcessionRow { Start = Start.AddMonths(6), End = Start.AddMonths(8), DiscountPercent = 50m });
        form.Concessions.Add(new ConcessionRow());
        form.Ramp.Add(new RampRow { From = Start, Seats = 2 });
        form.Ramp.Add(new RampRow { From = Start.AddMonths(4), Seats = 4 });
        form.SpecialTerms = "  Tenant may fit out its own server room.  ";
        var seats = await FreeSeatsAsync(db, 4, D(Start), D(End));

        var input = form.ToNewLease(await ParkIdAsync(db), seats);
        var created = await db.Get<LeaseService>().CreateDraftAsync(admin, Actor, input.Value!, Ct);

        Assert.True(created.Succeeded, created.Problem?.ToString());
        var version = (await db.Get<LeaseStore>().GetAsync(admin, created.Value, Ct))!.Versions.Single();
        Assert.Equal([new Concession(D(Start.AddMonths(6)), D(Start.AddMonths(8)), 5_000)], version.Concessions);
        Assert.Equal([new RampStep(D(Start), 2), new RampStep(D(Start.AddMonths(4)), 4)], version.Ramp);
        await using var c = await db.Db.OpenAsync(Ct);
        Assert.Equal("Tenant may fit out its own server room.",
            await c.ExecuteScalarAsync<string>("SELECT special_terms FROM lease_versions WHERE id = @Id", new { version.Id }));
    }

    public static TheoryData<string, string, string> BadRows => new()
    {
        { "concession", "ConcessionOutsideTerm", "The rent-free period 2028-12-01 – 2029-02-01 lies outside the term." },
        { "rampDate", "RampOutsideTerm", "A ramp-up step lies outside the term." },
        { "rampCount", "RampSeatCountRange", "A ramp-up step bills between 1 and 2 seats." },
        { "concessionHalf", "ConcessionDatesRequired", "A rent-free period needs a start and an end date." },
        { "rampNoDate", "RampDateRequired", "A ramp-up step needs a date." },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task CreateDraft_WithABadRow_IsRefusedOnItsFieldInTheUsersLanguageAndWritesNothing(string row, string code, string english)
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var admin = await db.ScopeOfAsync("parkadmin@park.demo");
        var form = await FormAsync(db);
        switch (row)
        {
            case "concession": form.Concessions.Add(new ConcessionRow { Start = End.AddMonths(-1), End = End.AddMonths(1) }); break;
            case "concessionHalf": form.Concessions.Add(new ConcessionRow { Start = Start }); break;
            case "rampDate": form.Ramp.Add(new RampRow { From = Start.AddMonths(-1), Seats = 1 }); break;
            case "rampCount": form.Ramp.Add(new RampRow { From = Start.AddMonths(1), Seats = 3 }); break;
            default: form.Ramp.Add(new RampRow { Seats = 1 }); break;
        }

        var input = form.ToNewLease(await ParkIdAsync(db), await FreeSeatsAsync(db, 2, D(Start), D(End)));
        var result = input.Succeeded ? await db.Get<LeaseService>().CreateDraftAsync(admin, Actor, input.Value!, Ct) : Result<long>.Fail(input.Problem!);

        Assert.Equal(ErrorKind.Invalid, result.Problem!.Kind);
        Assert.Equal(code, result.Problem.Code);
        Assert.Equal(row.StartsWith("ramp", StringComparison.Ordinal) ? "ramp" : "concessions", result.Problem.Field);
        Assert.Equal(english, Services.GetRequiredService<IStringLocalizer<LeasingStrings>>().Describe(result.Problem));
        await using var c = await db.Db.OpenAsync(Ct);
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM leases WHERE start_date = @Start", new { Start = D(Start) }));
    }

    private static async Task<LeaseDraftForm> FormAsync(TestDatabase db) => new()
    {
        TenantId = await TenantIdAsync(db, 2), Start = Start, End = End, PriceYuan = 800m, Cycle = PaymentCycle.Monthly, Reason = "new tenant",
    };

    private static DateOnly D(DateTime d) => DateOnly.FromDateTime(d);
}
