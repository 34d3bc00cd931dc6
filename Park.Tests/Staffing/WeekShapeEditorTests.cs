using Bunit;
using Park.Domain.Staffing;
using Park.Web.Features.Staffing;

namespace Park.Tests.Staffing;

public sealed class WeekShapeEditorTests : ComponentTestBase
{
    [Fact]
    public void Editor_ShowsADayAndAnHourField_AndWritesEditsIntoTheShares()
    {
        double[] days = [.. WeekShape.OfficeHours.Days];
        double[] hours = [.. WeekShape.OfficeHours.Hours];
        var editor = Render<WeekShapeEditor>(p => p.Add(e => e.Days, days).Add(e => e.Hours, hours));
        var dayInputs = editor.FindAll("[data-testid='pattern-days'] input");
        Assert.Equal(7, dayInputs.Count);
        Assert.Equal(24, editor.FindAll("[data-testid='pattern-hours'] input").Count);
        Assert.Contains("周六", editor.Find("[data-testid='pattern-days']").TextContent, StringComparison.Ordinal); // zh-CN weekday names

        editor.FindAll("[data-testid='pattern-days'] input")[5].Change("2.5");
        editor.FindAll("[data-testid='pattern-hours'] input")[7].Change("0.5");
        Assert.Equal([1, 1, 1, 1, 1, 2.5, 0], days);
        Assert.Equal(0.5, hours[7]);
        Assert.Empty(new WeekShape(days, hours).Validate());
    }
}
