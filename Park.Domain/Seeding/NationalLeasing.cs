using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Park.Domain.Data;
using Park.Domain.Leasing;

namespace Park.Domain.Seeding;

/// <summary>
/// The national data set's leases (issue #4 at scale): about 15,000 leases at full size over the 5,000
/// tenants, started 2024-01 … 2026-12 with 1–3 year terms, in every status and stage: chains of
/// renewals (successors via predecessor_id, the predecessor ended as renewed), amendments (add and
/// release seats, change price, extend; new versions numbered after the one before), ramp-up steps,
/// rent-free and half-rent concessions, escalations, early terminations with their settlements,
/// drafts that reserve seats, approved leases, cancelled drafts. The rows are the ones
/// <see cref="LeaseService"/> writes (same columns, numbering, seat_holds semantics and audit actions),
/// planned in memory and written in bulk, one transaction per park; the no-double-lease triggers stay on.
/// Each chain of leases owns a contiguous block of a park's in-service seats (renewals reuse their
/// predecessor's seats from its end), so no seat is held twice on a day. The bench floor (NAT-01 A-3F),
/// the seats the bench's 120-seat lease takes and every seat already held are left alone.
/// </summary>
public sealed class NationalLeasing : INationalSeedExtension
{
    public string Name => "leasing";

    public int Order => 10;

    /// <summary>The last start date a seeded lease may have.</summary>
    public static readonly DateOnly LastStart = new(2026, 12, 31);

    private static readonly DateOnly FirstStart = new(2024, 1, 1);

    /// <summary>The in-service seats of NAT-01 building B the bench's 120-seat lease takes (first by code): kept free.</summary>
    private const int BenchReserve = 120;

    public async Task RunAsync(NationalSeedContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = context.Connection;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var parks = (await connection.QueryAsync<(long Id, string Code)>(
            "SELECT id, code FROM parks WHERE code LIKE 'NAT-%' ORDER BY code")).ToArray();
        var total = 0;
        for (var p = 0; p < parks.Length; p++)
        {
            ct.ThrowIfCancellationRequested();
            var (parkId, code) = parks[p];
            // Draw the park's seed even when it is skipped, so a resumed run produces the same data.
            var random = new Random(context.Random.Next());
            if (await connection.ExecuteScalarAsync<bool>(
                    "SELECT EXISTS (SELECT 1 FROM leases WHERE park_id = @ParkId AND number LIKE 'ZL%')", new { ParkId = parkId }))
            {
                continue;
            }

            await using var tx = connection.BeginTransaction(deferred: false);
            var plan = new ParkPlan(connection, tx, parkId, code, p, context.Clock, random);
            var leases = plan.Build();
            new ParkWriter(connection, tx, parkId).Write(leases);
            await UpdateTenantStatusesAsync(connection, tx, parkId, context.Clock.GetUtcNow());
            await tx.CommitAsync(ct);
            total += leases.Count;
            context.Progress($"leasing {p + 1}/{parks.Length} {code}: {leases.Count:N0} leases, {total:N0} in all ({watch.Elapsed.TotalSeconds:F0} s)");
        }
    }

    /// <summary>A tenant with a running lease is active; with an upcoming or approved one admitted; with only a draft a prospect; with only ended ones exited.</summary>
    private static Task UpdateTenantStatusesAsync(SqliteConnection connection, SqliteTransaction tx, long parkId, DateTimeOffset now) =>
        connection.ExecuteAsync("""
            WITH facts AS (
                SELECT t.id, t.status,
                       EXISTS (SELECT 1 FROM leases l WHERE l.tenant_id = t.id AND l.status = 'signed' AND l.stage IN ('active', 'up_for_renewal', 'notice_served')) AS running,
                       EXISTS (SELECT 1 FROM leases l WHERE l.tenant_id = t.id AND (l.status = 'approved' OR l.status = 'signed' AND l.stage = 'upcoming')) AS coming,
                       EXISTS (SELECT 1 FROM leases l WHERE l.tenant_id = t.id AND l.status = 'draft') AS drafted,
                       EXISTS (SELECT 1 FROM leases l WHERE l.tenant_id = t.id AND l.status = 'signed') AS signed,
                       EXISTS (SELECT 1 FROM leases l WHERE l.tenant_id = t.id) AS any_lease
                FROM tenants t WHERE t.park_id = @ParkId),
            wanted AS (
                SELECT id, status,
                       CASE WHEN running THEN 'active'
                            WHEN coming OR drafted AND signed THEN 'admitted'
                            WHEN drafted THEN 'prospect'
                            WHEN signed THEN 'exited'
                            WHEN any_lease THEN 'prospect'
                            ELSE status END AS next
                FROM facts)
            UPDATE tenants SET status = (SELECT next FROM wanted w WHERE w.id = tenants.id), updated_at = @Now, row_version = row_version + 1
            WHERE id IN (SELECT id FROM wanted WHERE next <> status)
            """, new { ParkId = parkId, Now = now }, tx);

    internal sealed class PlannedVersion
    {
        public int No { get; init; }
        public string Kind { get; init; } = "original";
        public string AmendmentKind { get; init; } = "";
        public string Status { get; set; } = "signed";
        public DateOnly EffectiveFrom { get; init; }
        public DateOnly Start { get; init; }
        public DateOnly End { get; init; }
        public long Price { get; init; }
        public string Cycle { get; init; } = "monthly";
        public int Deposit { get; init; } = 1;
        public string Escalation { get; init; } = "none";
        public long EscalationValue { get; init; }
        public IReadOnlyList<long> Seats { get; init; } = [];
        public IReadOnlyList<Concession> Concessions { get; init; } = [];
        public IReadOnlyList<RampStep> Ramp { get; init; } = [];
        public string Reason { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? ApprovedAt { get; set; }
        public DateTimeOffset? SignedAt { get; set; }
        public long Id { get; set; }

        public LeaseTerms Terms(DateOnly leaseStart) => new(leaseStart, End, Seats.Count, Price, LeaseTerms.ParseCycle(Cycle), Deposit,
            LeaseTerms.ParseEscalation(Escalation), EscalationValue, Concessions, Ramp);
    }

    internal sealed class PlannedLease
    {
        public long TenantId { get; init; }
        public PlannedLease? Predecessor { get; init; }
        public string Status { get; set; } = "signed";
        public string Stage { get; set; } = "upcoming";
        public string? EndReason { get; set; }
        public DateOnly Start { get; init; }
        public DateOnly End { get; set; }
        public DateOnly? NoticeOn { get; set; }
        public DateOnly? TerminatedOn { get; set; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset UpdatedAt { get; set; }
        public long RowVersion { get; set; } = 1;
        public List<PlannedVersion> Versions { get; } = [];
        public Settlement? Settlement { get; set; }
        public string SettlementReason { get; set; } = "";
        public string Number { get; set; } = "";
        public long Id { get; set; }

        /// <summary>The audit actions the service would have recorded: (when, action, reason, details).</summary>
        public List<(DateTimeOffset At, string Action, string Reason, string Details)> Audit { get; } = [];

        public PlannedVersion Current => Versions.Last(v => v.Status == "signed");
    }

    /// <summary>Plans one park's leases in memory: chains of leases over contiguous seat blocks.</summary>
    private sealed class ParkPlan
    {
        private readonly Random _random;
        private readonly DateOnly _today;
        private readonly DateTimeOffset _now;
        private readonly int _parkIndex;
        private readonly List<PlannedLease> _leases = [];
        private readonly (long Id, string Status)[] _tenants;
        private readonly long[] _pool;

        public ParkPlan(SqliteConnection connection, SqliteTransaction tx, long parkId, string code, int parkIndex, TimeProvider clock, Random random)
        {
            _random = random;
            _today = clock.Today();
            _now = clock.GetUtcNow();
            _parkIndex = parkIndex;
            _tenants = connection.Query<(long, string)>("SELECT id, status FROM tenants WHERE park_id = @ParkId ORDER BY id", new { ParkId = parkId }, tx).ToArray();
            var benchFloor = code == NationalSeed.BenchFloorPark;
            var reserved = benchFloor
                ? connection.Query<long>("""
                    SELECT s.id FROM seats s JOIN zones z ON z.id = s.zone_id JOIN floors f ON f.id = z.floor_id JOIN buildings b ON b.id = f.building_id
                    WHERE s.park_id = @ParkId AND s.service_status = 'in_service' AND b.code = 'B' ORDER BY s.code LIMIT @Count
                    """, new { ParkId = parkId, Count = BenchReserve }, tx).ToHashSet()
                : [];
            _pool = connection.Query<long>("""
                SELECT s.id FROM seats s JOIN zones z ON z.id = s.zone_id JOIN floors f ON f.id = z.floor_id JOIN buildings b ON b.id = f.building_id
                WHERE s.park_id = @ParkId AND s.service_status = 'in_service'
                  AND NOT (@BenchFloor AND b.code = 'A' AND f.name = '3F')
                  AND NOT EXISTS (SELECT 1 FROM seat_holds h WHERE h.seat_id = s.id)
                ORDER BY s.id
                """, new { ParkId = parkId, BenchFloor = benchFloor }, tx).Where(id => !reserved.Contains(id)).ToArray();
        }

        private enum Forced
        {
            None,
            NoticeServed,
            Terminated,
            PendingAmendment,
            DraftRenewal,
            ApprovedRenewal,
            CancelledRenewal,
            SignedUpcoming,
        }

        private sealed record Chain(long TenantId, DateOnly Start, double Weight, Forced Forced, bool Exited, string Only);

        public List<PlannedLease> Build()
        {
            var chains = new List<Chain>();
            var forced = Enum.GetValues<Forced>().Skip(1).ToArray();
            var mains = 0;
            for (var t = 0; t < _tenants.Length; t++)
            {
                var (tenantId, status) = _tenants[t];
                var weight = Math.Exp(Normal() * 0.7);
                switch (status)
                {
                    case "prospect":
                        var roll = _random.NextDouble();
                        if (roll < 0.5)
                        {
                            chains.Add(new Chain(tenantId, new DateOnly(2026, 12, 1).AddDays(_random.Next(0, 3) * 7), weight * 0.5, Forced.None, false, "draft"));
                        }
                        else if (roll < 0.75)
                        {
                            chains.Add(new Chain(tenantId, MonthStart(new DateOnly(2025, 3, 1), 18), weight * 0.5, Forced.None, false, "cancelled"));
                        }

                        break;
                    case "exited":
                        chains.Add(new Chain(tenantId, MonthStart(FirstStart, 8), weight, Forced.None, true, ""));
                        break;
                    default:
                        var start = _random.NextDouble() < 0.8 ? MonthStart(FirstStart, 12) : MonthStart(new DateOnly(2025, 1, 1), 22);
                        // The park's first operators go through the rarer paths, so even a small park shows every status and stage.
                        var force = mains < forced.Length ? forced[mains] : Forced.None;
                        mains++;
                        chains.Add(new Chain(tenantId, start, weight, force, false, ""));
                        // Most operators run more than one site (block) in the park, opened over the years.
                        for (var site = 0; site < 2 && _random.NextDouble() < (site == 0 ? 0.75 : 0.45); site++)
                        {
                            chains.Add(new Chain(tenantId, MonthStart(new DateOnly(2024, 4, 1), 32), weight * 0.6, Forced.None, false, ""));
                        }

                        break;
                }
            }

            // Carve the pool into blocks: base seats, a reserve for added seats, and a gap of free seats after each.
            var totalWeight = chains.Sum(c => c.Weight);
            var position = 0;
            foreach (var chain in chains)
            {
                var baseSeats = Math.Max(4, (int)(chain.Weight / totalWeight * _pool.Length * 0.72));
                var reserve = Math.Max(2, baseSeats / 6);
                var gap = (int)(baseSeats * 0.1);
                if (position + baseSeats + reserve > _pool.Length)
                {
                    break;
                }

                var block = _pool.AsSpan(position, baseSeats + reserve).ToArray();
                position += baseSeats + reserve + gap;
                if (chain.Only.Length > 0)
                {
                    Single(chain, block[..baseSeats]);
                }
                else
                {
                    Run(chain, block, baseSeats);
                }
            }

            // The stage the daily job gives each signed lease today.
            var renewed = _leases.Where(l => l.Predecessor is not null && l.Status == "signed").Select(l => l.Predecessor!).ToHashSet();
            foreach (var lease in _leases)
            {
                Stage(lease, renewed.Contains(lease));
            }

            return _leases;
        }

        private DateOnly MonthStart(DateOnly from, int months) => from.AddMonths(_random.Next(0, months + 1));

        private double Normal() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

        private int Pick(params int[] weights)
        {
            var roll = _random.Next(weights.Sum());
            for (var i = 0; i < weights.Length; i++)
            {
                roll -= weights[i];
                if (roll < 0)
                {
                    return i;
                }
            }

            return weights.Length - 1;
        }

        private DateTimeOffset At(DateOnly day)
        {
            // 09:00–18:00 China time on that day, never after now.
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero).AddMinutes(_random.Next(0, 540));
            return at > _now ? _now.AddMinutes(-_random.Next(1, 120)) : at;
        }

        private DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private long Price()
        {
            var tier = _parkIndex < 4 ? 1.25 : _parkIndex < 16 ? 1.0 : 0.85;
            return (long)Math.Round((38_000 + _random.Next(0, 109) * 500) * tier / 100) * 100;
        }

        /// <summary>A prospect's single lease: a draft reserving seats from next month, or a cancelled draft.</summary>
        private void Single(Chain chain, long[] seats)
        {
            var term = 1 + Pick(50, 35, 15);
            var created = At(chain.Only == "draft" ? _today.AddDays(-_random.Next(1, 20)) : chain.Start.AddDays(-_random.Next(20, 60)));
            var lease = NewLease(chain.TenantId, null, chain.Start, chain.Start.AddYears(term), seats, created, first: true);
            if (chain.Only == "cancelled")
            {
                Cancel(lease, After(created, 3, 30));
            }
        }

        /// <summary>A chain of leases on one block: the original, then renewals (or a fresh lease after a gap) until the last start date.</summary>
        private void Run(Chain chain, long[] block, int baseSeats)
        {
            var seats = block[..baseSeats].ToList();
            var start = chain.Start;
            var scenario = chain.Forced;
            PlannedLease? previous = null;
            var inChain = 0;
            while (start <= LastStart)
            {
                var first = inChain++ == 0;
                var forced = first ? scenario : Forced.None;
                var term = 1 + Pick(50, 32, 18);
                if (forced is Forced.DraftRenewal or Forced.ApprovedRenewal or Forced.CancelledRenewal)
                {
                    // Ends in the next weeks, so its successor starts before the last start date.
                    term = 2;
                    start = new DateOnly(2024, 12, 1).AddDays(_random.Next(0, 3) * 7 + 7);
                }
                else if (forced is Forced.NoticeServed or Forced.PendingAmendment)
                {
                    term = 3;
                    start = new DateOnly(2025, 1, 1).AddMonths(_random.Next(0, 8));
                }
                else if (forced == Forced.Terminated)
                {
                    term = 3;
                    start = new DateOnly(2024, 1, 1).AddMonths(_random.Next(0, 6));
                }
                else if (forced == Forced.SignedUpcoming)
                {
                    start = new DateOnly(2026, 12, 1).AddDays(_random.Next(0, 4) * 7);
                }

                if (chain.Exited)
                {
                    term = 1;
                }

                var end = start.AddYears(term);
                var created = At(previous is null ? start.AddDays(-_random.Next(10, 60)) : previous.End.AddDays(-_random.Next(30, 80)));
                if (previous is not null && created <= previous.UpdatedAt)
                {
                    created = After(previous.UpdatedAt, 1, 5);
                }

                var lease = NewLease(chain.TenantId, previous, start, end, seats, created, first && previous is null, previous?.Current);
                if (start > _today)
                {
                    // Not begun yet: a signed, approved, drafted or cancelled lease (or renewal); the chain ends here.
                    var fate = scenario switch
                    {
                        Forced.DraftRenewal => 2,
                        Forced.ApprovedRenewal => 1,
                        Forced.CancelledRenewal => 3,
                        Forced.SignedUpcoming => 0,
                        _ => Pick(55, 20, 20, 5),
                    };
                    Decide(lease, fate, created);
                    return;
                }

                Decide(lease, 0, created);
                var quiet = scenario is Forced.DraftRenewal or Forced.ApprovedRenewal or Forced.CancelledRenewal or Forced.NoticeServed or Forced.Terminated;
                Amend(lease, block, first ? forced : Forced.None, chain.Exited, quiet);
                if (lease.Versions.Any(v => v.Status is "draft" or "approved"))
                {
                    return;
                }

                if ((forced is Forced.NoticeServed or Forced.Terminated || !quiet && !chain.Exited && _random.NextDouble() < 0.05) && Terminate(lease, forced))
                {
                    return;
                }

                seats = [.. lease.Current.Seats];
                var leaseEnd = lease.End;
                if (leaseEnd > _today)
                {
                    // Running: renewed ahead of time when its successor would start by the last start date.
                    var renew = forced is Forced.DraftRenewal or Forced.ApprovedRenewal or Forced.CancelledRenewal
                        || !chain.Exited && leaseEnd <= LastStart && leaseEnd.DayNumber - _today.DayNumber <= 120 && _random.NextDouble() < 0.65;
                    if (!renew)
                    {
                        return;
                    }

                    previous = lease;
                    start = leaseEnd;
                    continue;
                }

                // Ended: renewed (its successor starts on its end), or expired: the tenant leaves or comes back after a gap.
                if (chain.Exited ? inChain < 2 && _random.NextDouble() < 0.5 : _random.NextDouble() < 0.72)
                {
                    previous = lease;
                    start = leaseEnd;
                    continue;
                }

                if (!chain.Exited && _random.NextDouble() < 0.15 && leaseEnd <= LastStart)
                {
                    // A renewal drafted and then cancelled before the lease expired.
                    var attempt = NewLease(chain.TenantId, lease, leaseEnd, leaseEnd.AddYears(1), seats, After(lease.UpdatedAt, 1, 20), false, lease.Current);
                    Cancel(attempt, After(attempt.CreatedAt, 3, 20));
                }

                if (chain.Exited || _random.NextDouble() < 0.5)
                {
                    return;
                }

                previous = null;
                start = new DateOnly(leaseEnd.Year, leaseEnd.Month, 1).AddMonths(_random.Next(1, 5));
            }
        }

        private PlannedLease NewLease(long tenantId, PlannedLease? predecessor, DateOnly start, DateOnly end, IReadOnlyList<long> seats, DateTimeOffset created,
            bool first, PlannedVersion? before = null)
        {
            if (predecessor is not null)
            {
                // Renewing bumps the predecessor's row version, as RenewAsync does.
                predecessor.RowVersion++;
                predecessor.UpdatedAt = Later(predecessor.UpdatedAt, created);
            }

            var price = before is null ? Price() : (long)Math.Round(before.Price * (1 + _random.Next(0, 6) / 100.0) / 100) * 100;
            var cycle = before?.Cycle ?? LeaseTerms.CycleCode((PaymentCycle)new[] { 1, 3, 6, 12 }[Pick(30, 50, 15, 5)]);
            var deposit = before?.Deposit ?? 1 + Pick(45, 40, 15);
            var escalation = "none";
            var escalationValue = 0L;
            if (end > start.AddYears(1))
            {
                if (before is not null)
                {
                    (escalation, escalationValue) = (before.Escalation, before.EscalationValue);
                }
                else if (_random.NextDouble() < 0.55)
                {
                    (escalation, escalationValue) = _random.NextDouble() < 0.7 ? ("percent", 200L + _random.Next(0, 7) * 50) : ("fixed", 1_000L + _random.Next(0, 5) * 500);
                }
            }

            var concessions = new List<Concession>();
            var ramp = new List<RampStep>();
            if (first)
            {
                if (_random.NextDouble() < 0.55)
                {
                    var free = start.AddMonths(1 + _random.Next(0, 3));
                    concessions.Add(new Concession(start, free));
                    if (_random.NextDouble() < 0.25)
                    {
                        concessions.Add(new Concession(free, free.AddMonths(1), 5_000));
                    }
                }

                if (seats.Count >= 6 && _random.NextDouble() < 0.3)
                {
                    ramp.Add(new RampStep(start, (int)Math.Ceiling(seats.Count * 0.4)));
                    ramp.Add(new RampStep(start.AddMonths(2), (int)Math.Ceiling(seats.Count * 0.7)));
                    ramp.Add(new RampStep(start.AddMonths(4), seats.Count));
                }
            }

            var lease = new PlannedLease { TenantId = tenantId, Predecessor = predecessor, Status = "draft", Start = start, End = end, CreatedAt = created, UpdatedAt = created };
            var reason = predecessor is null ? "" : "续租 / renewal";
            lease.Versions.Add(new PlannedVersion
            {
                No = 1, Kind = "original", Status = "draft", EffectiveFrom = start, Start = start, End = end, Price = price, Cycle = cycle, Deposit = deposit,
                Escalation = escalation, EscalationValue = escalationValue, Seats = [.. seats], Concessions = concessions, Ramp = ramp, Reason = reason, CreatedAt = created,
            });
            lease.Audit.Add((created, predecessor is null ? "lease.create" : "lease.renew", reason,
                $"__NUMBER__; seats={seats.Count}; term={start:yyyy-MM-dd}..{end:yyyy-MM-dd}; price={price}"));
            _leases.Add(lease);
            return lease;
        }

        private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

        private DateTimeOffset After(DateTimeOffset at, int minDays, int maxDays)
        {
            var next = at.AddDays(_random.Next(minDays, maxDays + 1)).AddMinutes(_random.Next(0, 300));
            return next > _now ? _now.AddMinutes(-_random.Next(1, 60)) is var n && n > at ? n : at : next;
        }

        /// <summary>0 signed, 1 approved, 2 draft, 3 cancelled.</summary>
        private void Decide(PlannedLease lease, int fate, DateTimeOffset created)
        {
            var v = lease.Versions[0];
            if (fate == 2)
            {
                return;
            }

            if (fate == 3)
            {
                Cancel(lease, After(created, 1, 20));
                return;
            }

            var approved = After(created, 1, 6);
            v.Status = "approved";
            v.ApprovedAt = approved;
            lease.Status = "approved";
            lease.RowVersion++;
            lease.UpdatedAt = approved;
            lease.Audit.Add((approved, "lease.approve", "", "__NUMBER__; version=1; kind=original"));
            if (fate == 1)
            {
                return;
            }

            var signed = After(approved, 1, 6);
            v.Status = "signed";
            v.SignedAt = signed;
            lease.Status = "signed";
            lease.RowVersion++;
            lease.UpdatedAt = signed;
            lease.Audit.Add((signed, "lease.sign", "", "__NUMBER__; version=1; kind=original"));
        }

        private void Cancel(PlannedLease lease, DateTimeOffset at)
        {
            var v = lease.Versions[0];
            v.Status = "cancelled";
            lease.Status = "cancelled";
            lease.Stage = "upcoming";
            lease.RowVersion++;
            lease.UpdatedAt = Later(lease.UpdatedAt, at);
            lease.Audit.Add((lease.UpdatedAt, "lease.cancel", "客户放弃 / tenant withdrew", "__NUMBER__; version=1; kind=original"));
        }

        /// <summary>Amendments of a signed lease, each a new version from its effective date; the last may still be pending.</summary>
        private void Amend(PlannedLease lease, long[] block, Forced forced, bool exited, bool quiet)
        {
            var count = forced == Forced.PendingAmendment ? 1 : quiet ? 0 : Pick(58, 28, 11, 3);
            var pendingWanted = forced == Forced.PendingAmendment || lease.End.DayNumber - _today.DayNumber > 90 && _random.NextDouble() < 0.12;
            var last = lease.Start;
            for (var i = 0; i < count; i++)
            {
                var current = lease.Current;
                var pending = pendingWanted && i == count - 1;
                DateOnly effective;
                if (pending)
                {
                    effective = _today.AddDays(_random.Next(7, 45));
                    if (effective >= current.End || effective <= last)
                    {
                        return;
                    }
                }
                else
                {
                    var from = (last == lease.Start ? lease.Start.AddDays(60) : last.AddDays(30)).DayNumber;
                    var to = Min(current.End.AddDays(-30), _today).DayNumber;
                    if (to <= from)
                    {
                        return;
                    }

                    effective = DateOnly.FromDayNumber(_random.Next(from, to));
                    effective = new DateOnly(effective.Year, effective.Month, 1) > last ? new DateOnly(effective.Year, effective.Month, 1) : effective;
                }

                var kind = Pick(35, 25, 20, exited ? 0 : 20);
                var newSeats = current.Seats.ToList();
                var price = current.Price;
                var end = current.End;
                string code;
                switch (kind)
                {
                    case 0:
                        var free = block.Where(s => !newSeats.Contains(s)).ToArray();
                        if (free.Length == 0)
                        {
                            continue;
                        }

                        newSeats.AddRange(free.Take(Math.Max(1, Math.Min(free.Length, (int)(newSeats.Count * (0.05 + _random.NextDouble() * 0.15))))));
                        code = "add_seats";
                        break;
                    case 1:
                        if (newSeats.Count < 3)
                        {
                            continue;
                        }

                        var k = Math.Min(newSeats.Count - 1, Math.Max(1, newSeats.Count / (4 + _random.Next(0, 6))));
                        newSeats.RemoveRange(newSeats.Count - k, k);
                        code = "release_seats";
                        break;
                    case 2:
                        price = (long)Math.Round(price * (1 + (_random.Next(0, 2) == 0 ? -1 : 1) * (0.03 + _random.Next(0, 6) / 100.0)) / 100) * 100;
                        code = "change_price";
                        break;
                    default:
                        end = end.AddMonths(_random.Next(0, 2) == 0 ? 6 : 12);
                        code = "extend";
                        break;
                }

                var created = pending ? At(_today.AddDays(-_random.Next(1, 10))) : At(effective.AddDays(-_random.Next(7, 30)));
                created = Later(created, lease.UpdatedAt.AddMinutes(5));
                var version = new PlannedVersion
                {
                    No = lease.Versions.Count + 1, Kind = "amendment", AmendmentKind = code, Status = "draft", EffectiveFrom = effective, Start = lease.Start, End = end,
                    Price = price, Cycle = current.Cycle, Deposit = current.Deposit, Escalation = current.Escalation, EscalationValue = current.EscalationValue,
                    Seats = newSeats, Concessions = current.Concessions, Reason = AmendReason(code), CreatedAt = created,
                };
                lease.Versions.Add(version);
                lease.RowVersion++;
                lease.UpdatedAt = created;
                lease.Audit.Add((created, "lease.amend", version.Reason,
                    $"__NUMBER__; kind={code}; effective={effective:yyyy-MM-dd}; seats={newSeats.Count}; price={price}; end={end:yyyy-MM-dd}"));
                last = effective;
                var stop = pending ? Pick(55, 45) : 2;
                if (stop == 0)
                {
                    return;
                }

                var approved = After(created, 1, pending ? 3 : 5);
                version.Status = "approved";
                version.ApprovedAt = approved;
                lease.RowVersion++;
                lease.UpdatedAt = approved;
                lease.Audit.Add((approved, "lease.approve", "", $"__NUMBER__; version={version.No}; kind=amendment"));
                if (stop == 1)
                {
                    return;
                }

                var signed = After(approved, 1, 5);
                version.Status = "signed";
                version.SignedAt = signed;
                lease.RowVersion++;
                lease.UpdatedAt = signed;
                lease.Audit.Add((signed, "lease.sign", "", $"__NUMBER__; version={version.No}; kind=amendment"));
                lease.End = end;
            }
        }

        private static string AmendReason(string code) => code switch
        {
            "add_seats" => "新增客户项目 / new client programme",
            "release_seats" => "项目收缩 / programme scaled down",
            "change_price" => "价格调整 / price review",
            _ => "延长租期 / term extended",
        };

        /// <summary>Ends the lease early as TerminateAsync does: notice in the past, termination date before or after today.</summary>
        private bool Terminate(PlannedLease lease, Forced forced)
        {
            var current = lease.Current;
            var earliest = Later(lease.Versions.Max(v => v.EffectiveFrom), lease.Start.AddDays(60));
            DateOnly notice;
            DateOnly end;
            if (forced == Forced.NoticeServed || forced != Forced.Terminated && lease.End > _today && _random.NextDouble() < 0.35)
            {
                notice = _today.AddDays(-_random.Next(1, 40));
                end = new DateOnly(_today.Year, _today.Month, 1).AddMonths(1 + _random.Next(0, 4));
            }
            else
            {
                var latest = Min(lease.End.AddDays(-120), _today.AddDays(-120));
                if (latest <= earliest)
                {
                    return false;
                }

                notice = DateOnly.FromDayNumber(_random.Next(earliest.DayNumber, latest.DayNumber));
                end = new DateOnly(notice.Year, notice.Month, 1).AddMonths(1 + _random.Next(0, 3));
            }

            if (notice <= earliest || end >= lease.End || end <= lease.Start)
            {
                return false;
            }

            var terms = current.Terms(lease.Start) with { Ramp = null };
            var penalty = _random.NextDouble() < 0.5 ? 0 : current.Price * current.Seats.Count;
            var settlement = LeaseSettlement.Compute(terms, notice, end, new Money(penalty));
            if (!settlement.Succeeded)
            {
                return false;
            }

            var at = At(notice);
            lease.Settlement = settlement.Value;
            lease.SettlementReason = forced == Forced.NoticeServed || _random.NextDouble() < 0.5 ? "业务调整 / business restructuring" : "客户合同到期 / client contract ended";
            lease.NoticeOn = notice;
            lease.TerminatedOn = end;
            lease.End = end;
            lease.RowVersion++;
            lease.UpdatedAt = Later(lease.UpdatedAt, at);
            lease.Audit.Add((lease.UpdatedAt, "lease.terminate", lease.SettlementReason,
                $"__NUMBER__; end={end:yyyy-MM-dd}; unbilled={settlement.Value!.Unbilled.Fen}; refund={settlement.Value.Refund.Fen}; owed={settlement.Value.Owed.Fen}"));
            return true;
        }

        private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

        /// <summary>The stage the daily job would give a signed lease today (notice is sticky; a signed successor makes it renewed).</summary>
        private void Stage(PlannedLease lease, bool hasSignedSuccessor)
        {
            if (lease.Status != "signed")
            {
                return;
            }

            var (stage, reason) = LeaseRules.StageOn(_today, lease.Start, lease.End, lease.NoticeOn is null ? LeaseStage.Upcoming : LeaseStage.NoticeServed,
                null, hasSignedSuccessor);
            lease.Stage = LeaseRules.Code(stage);
            lease.EndReason = reason is null ? null : LeaseRules.Code(reason.Value);
            if (stage != LeaseStage.Upcoming)
            {
                lease.RowVersion++;
            }
        }
    }

    /// <summary>Writes a park's planned leases with prepared commands, in the order they were created (which numbers them).</summary>
    private sealed class ParkWriter(SqliteConnection connection, SqliteTransaction tx, long parkId)
    {
        public void Write(List<PlannedLease> planned)
        {
            var existing = connection.ExecuteScalar<long>("SELECT count(*) FROM leases WHERE park_id = @ParkId", new { ParkId = parkId }, tx);
            using var lease = Prepare("""
                INSERT INTO leases (park_id, tenant_id, number, status, stage, end_reason, start_date, end_date, predecessor_id, created_at, updated_at,
                                    row_version, notice_served_on, terminated_on)
                VALUES ($park, $tenant, $number, $status, $stage, $reason, $start, $end, $predecessor, $created, $updated, $rv, $notice, $terminated)
                RETURNING id
                """, "$park", "$tenant", "$number", "$status", "$stage", "$reason", "$start", "$end", "$predecessor", "$created", "$updated", "$rv", "$notice", "$terminated");
            using var version = Prepare("""
                INSERT INTO lease_versions (lease_id, version_no, kind, amendment_kind, status, effective_from, start_date, end_date, monthly_price_fen,
                                            payment_cycle, deposit_months, escalation_kind, escalation_value, special_terms, reason, created_by, created_at,
                                            approved_by, approved_at, signed_by, signed_at, row_version)
                VALUES ($lease, $no, $kind, $amendment, $status, $effective, $start, $end, $price, $cycle, $deposit, $escalation, $value, '', $reason, NULL, $created,
                        NULL, $approved, NULL, $signed, $rv)
                RETURNING id
                """, "$lease", "$no", "$kind", "$amendment", "$status", "$effective", "$start", "$end", "$price", "$cycle", "$deposit", "$escalation", "$value",
                "$reason", "$created", "$approved", "$signed", "$rv");
            using var seat = Prepare("INSERT INTO lease_version_seats (lease_version_id, seat_id) VALUES ($version, $seat)", "$version", "$seat");
            using var concession = Prepare("INSERT INTO lease_concessions (lease_version_id, start_date, end_date, discount_bp) VALUES ($version, $start, $end, $bp)",
                "$version", "$start", "$end", "$bp");
            using var ramp = Prepare("INSERT INTO lease_ramp_steps (lease_version_id, from_date, seat_count) VALUES ($version, $from, $count)", "$version", "$from", "$count");
            using var hold = Prepare("""
                INSERT INTO seat_holds (seat_id, park_id, tenant_id, lease_id, lease_version_id, kind, start_date, end_date)
                VALUES ($seat, $park, $tenant, $lease, $version, $kind, $start, $end)
                """, "$seat", "$park", "$tenant", "$lease", "$version", "$kind", "$start", "$end");
            using var settlement = Prepare("""
                INSERT INTO lease_settlements (lease_id, notice_date, termination_date, billed_through, unbilled_days, unbilled_fen, prepaid_days,
                    prepaid_credit_fen, penalty_fen, deposit_fen, deposit_offset_fen, refund_fen, owed_fen, reason, created_by, created_at)
                VALUES ($lease, $notice, $end, $billed, $ud, $uf, $pd, $pc, $penalty, $deposit, $offset, $refund, $owed, $reason, NULL, $created)
                """, "$lease", "$notice", "$end", "$billed", "$ud", "$uf", "$pd", "$pc", "$penalty", "$deposit", "$offset", "$refund", "$owed", "$reason", "$created");
            using var audit = Prepare("""
                INSERT INTO audit_events (occurred_at, actor_user_id, actor_email, actor_role, park_id, tenant_id, action, target_type, target_id, outcome, reason, details, remote_ip)
                VALUES ($at, NULL, 'seed', 'Operator', $park, $tenant, $action, 'lease', $target, 'success', $reason, $details, '')
                """, "$at", "$park", "$tenant", "$action", "$target", "$reason", "$details");

            var n = existing;
            foreach (var l in planned.OrderBy(l => l.CreatedAt).ThenBy(l => l.Start))
            {
                n++;
                l.Number = string.Create(CultureInfo.InvariantCulture, $"ZL{l.CreatedAt.ToOffset(BusinessClock.ChinaOffset).Year}-{n:D5}");
                l.Id = (long)Run(lease, parkId, l.TenantId, l.Number, l.Status, l.Stage, l.EndReason, Day(l.Start), Day(l.End), l.Predecessor?.Id, Time(l.CreatedAt),
                    Time(l.UpdatedAt), l.RowVersion, l.NoticeOn is { } no ? Day(no) : null, l.TerminatedOn is { } te ? Day(te) : null)!;
                foreach (var v in l.Versions)
                {
                    var rv = 1 + (v.ApprovedAt is null ? 0 : 1) + (v.SignedAt is null ? 0 : 1) + (v.Status == "cancelled" ? 1 : 0);
                    v.Id = (long)Run(version, l.Id, v.No, v.Kind, v.AmendmentKind, v.Status, Day(v.EffectiveFrom), Day(v.Start), Day(v.End), v.Price, v.Cycle,
                        v.Deposit, v.Escalation, v.EscalationValue, v.Reason, Time(v.CreatedAt), v.ApprovedAt is { } a ? Time(a) : null,
                        v.SignedAt is { } s ? Time(s) : null, rv)!;
                    foreach (var seatId in v.Seats)
                    {
                        Run(seat, v.Id, seatId);
                    }

                    foreach (var c in v.Concessions)
                    {
                        Run(concession, v.Id, Day(c.Start), Day(c.End), c.DiscountBp);
                    }

                    foreach (var r in v.Ramp)
                    {
                        Run(ramp, v.Id, Day(r.From), r.SeatCount);
                    }
                }

                foreach (var h in Holds(l))
                {
                    Run(hold, h.Seat, parkId, l.TenantId, l.Id, h.Version, h.Kind, Day(h.Start), Day(h.End));
                }

                if (l.Settlement is { } st)
                {
                    Run(settlement, l.Id, Day(st.NoticeDate), Day(st.TerminationDate), Day(st.BilledThrough), st.UnbilledDays, st.Unbilled.Fen, st.PrepaidDays,
                        st.PrepaidCredit.Fen, st.Penalty.Fen, st.Deposit.Fen, st.DepositOffset.Fen, st.Refund.Fen, st.Owed.Fen, l.SettlementReason,
                        Time(l.Audit.Last(a => a.Action == "lease.terminate").At));
                }

                foreach (var (at, action, reason, details) in l.Audit)
                {
                    Run(audit, Time(at), parkId, l.TenantId, action, l.Id.ToString(CultureInfo.InvariantCulture), reason,
                        details.Replace("__NUMBER__", "number=" + l.Number, StringComparison.Ordinal));
                }
            }
        }

        /// <summary>
        /// The seat_holds rows the lease service leaves: the original's seats over the term (reserved for a draft, held once
        /// approved, none when cancelled); each approved or signed amendment rewrites them from its effective date to its end;
        /// a termination cuts them at the termination date.
        /// </summary>
        internal static List<(long Seat, long Version, string Kind, DateOnly Start, DateOnly End)> Holds(PlannedLease lease)
        {
            var holds = new List<(long Seat, long Version, string Kind, DateOnly Start, DateOnly End)>();
            var original = lease.Versions[0];
            if (original.Status == "cancelled")
            {
                return holds;
            }

            var kind = original.Status == "draft" ? "reserved" : "held";
            holds.AddRange(original.Seats.Select(s => (s, original.Id, kind, original.Start, original.End)));
            foreach (var v in lease.Versions.Skip(1).Where(v => v.Status is "approved" or "signed"))
            {
                Cut(holds, v.EffectiveFrom);
                holds.AddRange(v.Seats.Select(s => (s, v.Id, "held", v.EffectiveFrom, v.End)));
            }

            if (lease.TerminatedOn is { } end)
            {
                Cut(holds, end);
            }

            return holds;
        }

        private static void Cut(List<(long Seat, long Version, string Kind, DateOnly Start, DateOnly End)> holds, DateOnly from)
        {
            holds.RemoveAll(h => h.Start >= from);
            for (var i = 0; i < holds.Count; i++)
            {
                if (holds[i].End > from)
                {
                    holds[i] = holds[i] with { End = from };
                }
            }
        }

        private static string Day(DateOnly day) => DapperSetup.ToDbText(day);

        private static string Time(DateTimeOffset at) => DapperSetup.ToDbText(at);

        private SqliteCommand Prepare(string sql, params string[] names)
        {
            var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = sql;
            foreach (var name in names)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            return command;
        }

        private static object? Run(SqliteCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            return command.ExecuteScalar();
        }
    }
}
