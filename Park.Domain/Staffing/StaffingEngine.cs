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
        var exactLoad = request.ExactLoad;
        var load = (double)exactLoad;
        if (request.Volume == 0)
        {
            return new StaffingResult(StaffingStatus.NoVolume, 0, 0, 0, QueueMetrics.Idle, request.UsesErlangA);
        }

        var limit = Math.Min(request.MaxAgents ?? AgentLimit, AgentLimit);
        if (request.ServiceLevelTarget >= 1)
        {
            // No finite staff answers every caller within a threshold: say so, with the staff the other targets need.
            var relaxed = Search(request with { ServiceLevelTarget = 0 }, exactLoad, load, limit);
            var agents = relaxed.Agents ?? limit;
            return new StaffingResult(StaffingStatus.Unreachable, agents, Positions(agents, request.Shrinkage), load,
                relaxed.Metrics, request.UsesErlangA, StaffingCodes.ServiceLevelUnattainable, 0, 0);
        }

        var found = Search(request, exactLoad, load, limit);
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

    private static Found Search(in StaffingRequest request, decimal exactLoad, double load, int limit)
    {
        var start = Math.Max(1, LowerBound(request, exactLoad));
        var b = ErlangC.ErlangB(load, Math.Min(start, limit + 1) - 1);

        return request.PatienceSeconds is { } patience
            ? SearchErlangA(request, exactLoad, load, start, b, limit, patience)
            : SearchErlangC(request, exactLoad, load, start, b, limit);
    }

    /// <summary>Erlang C metrics cost O(1) from B(n): every candidate upward from the bound is tried.</summary>
    private static Found SearchErlangC(in StaffingRequest request, decimal exactLoad, double load, int start, double b, int limit)
    {
        var aht = (double)request.AhtSeconds;
        for (var n = start; n <= limit; n++)
        {
            b = ErlangC.NextB(load, b, n);
            var metrics = ErlangC.FromErlangB(load, n, b, aht, request.ThresholdSeconds);
            if (Meets(request, metrics, n, exactLoad))
            {
                return new Found(n, metrics);
            }
        }

        return new Found(null, default);
    }

    /// <summary>
    /// Erlang A metrics sum a tail of queue states for each candidate, so candidates are not tried one
    /// by one: every target is monotone in the staff (more agents never lower the service level or raise
    /// abandonment, waiting or occupancy), so the smallest staff meeting them is bracketed by doubling
    /// steps from a first guess and then found by bisection — a few tail sums instead of one per candidate.
    /// B(n) is rebuilt from B(start − 1) by the recursion, a few flops a step.
    /// </summary>
    private static Found SearchErlangA(in StaffingRequest request, decimal exactLoad, double load, int start, double bBeforeStart, int limit, double patience)
    {
        if (start > limit)
        {
            return new Found(null, default);
        }

        var aht = (double)request.AhtSeconds;
        var copy = request;
        QueueMetrics At(int agents)
        {
            var b = bBeforeStart;
            for (var n = start; n <= agents; n++)
            {
                b = ErlangC.NextB(load, b, n);
            }

            return ErlangA.FromErlangB(load, agents, b, aht, copy.ThresholdSeconds, patience);
        }

        // Bracket: `failing` never meets the targets (start − 1 is below the bound), `meeting` does. The first
        // probe is a guess from the Erlang C staff for the same targets (O(1) per candidate, so cheap): callers who
        // abandon shorten the queue, and the answer was within a few agents of it in every year measured. The guess
        // only saves tail sums; doubling steps and bisection find the smallest staff from wherever it lands.
        var failing = start - 1;
        int? meeting = null;
        QueueMetrics found = default;
        var guess = Math.Clamp(ErlangCGuess(request, exactLoad, load, limit) - 2, start, limit);
        var first = At(guess);
        if (Meets(request, first, guess, exactLoad))
        {
            (meeting, found) = (guess, first);
            for (var step = 1; meeting - step > failing; step *= 2)
            {
                var candidate = meeting.Value - step;
                var metrics = At(candidate);
                if (!Meets(request, metrics, candidate, exactLoad))
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
            for (var step = 1; meeting is null; step *= 2)
            {
                if (failing == limit)
                {
                    return new Found(null, default);
                }

                var candidate = (int)Math.Min((long)failing + step, limit);
                var metrics = At(candidate);
                if (Meets(request, metrics, candidate, exactLoad))
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
            var metrics = At(middle);
            if (Meets(request, metrics, middle, exactLoad))
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

    /// <summary>The Erlang C staff for the same service level, ASA and occupancy targets (the Erlang A search's first guess).</summary>
    private static int ErlangCGuess(in StaffingRequest request, decimal exactLoad, double load, int limit) =>
        Search(request with { PatienceSeconds = null, MaxAbandon = null }, exactLoad, load, limit).Agents ?? limit;

    /// <summary>No smaller staff can meet the targets: below it the answer is certainly "no".</summary>
    private static int LowerBound(in StaffingRequest request, decimal exactLoad)
    {
        // The occupancy cap: A ÷ N ≤ cap, i.e. N ≥ ⌈A ÷ cap⌉, one exact decimal division.
        var capBound = CeilingToInt(exactLoad / request.MaxOccupancy);
        if (!request.UsesErlangA)
        {
            // Erlang C needs N > A: the smallest such integer is ⌊A⌋ + 1.
            return Math.Max(capBound, FloorToInt(exactLoad) + 1);
        }

        // Erlang A: calls carried ≤ N, so abandonment ≥ 1 − N/A; a target that allows at most a share L
        // to go unserved needs N ≥ A(1 − L). Occupancy counts carried calls only, so no cap bound here.
        var lost = 1m - (decimal)request.ServiceLevelTarget;
        if (request.MaxAbandon is { } maxAbandon)
        {
            lost = Math.Min(lost, (decimal)maxAbandon);
        }

        return FloorToInt(exactLoad * (1m - lost));
    }

    private static bool Meets(in StaffingRequest request, in QueueMetrics metrics, int agents, decimal exactLoad)
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
            return agents * request.MaxOccupancy >= exactLoad;
        }

        if (request.MaxAbandon is { } maxAbandon && metrics.AbandonRate > maxAbandon)
        {
            return false;
        }

        // Offered load within the cap is exact; otherwise compare the carried load (offered less abandoned).
        return agents * request.MaxOccupancy >= exactLoad || metrics.Occupancy <= (double)request.MaxOccupancy;
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
            var exact = (decimal)volume * copy.AhtSeconds / copy.IntervalSeconds;
            return Meets(copy, Evaluate(copy, (double)exact, agents), agents, exact);
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
