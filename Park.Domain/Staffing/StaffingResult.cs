namespace Park.Domain.Staffing;

public enum StaffingStatus
{
    /// <summary>Every target is met with <see cref="StaffingResult.Agents"/> agents.</summary>
    Met,

    /// <summary>No calls: zero agents, zero positions.</summary>
    NoVolume,

    /// <summary>
    /// No staffing within the limits meets every target. <see cref="StaffingResult.Agents"/> is the
    /// limit (or, for a 100% service level, the staff meeting the other targets), the metrics are
    /// what that staff achieves, and <see cref="StaffingResult.MaxServableVolume"/> is the largest
    /// volume it could serve meeting every target.
    /// </summary>
    Unreachable,
}

public readonly record struct StaffingResult(
    StaffingStatus Status,
    int Agents,
    long Positions,
    double LoadErlangs,
    QueueMetrics Metrics,
    bool ErlangA,
    string? Reason = null,
    double? MaxServableVolume = null,
    double? MaxServableLoad = null)
{
    public double ServiceLevel => Metrics.ServiceLevel;

    public double AsaSeconds => Metrics.AsaSeconds;

    public double Occupancy => Metrics.Occupancy;

    public double WaitProbability => Metrics.WaitProbability;

    public double? AbandonRate => ErlangA ? Metrics.AbandonRate : null;
}
