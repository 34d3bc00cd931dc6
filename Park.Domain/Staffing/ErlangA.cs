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
        double load, int agents, double erlangB, double ahtSeconds, double thresholdSeconds, double patienceSeconds) =>
        new Queue(ahtSeconds, thresholdSeconds, patienceSeconds).Metrics(load, agents, erlangB);

    /// <summary>
    /// A queue's handle time, threshold and patience with what follows from them alone worked out once (x = e^(−θt)
    /// and 1 − x), so a search that tries several staff on the same interval pays for them once.
    /// </summary>
    public readonly struct Queue
    {
        private readonly double _aht;
        private readonly double _theta;
        private readonly double _thetaT;
        private readonly double _oneMinusX;
        private readonly double _patienceOverAht;

        public Queue(double ahtSeconds, double thresholdSeconds, double patienceSeconds)
        {
            _aht = ahtSeconds;
            Patience = patienceSeconds;
            _theta = 1 / patienceSeconds;
            _thetaT = _theta * thresholdSeconds;
            _oneMinusX = -ExpM1(-_thetaT);
            _patienceOverAht = patienceSeconds / ahtSeconds;
        }

        public double Patience { get; }

        /// <summary>The metrics with <paramref name="agents"/> agents, given Erlang B for the same load and staff.</summary>
        public QueueMetrics Metrics(double load, int agents, double erlangB)
        {
            if (load <= 0)
            {
                return QueueMetrics.Idle;
            }

            if (agents <= 0)
            {
                return new QueueMetrics(true, 1, 0, Patience, 0, 1);
            }

            var below = (1 - erlangB) / erlangB;
            if (erlangB <= 0 || double.IsInfinity(below))
            {
                // Waiting is rarer than the smallest double: nobody waits.
                return new QueueMetrics(true, 0, 1, 0, load / agents, 0);
            }

            var lambda = load / _aht;
            var tail = SumTail(lambda, agents / _aht, agents, below);

            var waitProbability = tail.Queued / tail.Total;
            var lq = tail.Length / tail.Total;
            var serviceLevel = Math.Clamp((tail.Below + tail.InTime) / tail.Total, 0, 1);
            var abandon = Math.Clamp(lq * _theta / lambda, 0, 1);
            var occupancy = Math.Min(1, load * (1 - abandon) / agents);
            return new QueueMetrics(true, waitProbability, serviceLevel, lq / lambda, occupancy, abandon);
        }

        private Tail SumTail(double lambda, double serviceRate, int agents, double below)
        {
            // Weights relative to p(N) = 1, all kept in units of `scale` (scale grows by 1e200 per rescale).
            double weight = 1, queued = 0, length = 0, inTime = 0;
            var theta = _theta;
            var beta = new IncompleteBeta((agents * _patienceOverAht) + 1, _thetaT, _oneMinusX);
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
    }

    private readonly record struct Tail(double Below, double Queued, double Length, double InTime)
    {
        public double Total => Below + Queued;
    }

    /// <summary>
    /// I_x(a, b) for b = 1, 2, 3 … at x = e^(−θt), in O(1) per step, with no exp or log after the first (the summing
    /// loop stays free of calls): v_1 = a·x^a·(1−x); v_{b+1} = v_b·(1−x)(a+b)/(b+1); I(a, b+1) = I(a, b) + v_b.
    /// Where the terms start below the smallest double (thousands of agents, x^a = e^(−850)), the term is carried
    /// scaled up by 1e200 per level and joins the sum once it is back above 1e-200: below that it cannot move 1 − I.
    /// </summary>
    private struct IncompleteBeta
    {
        private const double Ln1e200 = 460.51701859880914;
        private readonly double _a;
        private readonly double _oneMinusX;
        private double _term;
        private int _scaled;
        private int _b;

        public IncompleteBeta(double a, double thetaT, double oneMinusX)
        {
            _a = a;
            _oneMinusX = oneMinusX;
            _b = 1;
            if (thetaT <= 0 || oneMinusX <= 0)
            {
                Current = 1;
                return;
            }

            var logXa = -a * thetaT;
            Current = Math.Exp(logXa);
            var logTerm = Math.Log(a * oneMinusX) + logXa;
            if (logTerm > -600)
            {
                _term = Math.Exp(logTerm);
            }
            else
            {
                _scaled = (int)Math.Ceiling(-logTerm / Ln1e200);
                _term = Math.Exp(logTerm + (_scaled * Ln1e200));
            }
        }

        public double Current { get; private set; }

        public void Advance()
        {
            if (Current >= 1)
            {
                return;
            }

            if (_scaled == 0)
            {
                Current = Math.Min(1, Current + _term);
            }
            else if (_term > 1)
            {
                _term *= RescaleBy;
                _scaled--;
            }

            _term *= _oneMinusX * (_a + _b) / (_b + 1);
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
