using AuthingClient.Cli.Pacing;
using AuthingClient.Cli.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AuthingClient.Cli.Tests.Pacing;

/// <summary>The run's pace on a fake clock: how many attempts go out per period, pauses, AIMD.</summary>
public class RunPaceTests
{
    [Fact]
    public void Pace_RateOf100_IsABucketOf5RefilledEvery50MsSoNoSecondHoldsMoreThan100()
    {
        var options = RunPace.LimiterOptions(100);

        Assert.Equal(5, options.TokenLimit);
        Assert.Equal(5, options.TokensPerPeriod);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.ReplenishmentPeriod);
        Assert.True(options.AutoReplenishment);
    }

    [Fact]
    public void Pace_SlowRate_LetsOneRequestOutPerPeriod()
    {
        var options = RunPace.LimiterOptions(0.5);

        Assert.Equal(1, options.TokenLimit);
        Assert.Equal(TimeSpan.FromSeconds(2), options.ReplenishmentPeriod);
    }

    [Fact]
    public async Task Pace_AnyNumberOfWorkers_LetsOnePeriodOfRequestsOutAndTheRestWaitTheirTurn()
    {
        // 0.1/s: a bucket of one request, refilled every 10 s, so nothing else gets a turn during the test.
        using var pace = new RunPace(new FakeTimeProvider(), ceiling: 0.1);

        var turns = Enumerable.Range(0, 50).Select(_ => pace.WaitTurnAsync(CancellationToken.None).AsTask()).ToArray();

        await AssertTurnsTaken(turns, 1);
    }

    [Fact]
    public void Pace_RateGivenBelowTheFloor_NeverRisesAboveThatRate()
    {
        var time = new FakeTimeProvider();
        using var pace = new RunPace(time, ceiling: 0.5);

        pace.Throttled(retryAfter: TimeSpan.Zero);

        Assert.Equal(0.5, pace.Rate);
    }

    [Fact]
    public async Task Pace_ThrottledAnswer_HoldsEveryWorkerUntilItsRetryAfter()
    {
        var time = new FakeTimeProvider();
        using var pace = new RunPace(time, ceiling: 1000);
        pace.Throttled(TimeSpan.FromSeconds(2));
        var turns = Enumerable.Range(0, 3).Select(_ => pace.WaitTurnAsync(CancellationToken.None).AsTask()).ToArray();

        time.Advance(TimeSpan.FromMilliseconds(1900));
        Assert.True(pace.IsPaused);
        Assert.DoesNotContain(turns, turn => turn.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(await Waiting.Until(Task.WhenAll(turns)));
        Assert.False(pace.IsPaused);
    }

    [Fact]
    public void Pace_429WithoutRetryAfter_PausesForOneSecond()
    {
        var time = new FakeTimeProvider();
        using var pace = new RunPace(time, ceiling: null);

        pace.Throttled(retryAfter: null);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.True(pace.IsPaused);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(pace.IsPaused);
    }

    [Fact]
    public void Pace_ThrottledAnswersOfOneEpisode_LowerThePaceOnce()
    {
        var time = new FakeTimeProvider();
        using var pace = new RunPace(time, ceiling: 100);

        pace.Throttled(TimeSpan.FromSeconds(1));
        pace.Throttled(TimeSpan.FromSeconds(1));
        Assert.Equal(80, pace.Rate);

        // Still the same episode: the pause (1 s) and a second at the new pace.
        time.Advance(TimeSpan.FromMilliseconds(1999));
        pace.Throttled(TimeSpan.FromSeconds(1));
        Assert.Equal(80, pace.Rate);

        // A new episode lowers it again.
        time.Advance(TimeSpan.FromMilliseconds(1));
        pace.Throttled(TimeSpan.FromSeconds(1));
        Assert.Equal(64, pace.Rate);
        Assert.Equal(4, pace.ThrottledAnswers);
    }

    [Fact]
    public void Pace_FirstThrottlingWithoutARate_SetsThePaceBelowWhatTheServerAcceptedLastSecond()
    {
        var time = new FakeTimeProvider();
        using var pace = new RunPace(time, ceiling: null);
        Assert.Null(pace.Rate);
        for (var i = 0; i < 150; i++)
        {
            pace.Accepted();
        }

        pace.Throttled(TimeSpan.FromSeconds(1));

        Assert.Equal(120, pace.Rate);
    }

    [Fact]
    public void Pace_EachSecondWithoutThrottling_RaisesThePaceBy5PercentNeverAboveTheRateGiven()
    {
        var time = new FakeTimeProvider();
        using var pace = new RunPace(time, ceiling: 100);
        pace.Throttled(retryAfter: null);
        Assert.Equal(80, pace.Rate);

        // Paused for 1 s, then a second of sending before it may rise.
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(80, pace.Rate);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(84, pace.Rate);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(88.2, pace.Rate!.Value, precision: 6);

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(100, pace.Rate);
    }

    private static async Task AssertTurnsTaken(Task[] turns, int count)
    {
        Assert.True(await Waiting.Until(Task.WhenAll(turns[..count])), $"{count} turns were not taken.");
        Assert.DoesNotContain(turns[count..], turn => turn.IsCompleted);
    }
}
