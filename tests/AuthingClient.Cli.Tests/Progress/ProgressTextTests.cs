using AuthingClient.Cli.Progress;
using AuthingClient.Cli.Revocation;

namespace AuthingClient.Cli.Tests.Progress;

public class ProgressTextTests
{
    [Fact]
    public void ProgressText_KnownTotal_ShowsDoneOfTotalAndAnEtaAtTheAverageRate()
    {
        var tally = new TallySnapshot(Revoked: 25, NotRevoked: 2, Failed: 2, Invalid: 1, Total: 100, Elapsed: TimeSpan.FromSeconds(10));

        Assert.Equal("progress: 30 of 100 done (25 revoked, 2 not revoked, 2 failed, 1 invalid), 3.0/s, ETA 23.3 s", ProgressText.Line(tally));
    }

    [Fact]
    public void ProgressText_UnknownTotal_ShowsOnlyTheCountAndTheRate()
    {
        var tally = new TallySnapshot(Revoked: 12000, NotRevoked: 0, Failed: 0, Invalid: 0, Total: null, Elapsed: TimeSpan.FromSeconds(5));

        Assert.Equal("progress: 12000 done (12000 revoked, 0 not revoked, 0 failed, 0 invalid), 2400/s", ProgressText.Line(tally));
    }

    [Fact]
    public void ProgressText_ThrottledRun_ShowsPausedHowOftenThrottledAndThePace()
    {
        var tally = new TallySnapshot(Revoked: 300, NotRevoked: 0, Failed: 0, Invalid: 0, Total: null, Elapsed: TimeSpan.FromSeconds(3))
        {
            Pace = new PaceSnapshot(Rate: 127.5, ThrottledAnswers: 42, Paused: true),
        };

        Assert.Equal("progress: 300 done (300 revoked, 0 not revoked, 0 failed, 0 invalid), 100/s; paused by the server (Retry-After), throttled 42 times (429/503), pace 127.5/s", ProgressText.Line(tally));
    }

    [Fact]
    public void ProgressText_RateLimitedOrUnlimitedUnthrottledRun_ShowsThePaceOnlyWhenRateLimited()
    {
        Assert.Equal("; pace 100/s", ProgressText.Pace(new PaceSnapshot(Rate: 100, ThrottledAnswers: 0, Paused: false)));
        Assert.Equal(string.Empty, ProgressText.Pace(new PaceSnapshot(Rate: null, ThrottledAnswers: 0, Paused: false)));
        Assert.Equal(string.Empty, ProgressText.Pace(null));
    }

    [Theory]
    [InlineData(0, "0.0 s")]
    [InlineData(59.94, "59.9 s")]
    [InlineData(60, "0:01:00")]
    [InlineData(90061, "25:01:01")]
    public void Duration_UnderOrOverAMinute_ReadsAsSecondsOrHoursMinutesSeconds(double seconds, string expected)
    {
        Assert.Equal(expected, ProgressText.Duration(TimeSpan.FromSeconds(seconds)));
    }
}
