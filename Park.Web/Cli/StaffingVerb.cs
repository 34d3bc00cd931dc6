using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Localization;
using Park.Domain.Staffing;
using Park.Web.Resources;

namespace Park.Web.Cli;

/// <summary>
/// <c>staffing calc --in intervals.csv --out result.csv</c>: the Erlang engine over a CSV. It never
/// opens the database, so it runs anywhere the executable does. All or nothing: any bad cell is
/// reported with its line and column and no output is written.
/// </summary>
public static class StaffingVerb
{
    public static Command Create(CliContext context)
    {
        var l = context.Services.GetRequiredService<IStringLocalizer<StaffingStrings>>();
        var input = new Option<FileInfo>("--in") { Description = l["CliStaffingIn"], Required = true };
        var output = new Option<FileInfo>("--out") { Description = l["CliStaffingOut"], Required = true };
        var calc = new Command("calc", l["CliStaffingCalc"]) { input, output };
        calc.SetAction((parsed, ct) => CalculateAsync(context, l, parsed.GetValue(input)!, parsed.GetValue(output)!, ct));
        return new Command("staffing", l["CliStaffing"]) { calc };
    }

    private static async Task<int> CalculateAsync(CliContext context, IStringLocalizer l, FileInfo input, FileInfo output, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        IntervalSheet sheet;
        try
        {
            using var reader = new StreamReader(input.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            sheet = IntervalCsv.Read(reader);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync(l["CliStaffingCannotRead", input.FullName, ex.Message]);
            return 2;
        }

        if (!sheet.Succeeded)
        {
            foreach (var problem in sheet.Problems)
            {
                await context.Error.WriteLineAsync(l["CliStaffingProblem", problem.Row, problem.Field ?? "-", l[problem.Code, problem.Args]]);
            }

            await context.Error.WriteLineAsync(l["CliStaffingRejected", sheet.Problems.Count]);
            return 1;
        }

        var results = IntervalBatch.Calculate(sheet.Intervals, ct);
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Status == StaffingStatus.Unreachable)
            {
                await context.Error.WriteLineAsync(l["CliStaffingUnreachable", sheet.Intervals[i].Row, l[results[i].Reason!, results[i].MaxServableVolume ?? 0]]);
            }
        }

        var temp = output.FullName + ".partial";
        try
        {
            await using (var writer = new StreamWriter(temp, append: false, new UTF8Encoding(false)))
            {
                IntervalCsv.Write(writer, sheet, results);
            }

            File.Move(temp, output.FullName, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync(l["CliStaffingCannotWrite", output.FullName, ex.Message]);
            return 2;
        }

        ct.ThrowIfCancellationRequested();
        await context.Output.WriteLineAsync(l["CliStaffingDone", results.Length, output.FullName, watch.ElapsedMilliseconds]);
        return 0;
    }
}
