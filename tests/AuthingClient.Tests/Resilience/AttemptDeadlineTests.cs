using AuthingClient.Resilience;
using Microsoft.Extensions.Time.Testing;

namespace AuthingClient.Tests.Resilience;

/// <summary>An attempt's deadline is armed only once the send waits, and never loses time that passed meanwhile.</summary>
public sealed class AttemptDeadlineTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    [Fact]
    public void Arm_BudgetNotYetSpent_CancelsExactlyWhenItIs()
    {
        var time = new FakeTimeProvider();
        var deadlines = new AttemptDeadlines(time);
        var startedAt = time.GetTimestamp();
        time.Advance(TimeSpan.FromSeconds(4));
        using var deadline = deadlines.Start(CancellationToken.None);

        deadline.Arm(Budget, startedAt);
        time.Advance(TimeSpan.FromSeconds(6) - TimeSpan.FromTicks(1));
        var beforeTheEnd = deadline.Expired;
        time.Advance(TimeSpan.FromTicks(1));

        Assert.Equal((false, true), (beforeTheEnd, deadline.Expired));
    }

    [Fact]
    public void Arm_BudgetAlreadySpent_CancelsAtOnce()
    {
        var time = new FakeTimeProvider();
        var deadlines = new AttemptDeadlines(time);
        var startedAt = time.GetTimestamp();
        time.Advance(Budget);
        using var deadline = deadlines.Start(CancellationToken.None);

        deadline.Arm(Budget, startedAt);

        Assert.True(deadline.Expired);
    }

    [Fact]
    public void Arm_ClockMovesOnBetweenReadingAndArming_TheTimeStillCounts()
    {
        // The clock another thread moves on just after the deadline read it: were only that first
        // reading used, the timer would start counting the whole budget again and never fire.
        var time = new ClockMovedOnAfterRead(Budget);
        var deadlines = new AttemptDeadlines(time);
        var startedAt = time.GetTimestamp();
        using var deadline = deadlines.Start(CancellationToken.None);
        time.MoveOnAfterNextRead = true;

        deadline.Arm(Budget, startedAt);

        Assert.True(deadline.Expired);
    }

    [Fact]
    public void Start_CallerCancels_TheAttemptIsCancelled()
    {
        var deadlines = new AttemptDeadlines(new FakeTimeProvider());
        using var caller = new CancellationTokenSource();
        using var deadline = deadlines.Start(caller.Token);

        caller.Cancel();

        Assert.True(deadline.Token.IsCancellationRequested);
    }

    /// <summary>A fake clock that, once asked to, moves on by a given time right after the next reading.</summary>
    private sealed class ClockMovedOnAfterRead(TimeSpan step) : FakeTimeProvider
    {
        public bool MoveOnAfterNextRead { get; set; }

        public override long GetTimestamp()
        {
            var now = base.GetTimestamp();
            if (MoveOnAfterNextRead)
            {
                MoveOnAfterNextRead = false;
                Advance(step);
            }

            return now;
        }
    }
}
