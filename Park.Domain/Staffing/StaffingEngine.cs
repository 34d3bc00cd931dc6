namespace Park.Domain.Staffing;

/// <summary>
/// The smallest number of agents meeting every target of an interval, and the positions after
/// shrinkage. Candidates are tried upward from a lower bound while the Erlang B recursion is
/// extended one step per candidate, so a search is O(N) and allocates nothing.
/// </summary>
public static class StaffingEngine
{
    /// <summary>The most agents the engine will staff one interval with (about 90,000 Erlangs).</summary>
    public const int AgentLimit = 100_000;

    public static StaffingResult Calculate(in StaffingRequest request)
    {
        if (request.Validate().Count > 0)
        {
            throw new ArgumentException("Validate the request before calculating it.", nameof(request));
        }

        return CalculateValid(request);
    }

    /// <summary>Calculate a request already validated (the CSV and API paths validate every row first).</summary>
    public static StaffingResult CalculateValid(in StaffingRequest request)
    {
        if (request.Volume == 0)
        {
            return new StaffingResult(StaffingStatus.NoVolume, 0, 0, 0, QueueMetrics.Idle, request.UsesErlangA);
        }

        var offered = Offered.Of(request);
        var load = offered.Load;
        var limit = Math.Min(request.MaxAgents ?? AgentLimit, AgentLimit);
        if (request.ServiceLevelTarget >= 1)
        {
            // No finite staff answers every caller within a threshold: say so, with the staff the other targets need.
            var relaxed = Search(request with { ServiceLevelTarget = 0 }, offered, limit);
            var agents = relaxed.Agents ?? limit;
            return new StaffingResult(StaffingStatus.Unreachable, agents, Positions(agents, request.Shrinkage), load,
                relaxed.Metrics, request.UsesErlangA, StaffingCodes.ServiceLevelUnattainable, 0, 0);
        }

        var found = Search(request, offered, limit);
        if (found.Agents is { } needed)
        {
            return new StaffingResult(StaffingStatus.Met, needed, Positions(needed, request.Shrinkage), load, found.Metrics, request.UsesErlangA);
        }

        var atLimit = Evaluate(request, load, limit);
        var servable = MaxServableVolume(request, limit);
        return new StaffingResult(StaffingStatus.Unreachable, limit, Positions(limit, request.Shrinkage), load, atLimit,
            request.UsesErlangA, StaffingCodes.AgentLimitReached, servable,
            (double)((decimal)servable * request.AhtSeconds / request.IntervalSeconds));
    }

    /// <summary>Positions = ⌈agents ÷ (1 − shrinkage)⌉ in decimal: 21 at 30% is 30, not 31.</summary>
    public static long Positions(int agents, decimal shrinkage) =>
        (long)decimal.Ceiling(agents / (1m - shrinkage));

    /// <summary>The metrics of the interval with a given staff (Erlang C may report an unstable queue).</summary>
    public static QueueMetrics Evaluate(in StaffingRequest request, double load, int agents)
    {
        var b = ErlangC.ErlangB(load, agents);
        return request.PatienceSeconds is { } patience
            ? ErlangA.FromErlangB(load, agents, b, (double)request.AhtSeconds, request.ThresholdSeconds, patience)
            : ErlangC.FromErlangB(load, agents, b, (double)request.AhtSeconds, request.ThresholdSeconds);
    }

    private readonly record struct Found(int? Agents, QueueMetrics Metrics);

    /// <summary>
    /// An interval's offered load A, exact (decimal: the occupancy cap is compared exactly) and as a double (the
    /// formulas), and the smallest staff whose occupancy A ÷ N is within the cap, settled once so that trying a
    /// candidate compares integers rather than multiplying decimals.
    /// </summary>
    private readonly record struct Offered(decimal Exact, double Load, int CapAgents)
    {
        public static Offered Of(in StaffingRequest request) => Of(request.ExactLoad, request.MaxOccupancy);

        public static Offered Of(decimal exact, decimal maxOccupancy)
        {
            // N·cap ≥ A from ⌈A ÷ cap⌉ (one decimal division), confirmed by exact products either side of it.
            var agents = CeilingToInt(exact / maxOccupancy);
            while (agents > 0 && (agents - 1) * maxOccupancy >= exact)
            {
                agents--;
            }

            while (agents <= AgentLimit && agents * maxOccupancy < exact)
            {
                agents++;
            }

            return new Offered(exact, (double)exact, agents);
        }
    }

    private static Found Search(in StaffingRequest request, in Offered offered, int limit)
    {
        var start = Math.Max(1, LowerBound(request, offered));
        var b = ErlangC.ErlangB(offered.Load, Math.Min(start, limit + 1) - 1);

        return request.PatienceSeconds is { } patience
            ? SearchErlangA(request, offered, start, b, limit, patience)
            : SearchErlangC(request, offered, start, b, limit);
    }

    /// <summary>Erlang C metrics cost O(1) from B(n): every candidate upward from the bound is tried.</summary>
    private static Found SearchErlangC(in StaffingRequest request, in Offered offered, int start, double b, int limit)
    {
        var aht = (double)request.AhtSeconds;
        var load = offered.Load;
        for (var n = start; n <= limit; n++)
        {
            b = ErlangC.NextB(load, b, n);
            var metrics = ErlangC.FromErlangB(load, n, b, aht, request.ThresholdSeconds);
            if (Meets(request, metrics, n, offered))
            {
                return new Found(n, metrics);
            }
        }

        return new Found(null, default);
    }

    /// <summary>
    /// Erlang A metrics sum a tail of queue states for each candidate, so candidates are not tried one
    /// by one: every target is monotone in the staff (more agents never lower the service level or raise
    /// abandonment, waiting or occupancy), so the smallest staff meeting them is bracketed from a first
    /// guess — single steps first, where the answer nearly always is, then doubling steps — and found by
    /// bisection: two or three tail sums an interval instead of one per candidate. B(n) comes from one
    /// table filled by the recursion from B(start − 1), which every probe reads and the guess starts from.
    /// </summary>
    private static Found SearchErlangA(in StaffingRequest request, in Offered offered, int start, double bBeforeStart, int limit, double patience)
    {
        if (start > limit)
        {
            return new Found(null, default);
        }

        var load = offered.Load;
        var queue = new ErlangA.Queue((double)request.AhtSeconds, request.ThresholdSeconds, patience);
        var table = new ErlangBTable(load, start, bBeforeStart, stackalloc double[Math.Min(limit - start + 1, ErlangBTable.MaxCached)]);
        QueueMetrics At(ref ErlangBTable b, int agents) => queue.Metrics(load, agents, b.At(agents));

        // Bracket: `failing` never meets the targets (start − 1 is below the bound), `meeting` does. The first
        // probe is a guess from the Erlang C staff for the same targets (O(1) per candidate, so cheap): callers who
        // abandon shorten the queue, and the answer was within a few agents of it in every year measured. The guess
        // only saves tail sums; the steps and bisection find the smallest staff from wherever it lands.
        var failing = start - 1;
        int? meeting = null;
        QueueMetrics found = default;
        var guess = Math.Clamp(ErlangCGuess(request, offered, limit, ref table) - 2, start, limit);
        var first = At(ref table, guess);
        if (Meets(request, first, guess, offered))
        {
            (meeting, found) = (guess, first);
            for (var probe = 0; meeting - Step(probe) > failing; probe++)
            {
                var candidate = meeting.Value - Step(probe);
                var metrics = At(ref table, candidate);
                if (!Meets(request, metrics, candidate, offered))
                {
                    failing = candidate;
                    break;
                }

                (meeting, found) = (candidate, metrics);
            }
        }
        else
        {
            failing = guess;
            for (var probe = 0; meeting is null; probe++)
            {
                if (failing == limit)
                {
                    return new Found(null, default);
                }

                var candidate = (int)Math.Min((long)failing + Step(probe), limit);
                var metrics = At(ref table, candidate);
                if (Meets(request, metrics, candidate, offered))
                {
                    (meeting, found) = (candidate, metrics);
                }
                else
                {
                    failing = candidate;
                }
            }
        }

        while (meeting - failing > 1)
        {
            var middle = failing + ((meeting.Value - failing) / 2);
            var metrics = At(ref table, middle);
            if (Meets(request, metrics, middle, offered))
            {
                (meeting, found) = (middle, metrics);
            }
            else
            {
                failing = middle;
            }
        }

        return new Found(meeting, found);
    }

    /// <summary>Steps of one agent twice (the answer is within a few agents of the guess), then doubling: 1, 1, 2, 4, 8 …</summary>
    private static int Step(int probe) => probe < 2 ? 1 : 1 << Math.Min(probe - 1, 30);

    /// <summary>
    /// The Erlang C staff for the same service level, ASA and occupancy targets (the Erlang A search's first guess):
    /// Erlang C's own search from its bound, starting from B(n − 1) in the Erlang A search's table.
    /// </summary>
    private static int ErlangCGuess(in StaffingRequest request, in Offered offered, int limit, ref ErlangBTable table)
    {
        var erlangC = request with { PatienceSeconds = null, MaxAbandon = null };
        var start = Math.Max(table.Start, LowerBound(erlangC, offered));
        return SearchErlangC(erlangC, offered, start, table.Before(start), limit).Agents ?? limit;
    }

    /// <summary>
    /// B(n) for n ≥ start, each step of the recursion taken once: the first <see cref="MaxCached"/> values are kept
    /// (the whole search lives there but for loads of thousands of Erlangs), later ones are stepped to from the last kept.
    /// </summary>
    private ref struct ErlangBTable(double load, int start, double bBeforeStart, Span<double> cache)
    {
        public const int MaxCached = 512;
        private readonly Span<double> _cache = cache;
        private int _filled;

        public readonly int Start => start;

        /// <summary>B(n − 1): the value the recursion steps from to reach B(n).</summary>
        public double Before(int agents) => agents == start ? bBeforeStart : At(agents - 1);

        public double At(int agents)
        {
            var index = agents - start;
            while (_filled <= index && _filled < _cache.Length)
            {
                _cache[_filled] = ErlangC.NextB(load, _filled == 0 ? bBeforeStart : _cache[_filled - 1], start + _filled);
                _filled++;
            }

            if (index < _cache.Length)
            {
                return _cache[index];
            }

            var b = _cache.Length == 0 ? bBeforeStart : _cache[^1];
            for (var n = start + _cache.Length; n <= agents; n++)
            {
                b = ErlangC.NextB(load, b, n);
            }

            return b;
        }
    }

    /// <summary>No smaller staff can meet the targets: below it the answer is certainly "no".</summary>
    private static int LowerBound(in StaffingRequest request, in Offered offered)
    {
        if (!request.UsesErlangA)
        {
            // The occupancy cap, and Erlang C needs N > A: the smallest such integer is ⌊A⌋ + 1.
            return Math.Max(offered.CapAgents, FloorToInt(offered.Exact) + 1);
        }

        // Erlang A: calls carried ≤ N, so abandonment ≥ 1 − N/A; a target that allows at most a share L
        // to go unserved needs N ≥ A(1 − L), so N ≥ ⌈A(1 − L)⌉. The floor of A(1 − L) in doubles is at most that
        // (rounding moves it far less than one), so it stays a bound. Occupancy counts carried calls only: no cap bound.
        var lost = 1 - request.ServiceLevelTarget;
        if (request.MaxAbandon is { } maxAbandon)
        {
            lost = Math.Min(lost, maxAbandon);
        }

        return (int)Math.Min(Math.Floor(offered.Load * (1 - lost)), AgentLimit + 1);
    }

    private static bool Meets(in StaffingRequest request, in QueueMetrics metrics, int agents, in Offered offered)
    {
        if (!metrics.Stable || metrics.ServiceLevel < request.ServiceLevelTarget)
        {
            return false;
        }

        if (request.MaxAsaSeconds is { } maxAsa && metrics.AsaSeconds > maxAsa)
        {
            return false;
        }

        if (request.PatienceSeconds is null)
        {
            return agents >= offered.CapAgents;
        }

        if (request.MaxAbandon is { } maxAbandon && metrics.AbandonRate > maxAbandon)
        {
            return false;
        }

        // Offered load within the cap is exact; otherwise compare the carried load (offered less abandoned).
        return agents >= offered.CapAgents || metrics.Occupancy <= (double)request.MaxOccupancy;
    }

    /// <summary>The largest volume (calls per interval, to 0.01 below) a staff of <paramref name="agents"/> serves meeting every target.</summary>
    public static double MaxServableVolume(in StaffingRequest request, int agents)
    {
        if (request.ServiceLevelTarget >= 1)
        {
            return 0;
        }

        var perCall = (double)request.AhtSeconds / request.IntervalSeconds;
        var high = agents / perCall;
        var copy = request;
        bool Serves(double volume)
        {
            var offered = Offered.Of((decimal)volume * copy.AhtSeconds / copy.IntervalSeconds, copy.MaxOccupancy);
            return Meets(copy, Evaluate(copy, offered.Load, agents), agents, offered);
        }

        for (var doubling = 0; doubling < 64 && Serves(high); doubling++)
        {
            high *= 2;
        }

        var low = 0.0;
        for (var i = 0; i < 60 && high - low > 0.001; i++)
        {
            var mid = (low + high) / 2;
            if (Serves(mid))
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return Math.Floor(low * 100) / 100;
    }

    private static int FloorToInt(decimal value) => (int)Math.Min(decimal.Floor(value), AgentLimit + 1m);

    private static int CeilingToInt(decimal value) => (int)Math.Min(decimal.Ceiling(value), AgentLimit + 1m);
}
