using Park.Domain.Data;

namespace Park.Domain.Leasing;

/// <summary>The paperwork axis: Draft → Approved → Signed, and Cancelled before signing.</summary>
public enum LeaseStatus
{
    Draft,
    Approved,
    Signed,
    Cancelled,
}

/// <summary>The life axis of a lease, driven by dates and by notices.</summary>
public enum LeaseStage
{
    Upcoming,
    Active,
    UpForRenewal,
    NoticeServed,
    Ended,
}

public enum EndReason
{
    Expired,
    Terminated,
    Renewed,
}

/// <summary>The two axes' state machines and the date rule the daily job applies. Pure.</summary>
public static class LeaseRules
{
    /// <summary>Days before the end at which a lease counts as up for renewal.</summary>
    public const int RenewalWindowDays = 90;

    public static readonly int[] ReminderDays = [90, 60, 30];

    private static readonly HashSet<(LeaseStatus, LeaseStatus)> StatusMoves =
    [
        (LeaseStatus.Draft, LeaseStatus.Approved),
        (LeaseStatus.Approved, LeaseStatus.Signed),
        (LeaseStatus.Draft, LeaseStatus.Cancelled),
        (LeaseStatus.Approved, LeaseStatus.Cancelled),
    ];

    private static readonly HashSet<(LeaseStage, LeaseStage)> StageMoves =
    [
        (LeaseStage.Upcoming, LeaseStage.Active),
        (LeaseStage.Upcoming, LeaseStage.UpForRenewal),
        (LeaseStage.Upcoming, LeaseStage.NoticeServed),
        (LeaseStage.Upcoming, LeaseStage.Ended),
        (LeaseStage.Active, LeaseStage.UpForRenewal),
        (LeaseStage.Active, LeaseStage.NoticeServed),
        (LeaseStage.Active, LeaseStage.Ended),
        (LeaseStage.UpForRenewal, LeaseStage.Active),
        (LeaseStage.UpForRenewal, LeaseStage.NoticeServed),
        (LeaseStage.UpForRenewal, LeaseStage.Ended),
        (LeaseStage.NoticeServed, LeaseStage.Ended),
    ];

    public static IReadOnlyCollection<(LeaseStatus From, LeaseStatus To)> AllowedStatusMoves => StatusMoves;

    public static IReadOnlyCollection<(LeaseStage From, LeaseStage To)> AllowedStageMoves => StageMoves;

    public static bool CanMove(LeaseStatus from, LeaseStatus to) => StatusMoves.Contains((from, to));

    public static bool CanMove(LeaseStage from, LeaseStage to) => StageMoves.Contains((from, to));

    /// <summary>Null when allowed; otherwise the problem naming both states.</summary>
    public static Problem? CheckMove(LeaseStatus from, LeaseStatus to) =>
        CanMove(from, to) ? null : Problem.Conflict("StatusMoveRefused", Code(from), Code(to));

    public static Problem? CheckMove(LeaseStage from, LeaseStage to) =>
        CanMove(from, to) ? null : Problem.Conflict("StageMoveRefused", Code(from), Code(to));

    /// <summary>Amendments, notices and renewals apply to signed leases that have not ended.</summary>
    public static Problem? CheckChangeable(LeaseStatus status, LeaseStage stage) =>
        status != LeaseStatus.Signed ? Problem.Conflict("LeaseNotSigned", Code(status))
        : stage == LeaseStage.Ended ? Problem.Conflict("LeaseEnded")
        : null;

    /// <summary>
    /// The stage a signed lease should be in on <paramref name="today"/>; the end is exclusive.
    /// Notice and end are sticky; a lease whose signed successor exists ends as renewed. A notice ends the lease as
    /// terminated when it ended it early, and as expired when it was notice to leave at the natural end
    /// (<paramref name="noticeEndsEarly"/> false).
    /// </summary>
    public static (LeaseStage Stage, EndReason? Reason) StageOn(
        DateOnly today, DateOnly start, DateOnly end, LeaseStage current, EndReason? currentReason, bool hasSignedSuccessor, bool noticeEndsEarly = true)
    {
        if (current == LeaseStage.Ended)
        {
            return (current, currentReason);
        }

        if (today >= end)
        {
            var reason = current == LeaseStage.NoticeServed ? (noticeEndsEarly ? EndReason.Terminated : EndReason.Expired)
                : hasSignedSuccessor ? EndReason.Renewed : EndReason.Expired;
            return (LeaseStage.Ended, reason);
        }

        if (current == LeaseStage.NoticeServed)
        {
            return (current, null);
        }

        if (today < start)
        {
            return (LeaseStage.Upcoming, null);
        }

        return end.DayNumber - today.DayNumber <= RenewalWindowDays && !hasSignedSuccessor
            ? (LeaseStage.UpForRenewal, null)
            : (LeaseStage.Active, null);
    }

    /// <summary>The reminder bucket (90, 60 or 30) for a lease ending in <paramref name="daysLeft"/> days, or null.</summary>
    public static int? ReminderBucket(int daysLeft) =>
        daysLeft < 0 ? null : ReminderDays.Where(d => daysLeft <= d).Cast<int?>().LastOrDefault();

    public static string Code(LeaseStatus status) => status switch
    {
        LeaseStatus.Draft => "draft",
        LeaseStatus.Approved => "approved",
        LeaseStatus.Signed => "signed",
        _ => "cancelled",
    };

    public static string Code(LeaseStage stage) => stage switch
    {
        LeaseStage.Upcoming => "upcoming",
        LeaseStage.Active => "active",
        LeaseStage.UpForRenewal => "up_for_renewal",
        LeaseStage.NoticeServed => "notice_served",
        _ => "ended",
    };

    public static string Code(EndReason reason) => reason switch
    {
        EndReason.Expired => "expired",
        EndReason.Terminated => "terminated",
        _ => "renewed",
    };

    public static LeaseStatus ParseStatus(string code) => code switch
    {
        "draft" => LeaseStatus.Draft,
        "approved" => LeaseStatus.Approved,
        "signed" => LeaseStatus.Signed,
        "cancelled" => LeaseStatus.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown lease status."),
    };

    public static LeaseStage ParseStage(string code) => code switch
    {
        "upcoming" => LeaseStage.Upcoming,
        "active" => LeaseStage.Active,
        "up_for_renewal" => LeaseStage.UpForRenewal,
        "notice_served" => LeaseStage.NoticeServed,
        "ended" => LeaseStage.Ended,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown lease stage."),
    };

    public static EndReason? ParseEndReason(string? code) => code switch
    {
        null or "" => null,
        "expired" => EndReason.Expired,
        "terminated" => EndReason.Terminated,
        "renewed" => EndReason.Renewed,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown end reason."),
    };
}
