using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Dapper;
using Park.Domain.Access;
using Park.Domain.Audit;
using Park.Domain.Data;

namespace Park.Domain.Contracts;

public static class ContractBatchState
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";

    public static bool IsActive(string state) => state is Queued or Running;
}

/// <summary>A batch's progress and result, as the page shows it (a snapshot: the record never changes).</summary>
public sealed record ContractBatchStatus(
    string Id, long ParkId, string Language, string StartedBy, string State, int Done, int Total, int Failed,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt)
{
    public bool IsActive => ContractBatchState.IsActive(State);
}

/// <summary>
/// Batch generation of a park's signed-lease contracts as background work: an administrator starts
/// a batch, a hosted worker (<see cref="ProcessQueueAsync"/>) runs it outside any page or circuit, and
/// progress and result are kept here by batch id, so the administrator can leave and come back. One
/// batch per park at a time; cancellable; start, cancel and result are audited. Tenants and
/// reviewers cannot start, see or cancel batches.
/// </summary>
public sealed class ContractBatches(ParkDatabase db, ContractService contracts, AuditTrail audit, TimeProvider clock)
{
    private readonly Channel<Job> _queue = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);
    private readonly Lock _startLock = new();

    /// <summary>Queues a batch for the park, or says why not (not an administrator of it, a batch already running).</summary>
    public async Task<Result<ContractBatchStatus>> StartAsync(AccessScope scope, AuditActor actor, long parkId, string language, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsParkAdmin)
        {
            return Problem.NotAllowed();
        }

        if (!ContractTemplateStore.Languages.Contains(language, StringComparer.Ordinal))
        {
            return Problem.Invalid("language", "TemplateLanguageUnknown", language);
        }

        if (!await ParkVisibleAsync(scope, parkId, ct))
        {
            return Problem.NotFound();
        }

        Job job;
        lock (_startLock)
        {
            if (_jobs.Values.Any(j => j.ParkId == parkId && ContractBatchState.IsActive(j.Status.State)))
            {
                return Problem.Conflict("ContractBatchRunning");
            }

            var status = new ContractBatchStatus(Guid.NewGuid().ToString("N"), parkId, language, actor.Email, ContractBatchState.Queued, 0, 0, 0,
                clock.GetUtcNow(), null);
            job = new Job(scope, actor, status);
            _jobs[status.Id] = job;
        }

        await AuditAsync(actor, "contract.batch.start", job, AuditOutcome.Success, $"park {parkId} {language}", ct);
        await _queue.Writer.WriteAsync(job, ct);
        return job.Status;
    }

    /// <summary>The batch, when the caller administers its park.</summary>
    public async Task<ContractBatchStatus?> FindAsync(AccessScope scope, string id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return _jobs.TryGetValue(id, out var job) && scope.IsParkAdmin && await ParkVisibleAsync(scope, job.ParkId, ct) ? job.Status : null;
    }

    /// <summary>The park's latest batch (running or finished), for the page an administrator comes back to.</summary>
    public async Task<ContractBatchStatus?> LatestAsync(AccessScope scope, long parkId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsParkAdmin || !await ParkVisibleAsync(scope, parkId, ct))
        {
            return null;
        }

        return _jobs.Values.Where(j => j.ParkId == parkId).Select(j => j.Status).MaxBy(s => s.StartedAt);
    }

    /// <summary>Asks a queued or running batch to stop after the contract in hand.</summary>
    public async Task<Result<ContractBatchStatus>> CancelAsync(AccessScope scope, AuditActor actor, string id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!_jobs.TryGetValue(id, out var job) || !scope.IsParkAdmin || !await ParkVisibleAsync(scope, job.ParkId, ct))
        {
            return Problem.NotFound();
        }

        if (!job.Status.IsActive)
        {
            return Problem.Conflict("ContractBatchFinished");
        }

        await job.Stop.CancelAsync();
        await AuditAsync(actor, "contract.batch.cancel", job, AuditOutcome.Success, "", ct);
        return job.Status;
    }

    /// <summary>Waits until the batch has finished (tests and the CLI); null for an unknown id.</summary>
    public async Task<ContractBatchStatus?> WaitAsync(string id, CancellationToken ct = default) =>
        _jobs.TryGetValue(id, out var job) ? await job.Finished.Task.WaitAsync(ct) : null;

    /// <summary>The worker loop: runs queued batches one after another until <paramref name="ct"/> stops it.</summary>
    public async Task ProcessQueueAsync(CancellationToken ct)
    {
        await foreach (var job in _queue.Reader.ReadAllAsync(ct))
        {
            await RunAsync(job, ct);
        }
    }

    private async Task RunAsync(Job job, CancellationToken stopping)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, job.Stop.Token);
        var ct = linked.Token;
        string? error = null;
        try
        {
            ct.ThrowIfCancellationRequested();
            var leases = await contracts.SignedLeasesAsync(job.Scope, job.ParkId, ct);
            job.Status = job.Status with { State = ContractBatchState.Running, Total = leases.Count };
            var failed = 0;
            for (var i = 0; i < leases.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                var result = await contracts.GenerateAsync(job.Scope, job.Actor, leases[i], job.Status.Language, null, ct);
                failed += result.Succeeded ? 0 : 1;
                job.Status = job.Status with { Done = i + 1, Failed = failed };
            }

            job.Status = job.Status with { State = ContractBatchState.Completed };
        }
        catch (OperationCanceledException)
        {
            job.Status = job.Status with { State = ContractBatchState.Cancelled };
        }
#pragma warning disable CA1031 // the worker outlives any one batch: a failure ends the batch, is audited and shown, never the worker
        catch (Exception e)
#pragma warning restore CA1031
        {
            job.Status = job.Status with { State = ContractBatchState.Failed };
            error = e.GetType().Name;
        }

        job.Status = job.Status with { FinishedAt = clock.GetUtcNow() };
        var clean = job.Status.State == ContractBatchState.Completed && job.Status.Failed == 0;
        try
        {
            await AuditAsync(job.Actor, "contract.batch.finish", job, clean ? AuditOutcome.Success : AuditOutcome.Failure, error ?? job.Status.State,
                CancellationToken.None);
        }
        finally
        {
            // Only now: whoever waits for the batch also finds its audit record.
            job.Finished.TrySetResult(job.Status);
        }
    }

    private async Task<bool> ParkVisibleAsync(AccessScope scope, long parkId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT p.id FROM parks p WHERE p.id = @ParkId AND {scope.ParkFilter("p.id")}",
            scope.Parameters(new { ParkId = parkId }), cancellationToken: ct)) is not null;
    }

    private async Task AuditAsync(AuditActor actor, string action, Job job, string outcome, string reason, CancellationToken ct)
    {
        var s = job.Status;
        await using var connection = await db.OpenAsync(ct);
        await using var tx = connection.BeginTransaction(deferred: false);
        await audit.RecordAsync(connection, tx, actor, new AuditEntry(action, "contract_batch", s.Id, outcome, reason,
            string.Create(CultureInfo.InvariantCulture, $"{s.Language} {s.State}: {s.Done} of {s.Total} done, {s.Failed} failed"), ParkId: s.ParkId), ct);
        await tx.CommitAsync(ct);
    }

    private sealed class Job(AccessScope scope, AuditActor actor, ContractBatchStatus status)
    {
        private ContractBatchStatus _status = status;

        public AccessScope Scope { get; } = scope;

        public AuditActor Actor { get; } = actor;

        public long ParkId { get; } = status.ParkId;

        public CancellationTokenSource Stop { get; } = new();

        public TaskCompletionSource<ContractBatchStatus> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ContractBatchStatus Status
        {
            get => Volatile.Read(ref _status);
            set => Volatile.Write(ref _status, value);
        }
    }
}
