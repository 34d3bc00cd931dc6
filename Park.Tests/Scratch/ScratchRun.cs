using System.Diagnostics;
using Park.Domain.Access;
using Park.Domain.Contracts;
using Park.Tests.Contracts;
using Park.Web.Documents;

namespace Park.Tests.Scratch;

public sealed class ScratchRun
{
    [Fact]
    public async Task Run()
    {
        await using var db = await TestDatabase.WithDemoAsync();
        var data = new ContractTestData(db.Db) { SeatCount = 120, Cycle = "quarterly", EscalationKind = "percent", EscalationValue = 300,
            End = new DateOnly(2029, 1, 1), SpecialTerms = "乙方可于租期内优先承租同层相邻座席（Right of first refusal on adjacent seats）。" };
        data.Concessions.Add((new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 1), 10000));
        data.Ramp.Add((new DateOnly(2027, 1, 1), 80));
        data.Ramp.Add((new DateOnly(2027, 4, 1), 120));
        var leaseId = await data.InsertAsync();
        var big = await new ContractTestData(db.Db) { SeatCount = 1000, SeatOffset = 120, TenantIndex = 1 }.InsertAsync();
        var service = db.Get<ContractService>();
        var printer = db.Get<PdfRenderer>();
        foreach (var lang in new[] { "zh-CN", "en-US" })
        {
            var composed = (await service.ComposeAsync(AccessScope.System, leaseId, lang, ct: TestContext.Current.CancellationToken)).Value.Document;
            var pdf = printer.Render(composed, DateTimeOffset.UtcNow);
            await File.WriteAllBytesAsync($"/tmp/docs-scratch/contract-{lang}.pdf", pdf.Bytes, TestContext.Current.CancellationToken);
        }

        for (var (id, label) = (leaseId, "120"); ; (id, label) = (big, "1000"))
        {
            var sw = new Stopwatch();
            var times = new List<double>();
            var pages = 0;
            var size = 0;
            for (var i = 0; i < 8; i++)
            {
                sw.Restart();
                var composed = (await service.ComposeAsync(AccessScope.System, id, "zh-CN", ct: TestContext.Current.CancellationToken)).Value.Document;
                var pdf = printer.Render(composed, DateTimeOffset.UtcNow);
                sw.Stop();
                times.Add(sw.Elapsed.TotalMilliseconds);
                pages = pdf.PageCount;
                size = pdf.Bytes.Length;
                if (label == "1000")
                {
                    await File.WriteAllBytesAsync("/tmp/docs-scratch/contract-1000.pdf", pdf.Bytes, TestContext.Current.CancellationToken);
                }
            }

            await File.AppendAllTextAsync("/tmp/docs-scratch/timings.txt",
                $"{label} seats: pages {pages}, {size / 1024} KB, ms {string.Join(" ", times.Select(t => t.ToString("0.0")))}\n", TestContext.Current.CancellationToken);
            if (label == "1000")
            {
                break;
            }
        }
    }
}
