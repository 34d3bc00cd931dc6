using Park.Web.Cli;

namespace Park.Tests.Staffing;

public sealed class StaffingCliTests
{
    [Fact]
    public async Task Calc_WritesResultsWithoutTouchingAnyDatabase()
    {
        var folder = Directory.CreateTempSubdirectory("park-staffing-cli-").FullName;
        var database = Path.Combine(folder, "never.db");
        Environment.SetEnvironmentVariable("Park__DatabasePath", database);
        try
        {
            var input = Path.Combine(folder, "in.csv");
            var output = Path.Combine(folder, "out.csv");
            await File.WriteAllTextAsync(input, IntervalCsvTests.Csv("2026-03-02T09:00,1800,100,180,0.8,20,0.3,0.85"), TestContext.Current.CancellationToken);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = await ParkCli.RunAsync(["staffing", "calc", "--in", input, "--out", output], stdout, stderr);
            Assert.Equal(0, code);
            var lines = await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("2026-03-02T09:00,1800,100,180,0.8,20,0.3,0.85,14,20,0.888350", lines[1], StringComparison.Ordinal);
            Assert.False(File.Exists(database));
        }
        finally
        {
            Environment.SetEnvironmentVariable("Park__DatabasePath", null);
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task Calc_WithBadRows_PrintsLineAndFieldAndWritesNothing()
    {
        var folder = Directory.CreateTempSubdirectory("park-staffing-cli-").FullName;
        try
        {
            var input = Path.Combine(folder, "in.csv");
            var output = Path.Combine(folder, "out.csv");
            await File.WriteAllTextAsync(input, IntervalCsvTests.Csv("2026-03-02T09:00,1800,100,180,0.8,20,0.3,0.85", "2026-03-02T09:30,1800,x,180,0.8,20,1.5,0.85"), TestContext.Current.CancellationToken);
            var stderr = new StringWriter();
            var code = await ParkCli.RunAsync(["staffing", "calc", "--in", input, "--out", output], new StringWriter(), stderr);
            Assert.Equal(1, code);
            Assert.Contains("line 3, volume: 'x' is not a number.", stderr.ToString(), StringComparison.Ordinal);
            Assert.Contains("line 3, shrinkage:", stderr.ToString(), StringComparison.Ordinal);
            Assert.False(File.Exists(output));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
