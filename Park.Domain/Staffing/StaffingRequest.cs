namespace Park.Domain.Staffing;

/// <summary>
/// One interval to staff: <see cref="Volume"/> calls (fractional for forecasts) arriving in
/// <see cref="IntervalSeconds"/>, handled in <see cref="AhtSeconds"/> on average, with the targets
/// to meet. Shrinkage and the occupancy cap are decimal so caps and positions round exactly
/// (DOMAIN.md §5: 88.4 / 0.85 is 104, not 105). With <see cref="PatienceSeconds"/> the interval is
/// solved with Erlang A (callers abandon), otherwise with Erlang C.
/// </summary>
public readonly record struct StaffingRequest(
    decimal Volume,
    int IntervalSeconds,
    decimal AhtSeconds,
    double ServiceLevelTarget,
    double ThresholdSeconds,
    decimal Shrinkage = 0m,
    decimal MaxOccupancy = 1m,
    double? PatienceSeconds = null,
    double? MaxAbandon = null,
    double? MaxAsaSeconds = null,
    int? MaxAgents = null)
{
    public const decimal MaxVolume = 10_000_000m;
    public const decimal MaxAht = 86_400m;

    public bool UsesErlangA => PatienceSeconds is not null;

    /// <summary>Offered load in Erlangs, exactly: volume × AHT ÷ interval.</summary>
    public decimal ExactLoad => IntervalSeconds > 0 ? Volume * AhtSeconds / IntervalSeconds : 0m;

    /// <summary>Every field that is out of range, as (field, problem code); empty when valid.</summary>
    public IReadOnlyList<(string Field, string Code)> Validate()
    {
        var problems = new List<(string, string)>();
        if (IntervalSeconds <= 0 || IntervalSeconds > 86_400 || 86_400 % IntervalSeconds != 0)
        {
            problems.Add((StaffingFields.IntervalSeconds, StaffingCodes.IntervalSecondsInvalid));
        }

        if (Volume < 0)
        {
            problems.Add((StaffingFields.Volume, StaffingCodes.VolumeNegative));
        }
        else if (Volume > MaxVolume)
        {
            problems.Add((StaffingFields.Volume, StaffingCodes.VolumeTooLarge));
        }

        if (AhtSeconds <= 0 || AhtSeconds > MaxAht)
        {
            problems.Add((StaffingFields.AhtSeconds, StaffingCodes.AhtOutOfRange));
        }

        if (!(ServiceLevelTarget >= 0 && ServiceLevelTarget <= 1))
        {
            problems.Add((StaffingFields.SlTarget, StaffingCodes.ServiceLevelOutOfRange));
        }

        if (!(ThresholdSeconds >= 0 && ThresholdSeconds <= 86_400))
        {
            problems.Add((StaffingFields.SlSeconds, StaffingCodes.ThresholdOutOfRange));
        }
        else if (ThresholdSeconds == 0 && ServiceLevelTarget > 0)
        {
            problems.Add((StaffingFields.SlSeconds, StaffingCodes.ThresholdZeroWithTarget));
        }

        if (Shrinkage < 0 || Shrinkage >= 1)
        {
            problems.Add((StaffingFields.Shrinkage, StaffingCodes.ShrinkageOutOfRange));
        }

        if (MaxOccupancy <= 0 || MaxOccupancy > 1)
        {
            problems.Add((StaffingFields.MaxOccupancy, StaffingCodes.OccupancyCapOutOfRange));
        }

        if (PatienceSeconds is { } patience && !(patience > 0 && patience <= 1e9))
        {
            problems.Add((StaffingFields.PatienceSeconds, StaffingCodes.PatienceOutOfRange));
        }

        if (MaxAbandon is { } abandon && !(abandon > 0 && abandon <= 1))
        {
            problems.Add((StaffingFields.MaxAbandon, StaffingCodes.MaxAbandonOutOfRange));
        }
        else if (MaxAbandon is not null && PatienceSeconds is null)
        {
            problems.Add((StaffingFields.MaxAbandon, StaffingCodes.MaxAbandonNeedsPatience));
        }

        if (MaxAsaSeconds is { } asa && !(asa > 0))
        {
            problems.Add((StaffingFields.MaxAsaSeconds, StaffingCodes.MaxAsaOutOfRange));
        }

        if (MaxAgents is { } cap && cap <= 0)
        {
            problems.Add((StaffingFields.MaxAgents, StaffingCodes.MaxAgentsOutOfRange));
        }

        return problems;
    }
}

/// <summary>Field names as the CSV header and the API name them.</summary>
public static class StaffingFields
{
    public const string IntervalStart = "interval_start";
    public const string IntervalSeconds = "interval_seconds";
    public const string Volume = "volume";
    public const string AhtSeconds = "aht_seconds";
    public const string SlTarget = "sl_target";
    public const string SlSeconds = "sl_seconds";
    public const string Shrinkage = "shrinkage";
    public const string MaxOccupancy = "max_occupancy";
    public const string PatienceSeconds = "patience_seconds";
    public const string MaxAbandon = "max_abandon";
    public const string MaxAsaSeconds = "max_asa_seconds";
    public const string MaxAgents = "max_agents";
}

/// <summary>Problem codes (resource keys in StaffingStrings).</summary>
public static class StaffingCodes
{
    public const string IntervalSecondsInvalid = "Staffing.IntervalSecondsInvalid";
    public const string VolumeNegative = "Staffing.VolumeNegative";
    public const string VolumeTooLarge = "Staffing.VolumeTooLarge";
    public const string AhtOutOfRange = "Staffing.AhtOutOfRange";
    public const string ServiceLevelOutOfRange = "Staffing.ServiceLevelOutOfRange";
    public const string ThresholdOutOfRange = "Staffing.ThresholdOutOfRange";
    public const string ThresholdZeroWithTarget = "Staffing.ThresholdZeroWithTarget";
    public const string ShrinkageOutOfRange = "Staffing.ShrinkageOutOfRange";
    public const string OccupancyCapOutOfRange = "Staffing.OccupancyCapOutOfRange";
    public const string PatienceOutOfRange = "Staffing.PatienceOutOfRange";
    public const string MaxAbandonOutOfRange = "Staffing.MaxAbandonOutOfRange";
    public const string MaxAbandonNeedsPatience = "Staffing.MaxAbandonNeedsPatience";
    public const string MaxAsaOutOfRange = "Staffing.MaxAsaOutOfRange";
    public const string MaxAgentsOutOfRange = "Staffing.MaxAgentsOutOfRange";
    public const string NotANumber = "Staffing.NotANumber";
    public const string Required = "Staffing.Required";
    public const string IntervalStartInvalid = "Staffing.IntervalStartInvalid";
    public const string IntervalMisaligned = "Staffing.IntervalMisaligned";
    public const string IntervalDuplicated = "Staffing.IntervalDuplicated";
    public const string IntervalOverlaps = "Staffing.IntervalOverlaps";
    public const string TooManyRows = "Staffing.TooManyRows";
    public const string TooMuchWork = "Staffing.TooMuchWork";
    public const string DuplicateColumn = "Staffing.DuplicateColumn";
    public const string ColumnNegative = "Staffing.ColumnNegative";
    public const string ColumnTooLarge = "Staffing.ColumnTooLarge";
    public const string MonthlyTotalOutOfRange = "Staffing.MonthlyTotalOutOfRange";
    public const string PatternShareCount = "Staffing.PatternShareCount";
    public const string PatternDayNegative = "Staffing.PatternDayNegative";
    public const string PatternHourNegative = "Staffing.PatternHourNegative";
    public const string PatternDaysZero = "Staffing.PatternDaysZero";
    public const string PatternHoursZero = "Staffing.PatternHoursZero";
    public const string NoRows = "Staffing.NoRows";
    public const string MissingColumn = "Staffing.MissingColumn";
    public const string UnknownColumn = "Staffing.UnknownColumn";
    public const string ColumnCount = "Staffing.ColumnCount";
    public const string ServiceLevelUnattainable = "Staffing.ServiceLevelUnattainable";
    public const string AgentLimitReached = "Staffing.AgentLimitReached";
}
