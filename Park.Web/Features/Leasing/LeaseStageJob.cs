using Microsoft.Data.Sqlite;
using Park.Domain.Data;
using Park.Domain.Leasing;

namespace Park.Web.Features.Leasing;

/// <summary>
/// The daily job: once per China business day it applies <see cref="LeaseRules.StageOn"/> to signed leases
/// (upcoming → active → up for renewal → ended). Checks hourly, so a restart or a missed tick catches up.
/// </summary>
public sealed partial class LeaseStageJob(LeaseService leases, TimeProvider clock, ILogger<LeaseStageJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateOnly? done = null;
        // Give start-up (migrations, demo seed) time before the first run.
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        var ticks = 0;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var today = clock.Today();
            if (done == today || (done is not null && ++ticks % 60 != 0))
            {
                continue;
            }

            try
            {
                var moved = await leases.MarkStagesAsync(today, stoppingToken);
                done = today;
                Marked(log, today, moved);
            }
            catch (SqliteException ex)
            {
                Failed(log, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lease stages marked for {Today}: {Moved} leases moved.")]
    private static partial void Marked(ILogger logger, DateOnly today, int moved);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lease stage job failed; it retries later.")]
    private static partial void Failed(ILogger logger, Exception ex);
}
