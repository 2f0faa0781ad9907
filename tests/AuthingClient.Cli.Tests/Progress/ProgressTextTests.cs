using AuthingClient.Cli.Progress;
using AuthingClient.Cli.Revocation;

namespace AuthingClient.Cli.Tests.Progress;

public class ProgressTextTests
{
    [Fact]
    public void A_known_total_shows_done_of_total_and_an_eta_at_the_average_rate()
    {
        var tally = new TallySnapshot(Revoked: 25, NotRevoked: 2, Failed: 2, Invalid: 1, Total: 100, Elapsed: TimeSpan.FromSeconds(10));

        Assert.Equal("progress: 30 of 100 done (25 revoked, 2 not revoked, 2 failed, 1 invalid), 3.0/s, ETA 23.3 s", ProgressText.Line(tally));
    }

    [Fact]
    public void An_unknown_total_shows_the_count_and_the_rate_only()
    {
        var tally = new TallySnapshot(Revoked: 12000, NotRevoked: 0, Failed: 0, Invalid: 0, Total: null, Elapsed: TimeSpan.FromSeconds(5));

        Assert.Equal("progress: 12000 done (12000 revoked, 0 not revoked, 0 failed, 0 invalid), 2400/s", ProgressText.Line(tally));
    }

    [Fact]
    public void A_throttled_run_shows_that_it_is_paused_how_often_it_was_throttled_and_its_pace()
    {
        var tally = new TallySnapshot(Revoked: 300, NotRevoked: 0, Failed: 0, Invalid: 0, Total: null, Elapsed: TimeSpan.FromSeconds(3))
        {
            Pace = new PaceSnapshot(Rate: 127.5, ThrottledAnswers: 42, Paused: true),
        };

        Assert.Equal("progress: 300 done (300 revoked, 0 not revoked, 0 failed, 0 invalid), 100/s; paused by the server (Retry-After), throttled 42 times (429/503), pace 127.5/s", ProgressText.Line(tally));
    }

    [Fact]
    public void A_rate_limited_run_shows_its_pace_and_an_unlimited_unthrottled_one_nothing_more()
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
    public void Durations_read_in_seconds_under_a_minute_and_as_hours_minutes_seconds_above(double seconds, string expected)
    {
        Assert.Equal(expected, ProgressText.Duration(TimeSpan.FromSeconds(seconds)));
    }
}
