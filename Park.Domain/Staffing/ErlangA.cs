namespace Park.Domain.Staffing;

/// <summary>
/// Erlang A (M/M/N+M): callers abandon after an exponentially distributed patience with mean P.
/// The exact birth–death chain with death rate min(n,N)/AHT + max(n−N,0)/P: the states below N come
/// from Erlang B (their weight relative to p(N) is 1/B − 1), the states above N are summed term by
/// term until they fall below 1e-15 of the total, rescaling so nothing overflows.
/// </summary>
/// <remarks>
/// Service level is defined over <b>all arrivals</b>: a caller counts as served in time only when
/// answered within the threshold; callers who abandon count as not served in time. A caller who
/// finds j others queued enters service with probability Nμ/(Nμ+(j+1)θ) after a time whose
/// distribution satisfies e^(−θS) ~ Beta(Nμ/θ + 1, j + 1), so P(served within t) needs the
/// regularized incomplete beta I_x(a, j+1) at x = e^(−θt), built by its recurrence in b (O(1) per j).
/// </remarks>
public static class ErlangA
{
    private const double Truncation = 1e-15;
    private const double RescaleAbove = 1e200;
    private const double RescaleBy = 1e-200;
    private const int MaxTailTerms = 50_000_000;

    public static QueueMetrics Evaluate(double load, int agents, double ahtSeconds, double thresholdSeconds, double patienceSeconds) =>
        FromErlangB(load, agents, ErlangC.ErlangB(load, agents), ahtSeconds, thresholdSeconds, patienceSeconds);

    public static QueueMetrics FromErlangB(
        double load, int agents, double erlangB, double ahtSeconds, double thresholdSeconds, double patienceSeconds)
    {
        if (load <= 0)
        {
            return QueueMetrics.Idle;
        }

        if (agents <= 0)
        {
            return new QueueMetrics(true, 1, 0, patienceSeconds, 0, 1);
        }

        var below = (1 - erlangB) / erlangB;
        if (erlangB <= 0 || double.IsInfinity(below))
        {
            // Waiting is rarer than the smallest double: nobody waits.
            return new QueueMetrics(true, 0, 1, 0, load / agents, 0);
        }

        var lambda = load / ahtSeconds;
        var serviceRate = agents / ahtSeconds;
        var theta = 1 / patienceSeconds;
        var tail = SumTail(lambda, serviceRate, theta, thresholdSeconds, agents, patienceSeconds / ahtSeconds, below);

        var waitProbability = tail.Queued / tail.Total;
        var lq = tail.Length / tail.Total;
        var serviceLevel = Math.Clamp((tail.Below + tail.InTime) / tail.Total, 0, 1);
        var abandon = Math.Clamp(lq * theta / lambda, 0, 1);
        var occupancy = Math.Min(1, load * (1 - abandon) / agents);
        return new QueueMetrics(true, waitProbability, serviceLevel, lq / lambda, occupancy, abandon);
    }

    private readonly record struct Tail(double Below, double Queued, double Length, double InTime)
    {
        public double Total => Below + Queued;
    }

    private static Tail SumTail(
        double lambda, double serviceRate, double theta, double threshold, int agents, double patienceOverAht, double below)
    {
        // Weights relative to p(N) = 1, all kept in units of `scale` (scale grows by 1e200 per rescale).
        double weight = 1, queued = 0, length = 0, inTime = 0;
        var beta = new IncompleteBeta((agents * patienceOverAht) + 1, theta * threshold);
        for (var j = 0; j < MaxTailTerms; j++)
        {
            // One division a term: the chance to enter service and the next state's weight share a denominator.
            var departures = 1 / (serviceRate + ((j + 1) * theta));
            queued += weight;
            length += j * weight;
            inTime += weight * serviceRate * departures * (1 - beta.Current);
            var ratio = lambda * departures;
            weight *= ratio;
            if (weight > RescaleAbove)
            {
                weight *= RescaleBy;
                queued *= RescaleBy;
                length *= RescaleBy;
                inTime *= RescaleBy;
                below *= RescaleBy;
            }

            if (ratio < 1 && weight < Truncation * (below + queued))
            {
                break;
            }

            beta.Advance();
        }

        return new Tail(below, queued, length, inTime);
    }

    /// <summary>I_x(a, b) for b = 1, 2, 3 … at x = e^(−θt), in O(1) per step and without underflow.</summary>
    private struct IncompleteBeta
    {
        private readonly double _a;
        private readonly double _logOneMinusX;
        private readonly double _oneMinusX;
        private double _logTerm;
        private double _term;
        private bool _linear;
        private int _b;

        public IncompleteBeta(double a, double thetaT)
        {
            _a = a;
            _oneMinusX = -ExpM1(-thetaT);
            _logOneMinusX = Math.Log(_oneMinusX);
            _b = 1;
            var logXa = -a * thetaT;
            Current = thetaT <= 0 ? 1 : Math.Exp(logXa);
            // v_1 = a·x^a·(1−x); v_{b+1} = v_b·(1−x)(a+b)/(b+1); I(a, b+1) = I(a, b) + v_b.
            _logTerm = Math.Log(a) + logXa + _logOneMinusX;
        }

        public double Current { get; private set; }

        public void Advance()
        {
            if (Current >= 1 || _oneMinusX <= 0)
            {
                Current = Math.Min(Current, 1);
                return;
            }

            // In log space while the term would underflow, then by plain multiplication (no exp/log per step).
            if (_linear)
            {
                Current = Math.Min(1, Current + _term);
                _term *= _oneMinusX * (_a + _b) / (_b + 1);
            }
            else
            {
                Current = Math.Min(1, Current + Math.Exp(_logTerm));
                _logTerm += _logOneMinusX + Math.Log((_a + _b) / (_b + 1));
                if (_logTerm > -600)
                {
                    _term = Math.Exp(_logTerm);
                    _linear = true;
                }
            }

            _b++;
        }
    }

    /// <summary>e^x − 1 without cancellation for small x (Kahan's method).</summary>
    internal static double ExpM1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        var um1 = u - 1.0;
        return um1 == -1.0 ? -1.0 : um1 * x / Math.Log(u);
    }
}
