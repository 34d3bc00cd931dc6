using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Contracts;
using Park.Domain.Data;
using Park.Domain.Documents;
using Park.Web.Documents;

namespace Park.Bench;

/// <summary>Contract PDFs: layout and render of the 120- and 1,000-seat contracts, load + render, and a park's batch of 200.</summary>
internal static class ContractsBench
{
    public static async Task RunAsync(BenchData data, BenchIds ids, List<Measure> measures)
    {
        const string engines = "Engines (in-process)";
        var contracts = data.Get<ContractService>();
        var printer = data.Get<IDocumentPrinter>();
        var fonts = data.Get<PdfFonts>();
        // Issue #7: "contract PDF ≤ 300 ms warm", whatever the contract's size.
        foreach (var (lease, label, target) in new[] { (ids.Lease120, "120-seat", 300), (ids.Lease1000, "1,000-seat", 300) })
        {
            var composed = await contracts.ComposeAsync(AccessScope.System, lease, "zh-CN");
            if (!composed.Succeeded)
            {
                throw new InvalidOperationException($"Contract {label}: {composed.Problem!.Code}");
            }

            var document = composed.Value.Document;
            var pages = 0;
            // Warm means tier-1 JIT as in a running app: 20 warm-up renders, then 25 timed.
            var stats = await Harness.Time(() => pages = printer.Print(document, DateTimeOffset.UnixEpoch).PageCount, 20, 25);
            measures.Add(new Measure(engines, $"Contract PDF render (SkiaSharp renderer), {label} contract, {pages} pages", stats,
                Target: new Target(target), Note: "render only"));
            var layout = await Harness.Time(() => GC.KeepAlive(new DocumentLayout(fonts).Layout(document)), 5, 25);
            measures.Add(new Measure(engines, $"Contract layout only (no drawing), {label} contract", layout, Note: "part of the render"));
        }

        const string stores = "SQL-backed stores (in-process, platform admin scope) beside the raw SQL";
        var pdf = await Harness.TimeAsync(async () => GC.KeepAlive((await contracts.RenderAsync(AccessScope.System, ids.Lease120, "zh-CN")).Value), 20, 25);
        measures.Add(new Measure(stores, "Contract PDF, 120 seats: load lease + compose + render", pdf, null, new Target(300)));

        // The batch as the app runs it: queued with ContractBatches, run by its worker loop.
        // In NAT-02, so the 1,980 seats they hold leave NAT-01's availability and seat-map measures alone.
        long batchPark;
        await using (var connection = await data.Get<ParkDatabase>().OpenAsync())
        {
            batchPark = await connection.ExecuteScalarAsync<long>("SELECT id FROM parks WHERE code = 'NAT-02'");
        }

        var leases = await data.EnsureBatchLeasesAsync(batchPark, 200);
        var batches = data.Get<ContractBatches>();
        using var stop = new CancellationTokenSource();
        var worker = batches.ProcessQueueAsync(stop.Token);
        var done = 0;
        var batch = await Harness.TimeAsync(async () =>
        {
            await ForgetContractsAsync(data, batchPark);
            var started = await batches.StartAsync(AccessScope.System, AuditActor.Cli, batchPark, "zh-CN");
            var result = await batches.WaitAsync(started.Value!.Id);
            done = result!.Done - result.Failed;
        }, 0, 2, TimeSpan.FromSeconds(60));
        measures.Add(new Measure(stores, $"Contract batch: a park's {leases} signed leases generated and stored ({done} PDFs)", batch, null, new Target(30_000)));
        await stop.CancelAsync();
        await worker.ContinueWith(_ => { }, TaskScheduler.Default);
        await ForgetContractsAsync(data, batchPark);
    }

    /// <summary>Removes the park's stored contracts (rows and files) so the next batch generates them all again.</summary>
    private static async Task ForgetContractsAsync(BenchData data, long parkId)
    {
        var folder = data.Get<ContractService>().Folder;
        await using var connection = await data.Get<ParkDatabase>().OpenAsync();
        var files = await connection.QueryAsync<string>("SELECT file_name FROM contract_versions WHERE park_id = @ParkId", new { ParkId = parkId });
        foreach (var file in files)
        {
            File.Delete(Path.Combine(folder, file));
        }

        await connection.ExecuteAsync("DELETE FROM contract_versions WHERE park_id = @ParkId", new { ParkId = parkId });
    }
}
