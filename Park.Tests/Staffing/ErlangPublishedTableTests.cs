using System.Numerics;
using Park.Domain.Staffing;

namespace Park.Tests.Staffing;

/// <summary>
/// Erlang C against published worked examples, each also computed exactly here (rational arithmetic
/// of the textbook sum form, no recursion, no floating point until the last division), so a row
/// checks both the source's rounding and the engine to 1e-12.
/// </summary>
public sealed class ErlangPublishedTableTests
{
    // Sources:
    // - Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example"
    //   (callcentrehelper.com): 100 calls in 30 min, AHT 180 s (A = 10 Erlangs), target 80% in 20 s;
    //   its table for 11…14 agents: P(wait) 68.21% / 44.94% / 28.53% / 17.41%, service level
    //   39.0% / 64.0% / 79.6% / 88.8%, ASA 122.8 / 40.4 / 17.1 / 7.8 s — 14 agents meet the target.
    // - Mitan Ltd (Westbay Engineers), "The Erlang-C formula" step-by-step example: 360 calls per
    //   half hour of 4 min each (A = 48), 55 agents, 15 s target: P(wait) 0.2387, ASA 8.2 s, service
    //   level 84.6%.
    [Theory]
    [InlineData(10, 11, 180, 20, 0.6821, 0.390, 122.8)]
    [InlineData(10, 12, 180, 20, 0.4494, 0.640, 40.4)]
    [InlineData(10, 13, 180, 20, 0.2853, 0.796, 17.1)]
    [InlineData(10, 14, 180, 20, 0.1741, 0.888, 7.8)]
    [InlineData(48, 55, 240, 15, 0.2387, 0.846, 8.2)]
    public void ErlangC_MatchesThePublishedExampleAndTheExactValue(int load, int agents, double aht, double threshold, double wait, double serviceLevel, double asa)
    {
        var metrics = ErlangC.Evaluate(load, agents, aht, threshold);
        var exact = ExactWaitProbability(load, agents);
        Assert.Equal(exact, metrics.WaitProbability, 1e-12);
        Assert.Equal(1 - (exact * Math.Exp(-(agents - load) * threshold / aht)), metrics.ServiceLevel, 1e-12);
        Assert.Equal(exact * aht / (agents - load), metrics.AsaSeconds, 1e-9);

        // The sources' rounding: four places for P(wait), a tenth of a percent for service, a tenth of a second for ASA.
        Assert.Equal(wait, Math.Round(metrics.WaitProbability, 4));
        Assert.Equal(serviceLevel, Math.Round(metrics.ServiceLevel, 3));
        Assert.Equal(asa, Math.Round(metrics.AsaSeconds, 1));
    }

    [Fact]
    public void CallCentreHelperExample_NeedsFourteenAgents()
    {
        var result = StaffingEngine.Calculate(new StaffingRequest(100m, 1800, 180m, 0.8, 20));
        Assert.Equal(14, result.Agents);
        Assert.True(1 - (ExactWaitProbability(10, 13) * Math.Exp(-3 * 20 / 180.0)) < 0.8); // 13 agents fall short
    }

    [Theory]
    [InlineData(2, 3, 4, 9)] // Wolfram ErlangC[3, 2] = 4/9
    [InlineData(1, 2, 1, 3)] // M/M/2 at ρ = 0.5
    public void ExactWaitProbability_ReproducesKnownFractions(int load, int agents, int numerator, int denominator) =>
        Assert.Equal((double)numerator / denominator, ExactWaitProbability(load, agents), 1e-15);

    /// <summary>
    /// C(N, A) = [A^N/N! · N/(N−A)] ÷ [Σ_{k&lt;N} A^k/k! + A^N/N! · N/(N−A)], multiplied through by
    /// N!·(N−A) so every term is an integer: C = A^N·N ÷ ((N−A)·Σ_{k&lt;N} A^k·N!/k! + A^N·N).
    /// </summary>
    private static double ExactWaitProbability(int load, int agents)
    {
        BigInteger a = load;
        var sum = BigInteger.Zero;
        var fallingFactorial = BigInteger.One; // N!/k!, built from k = N downwards
        for (var k = agents - 1; k >= 0; k--)
        {
            fallingFactorial *= k + 1;
            sum += BigInteger.Pow(a, k) * fallingFactorial;
        }

        var top = BigInteger.Pow(a, agents) * agents;
        var bottom = ((agents - load) * sum) + top;
        // Thirty-six significant digits of the ratio, then one rounding to double.
        var scaled = BigInteger.Divide(top * BigInteger.Pow(10, 36), bottom);
        return (double)scaled / 1e36;
    }
}
