namespace Park.Tests.Staffing;

/// <summary>
/// A discrete-event simulation of an M/M/N queue served first come, first served, with optional
/// exponential patience (M/M/N+M): each caller takes the earliest free agent; one whose patience
/// runs out before that agent frees abandons and leaves the agent free.
/// </summary>
internal static class QueueSimulation
{
    public sealed record Outcome(double ServiceLevel, double WaitProbability, double AsaSeconds, double AbandonRate);

    public static Outcome Run(double load, int agents, double aht, double threshold, double? patience, int calls, int seed)
    {
        var random = new Random(seed);
        var free = new PriorityQueue<double, double>();
        for (var i = 0; i < agents; i++)
        {
            free.Enqueue(0, 0);
        }

        var meanGap = aht / load;
        double now = 0, totalWait = 0;
        int inTime = 0, waited = 0, abandoned = 0, counted = 0;
        var warmUp = calls / 10;
        for (var call = 0; call < calls + warmUp; call++)
        {
            now += Exponential(random, meanGap);
            var agentFree = free.Dequeue();
            var wait = Math.Max(0, agentFree - now);
            var gaveUp = patience is { } p ? Exponential(random, p) : double.PositiveInfinity;
            var abandons = wait > gaveUp;
            if (abandons)
            {
                free.Enqueue(agentFree, agentFree);
            }
            else
            {
                var done = now + wait + Exponential(random, aht);
                free.Enqueue(done, done);
            }

            if (call < warmUp)
            {
                continue;
            }

            counted++;
            waited += wait > 0 ? 1 : 0;
            abandoned += abandons ? 1 : 0;
            inTime += !abandons && wait <= threshold ? 1 : 0;
            totalWait += abandons ? gaveUp : wait;
        }

        return new Outcome((double)inTime / counted, (double)waited / counted, totalWait / counted, (double)abandoned / counted);
    }

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());
}
