using Park.Domain.Data;
using Park.Domain.Leasing;

namespace Park.Tests.Leasing;

public sealed class LeaseRulesTests
{
    public static TheoryData<LeaseStatus, LeaseStatus> AllStatusPairs()
    {
        var data = new TheoryData<LeaseStatus, LeaseStatus>();
        foreach (var from in Enum.GetValues<LeaseStatus>())
        {
            foreach (var to in Enum.GetValues<LeaseStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    public static TheoryData<LeaseStage, LeaseStage> AllStagePairs()
    {
        var data = new TheoryData<LeaseStage, LeaseStage>();
        foreach (var from in Enum.GetValues<LeaseStage>())
        {
            foreach (var to in Enum.GetValues<LeaseStage>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllStatusPairs))]
    public void StatusMove_IsAllowedExactlyForTheDocumentedPairs(LeaseStatus from, LeaseStatus to)
    {
        var allowed = (from, to) is (LeaseStatus.Draft, LeaseStatus.Approved) or (LeaseStatus.Approved, LeaseStatus.Signed)
            or (LeaseStatus.Draft, LeaseStatus.Cancelled) or (LeaseStatus.Approved, LeaseStatus.Cancelled);
        Assert.Equal(allowed, LeaseRules.CanMove(from, to));
        var problem = LeaseRules.CheckMove(from, to);
        if (allowed)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Equal(ErrorKind.Conflict, problem!.Kind);
            Assert.Equal("StatusMoveRefused", problem.Code);
        }
    }

    [Theory]
    [MemberData(nameof(AllStagePairs))]
    public void StageMove_IsAllowedExactlyForTheDocumentedPairs(LeaseStage from, LeaseStage to)
    {
        var allowed = from switch
        {
            LeaseStage.Upcoming => to is LeaseStage.Active or LeaseStage.UpForRenewal or LeaseStage.NoticeServed or LeaseStage.Ended,
            LeaseStage.Active => to is LeaseStage.UpForRenewal or LeaseStage.NoticeServed or LeaseStage.Ended,
            LeaseStage.UpForRenewal => to is LeaseStage.Active or LeaseStage.NoticeServed or LeaseStage.Ended,
            LeaseStage.NoticeServed => to is LeaseStage.Ended,
            _ => false,
        };
        Assert.Equal(allowed, LeaseRules.CanMove(from, to));
        Assert.Equal(allowed, LeaseRules.CheckMove(from, to) is null);
    }

    [Fact]
    public void SignedNeverGoesBackAndCancelledIsFinal()
    {
        Assert.All(Enum.GetValues<LeaseStatus>(), to => Assert.False(LeaseRules.CanMove(LeaseStatus.Cancelled, to)));
        Assert.All(Enum.GetValues<LeaseStatus>(), to => Assert.False(LeaseRules.CanMove(LeaseStatus.Signed, to)));
    }

    private static readonly DateOnly Start = new(2026, 1, 1);
    private static readonly DateOnly End = new(2028, 1, 1);

    [Theory]
    [InlineData("2025-12-31", LeaseStage.Active, LeaseStage.Upcoming, null)]
    [InlineData("2026-01-01", LeaseStage.Upcoming, LeaseStage.Active, null)]
    [InlineData("2027-10-02", LeaseStage.Active, LeaseStage.Active, null)]
    [InlineData("2027-10-03", LeaseStage.Active, LeaseStage.UpForRenewal, null)]
    [InlineData("2027-12-31", LeaseStage.UpForRenewal, LeaseStage.UpForRenewal, null)]
    [InlineData("2028-01-01", LeaseStage.UpForRenewal, LeaseStage.Ended, EndReason.Expired)]
    [InlineData("2027-06-01", LeaseStage.NoticeServed, LeaseStage.NoticeServed, null)]
    [InlineData("2028-01-01", LeaseStage.NoticeServed, LeaseStage.Ended, EndReason.Terminated)]
    public void StageOn_FollowsTheCalendar(string today, LeaseStage current, LeaseStage expected, EndReason? reason)
    {
        var (stage, why) = LeaseRules.StageOn(DateOnly.Parse(today, null), Start, End, current, null, hasSignedSuccessor: false);
        Assert.Equal(expected, stage);
        Assert.Equal(reason, why);
    }

    [Fact]
    public void StageOn_WithSignedSuccessor_StaysActiveThenEndsRenewed()
    {
        Assert.Equal(LeaseStage.Active, LeaseRules.StageOn(new DateOnly(2027, 12, 1), Start, End, LeaseStage.UpForRenewal, null, true).Stage);
        Assert.Equal((LeaseStage.Ended, EndReason.Renewed), LeaseRules.StageOn(End, Start, End, LeaseStage.Active, null, true));
    }

    [Fact]
    public void StageOn_EndedIsSticky()
    {
        Assert.Equal((LeaseStage.Ended, EndReason.Terminated), LeaseRules.StageOn(Start, Start, End, LeaseStage.Ended, EndReason.Terminated, false));
    }

    [Theory]
    [InlineData(120, null)]
    [InlineData(90, 90)]
    [InlineData(61, 90)]
    [InlineData(60, 60)]
    [InlineData(31, 60)]
    [InlineData(30, 30)]
    [InlineData(0, 30)]
    [InlineData(-1, null)]
    public void ReminderBucket_Is90_60_30(int daysLeft, int? bucket) => Assert.Equal(bucket, LeaseRules.ReminderBucket(daysLeft));

    [Fact]
    public void CheckChangeable_RefusesUnsignedAndEnded()
    {
        Assert.Equal("LeaseNotSigned", LeaseRules.CheckChangeable(LeaseStatus.Draft, LeaseStage.Upcoming)!.Code);
        Assert.Equal("LeaseEnded", LeaseRules.CheckChangeable(LeaseStatus.Signed, LeaseStage.Ended)!.Code);
        Assert.Null(LeaseRules.CheckChangeable(LeaseStatus.Signed, LeaseStage.UpForRenewal));
    }
}
