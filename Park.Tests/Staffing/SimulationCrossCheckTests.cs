using Park.Domain.Staffing;

namespace Park.Tests.Staffing;

/// <summary>
/// The formulas against a simulation of the same queue. Tolerances are about four standard errors
/// of 400,000 simulated callers (batches are correlated, so wider than a binomial bound).
/// </summary>
public sealed class SimulationCrossCheckTests
{
    private const int Calls = 400_000;

    [Theory]
    [InlineData(10.0, 14, 180, 20)]
    [InlineData(48.0, 54, 240, 15)]
    [InlineData(2.5, 4, 300, 30)]
    public void ErlangC_AgreesWithSimulation(double load, int agents, double aht, double threshold)
    {
        var formula = ErlangC.Evaluate(load, agents, aht, threshold);
        var simulated = QueueSimulation.Run(load, agents, aht, threshold, null, Calls, seed: 7);
        Assert.Equal(formula.ServiceLevel, simulated.ServiceLevel, 0.015);
        Assert.Equal(formula.WaitProbability, simulated.WaitProbability, 0.015);
        Assert.Equal(formula.AsaSeconds, simulated.AsaSeconds, formula.AsaSeconds * 0.08 + 0.5);
    }

    [Theory]
    [InlineData(10.0, 13, 180, 20, 300)]
    [InlineData(10.0, 9, 180, 20, 60)]
    [InlineData(48.0, 50, 240, 15, 120)]
    public void ErlangA_AgreesWithSimulation(double load, int agents, double aht, double threshold, double patience)
    {
        var formula = ErlangA.Evaluate(load, agents, aht, threshold, patience);
        var simulated = QueueSimulation.Run(load, agents, aht, threshold, patience, Calls, seed: 11);
        Assert.Equal(formula.ServiceLevel, simulated.ServiceLevel, 0.015);
        Assert.Equal(formula.WaitProbability, simulated.WaitProbability, 0.015);
        Assert.Equal(formula.AbandonRate, simulated.AbandonRate, 0.01);
        Assert.Equal(formula.AsaSeconds, simulated.AsaSeconds, formula.AsaSeconds * 0.08 + 0.5);
    }
}
