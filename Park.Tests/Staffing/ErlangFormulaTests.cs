using Park.Domain.Staffing;

namespace Park.Tests.Staffing;

public sealed class ErlangFormulaTests
{
    // Published values. Erlang B: the ITU-D "Teletraffic Engineering Handbook" (Iversen, ITU-D SG2,
    // 2005), table of Erlang's B formula: E(n=10, A=5) = 0.018385, E(n=5, A=2.5) = 0.06973.
    // Erlang C: Wolfram Language documentation of ErlangC, basic example ErlangC[3, 2] = 4/9, and its
    // technical-support application (30 calls/h, 5 min each → 6 staff for ≥ 90% not delayed);
    // M/M/2 at ρ = 0.5: P(wait) = 1/3 (Kleinrock, Queueing Systems vol. 1, §3.5). The remaining
    // figures were cross-checked by exact rational arithmetic of the same recursion.
    [Theory]
    [InlineData(5.0, 10, 0.018385)]
    [InlineData(2.5, 5, 0.069731)]
    [InlineData(1.0, 1, 0.5)]
    [InlineData(2.0, 3, 0.210526)]
    public void ErlangB_MatchesPublishedTable(double load, int agents, double expected) =>
        Assert.Equal(expected, ErlangC.ErlangB(load, agents), 6);

    [Theory]
    [InlineData(2.0, 3, 0.444444)]
    [InlineData(1.0, 2, 0.333333)]
    [InlineData(2.5, 5, 0.130371)]
    [InlineData(2.5, 6, 0.047445)]
    [InlineData(5.0, 10, 0.036105)]
    [InlineData(10.0, 14, 0.174132)]
    [InlineData(48.0, 55, 0.238701)]
    public void WaitProbability_MatchesPublishedTable(double load, int agents, double expected) =>
        Assert.Equal(expected, ErlangC.Evaluate(load, agents, 180, 20).WaitProbability, 6);

    [Fact]
    public void TechnicalSupportExample_NeedsSixStaffForNinetyPercentNotDelayed()
    {
        Assert.True(ErlangC.Evaluate(2.5, 5, 300, 0).WaitProbability > 0.10);
        Assert.True(ErlangC.Evaluate(2.5, 6, 300, 0).WaitProbability <= 0.10);
    }

    [Fact]
    public void ReferenceA10_MatchesDomainFigures()
    {
        var metrics = ErlangC.Evaluate(10, 14, 180, 20);
        Assert.Equal(0.88835, metrics.ServiceLevel, 5);
        Assert.Equal(0.174132, metrics.WaitProbability, 6);
        Assert.Equal(7.836, metrics.AsaSeconds, 3);
        Assert.Equal(10.0 / 14, metrics.Occupancy, 12);
    }

    [Theory]
    [InlineData(55, 0.845883)]
    [InlineData(54, 0.792914)]
    public void ReferenceA48_MatchesDomainFigures(int agents, double serviceLevel) =>
        Assert.Equal(serviceLevel, ErlangC.Evaluate(48, agents, 240, 15).ServiceLevel, 6);

    [Theory]
    [InlineData(10.0, 10)]
    [InlineData(10.0, 9)]
    [InlineData(50_000.0, 49_999)]
    public void Evaluate_WhenLoadReachesAgents_ReportsUnstableWithoutThrowing(double load, int agents)
    {
        var metrics = ErlangC.Evaluate(load, agents, 180, 20);
        Assert.False(metrics.Stable);
        Assert.Equal(0, metrics.ServiceLevel);
        Assert.Equal(1, metrics.WaitProbability);
        Assert.True(double.IsPositiveInfinity(metrics.AsaSeconds));
    }

    [Theory]
    [InlineData(0.01, 1)]
    [InlineData(0.01, 2)]
    [InlineData(170, 200)]
    [InlineData(800, 850)]
    [InlineData(10_000, 10_200)]
    [InlineData(50_000, 50_300)]
    public void Evaluate_FromTinyToFiftyThousandErlangs_GivesFiniteProbabilities(double load, int agents)
    {
        var metrics = ErlangC.Evaluate(load, agents, 180, 20);
        Assert.True(metrics.Stable);
        Assert.InRange(metrics.WaitProbability, 0, 1);
        Assert.InRange(metrics.ServiceLevel, 0, 1);
        Assert.False(double.IsNaN(metrics.AsaSeconds));
    }

    [Fact]
    public void ErlangB_AtFiftyThousandErlangs_AgreesWithLogSpaceSum()
    {
        // B = term_N / Σ term_k with log term_k = k·ln A − ln k!, summed around the maximum.
        const double load = 50_000;
        const int agents = 50_100;
        var logTerms = new double[agents + 1];
        for (var k = 1; k <= agents; k++)
        {
            logTerms[k] = logTerms[k - 1] + Math.Log(load) - Math.Log(k);
        }

        var max = logTerms.Max();
        var sum = logTerms.Sum(t => Math.Exp(t - max));
        var expected = Math.Exp(logTerms[agents] - max) / sum;
        Assert.Equal(expected, ErlangC.ErlangB(load, agents), 9);
    }

    [Theory]
    [InlineData(10.0, 14)]
    [InlineData(10.0, 9)]
    [InlineData(48.0, 55)]
    public void ErlangA_AsPatienceGrows_ConvergesToErlangC(double load, int agents)
    {
        var a = ErlangA.Evaluate(load, Math.Max(agents, 11), 180, 20, 1e8);
        var c = ErlangC.Evaluate(load, Math.Max(agents, 11), 180, 20);
        Assert.Equal(c.ServiceLevel, a.ServiceLevel, 4);
        Assert.Equal(c.WaitProbability, a.WaitProbability, 4);
        Assert.Equal(c.AsaSeconds, a.AsaSeconds, 2);
        Assert.True(a.AbandonRate < 1e-4);
    }

    /// <summary>
    /// Thousands of agents and a 30 s threshold: the chance to be answered in time starts below the smallest
    /// double (x^a = e^(−850)), the range the incomplete beta walks through scaled. With patience so long that
    /// nobody abandons, the answer must still be Erlang C's.
    /// </summary>
    [Theory]
    [InlineData(5_000.0, 5_010)]
    [InlineData(5_000.0, 5_004)]
    [InlineData(20_000.0, 20_010)]
    public void ErlangA_WhereTheInTimeTermsUnderflow_StillConvergesToErlangC(double load, int agents)
    {
        var a = ErlangA.Evaluate(load, agents, 180, 30, 1e9);
        var c = ErlangC.Evaluate(load, agents, 180, 30);
        Assert.InRange(c.ServiceLevel, 0.5, 0.99);
        Assert.Equal(c.ServiceLevel, a.ServiceLevel, 4);
        Assert.Equal(c.WaitProbability, a.WaitProbability, 4);
    }

    [Fact]
    public void ErlangA_OverloadedQueue_StaysStableThroughAbandonment()
    {
        var metrics = ErlangA.Evaluate(12, 10, 180, 20, 60);
        Assert.True(metrics.Stable);
        Assert.InRange(metrics.AbandonRate, 1 - (10.0 / 12), 1);
        Assert.InRange(metrics.Occupancy, 0.9, 1);
    }

    [Theory]
    [InlineData(5_000.0, 4_800, 180, 300)]
    [InlineData(50_000.0, 40_000, 180, 300)]
    [InlineData(50_000.0, 50_200, 180, 120)]
    public void ErlangA_AtLargeLoads_DoesNotOverflow(double load, int agents, double aht, double patience)
    {
        var metrics = ErlangA.Evaluate(load, agents, aht, 20, patience);
        Assert.InRange(metrics.ServiceLevel, 0, 1);
        Assert.InRange(metrics.WaitProbability, 0, 1);
        Assert.InRange(metrics.AbandonRate, 0, 1);
        Assert.False(double.IsNaN(metrics.AsaSeconds));
    }
}
