using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace AuthingClient.Reliability.Tests.Support;

/// <summary>
/// A fake clock that tells the test each time the client starts waiting, so the test can check
/// the wait it asked for and then let exactly that much fake time pass. No real time passes.
/// </summary>
internal sealed class SteppingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public SteppingTimeProvider()
        : base(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _timers.Writer.TryWrite(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>
    /// Drives a call to completion: every wait shorter than <paramref name="ignoreAtLeast"/>
    /// (a retry delay) is recorded and let pass at once; longer ones (time-outs) are left alone.
    /// Returns the recorded waits when the call has finished, however it finished.
    /// </summary>
    public async Task<List<TimeSpan>> DriveAsync(Task call, TimeSpan ignoreAtLeast)
    {
        var waits = new List<TimeSpan>();
        using var stop = new CancellationTokenSource();
        while (true)
        {
            var next = _timers.Reader.WaitToReadAsync(stop.Token).AsTask();
            if (await Task.WhenAny(call, next) == call)
            {
                await stop.CancelAsync();
                return waits;
            }

            while (_timers.Reader.TryRead(out var due))
            {
                if (due < ignoreAtLeast && due > TimeSpan.Zero)
                {
                    waits.Add(due);
                    Advance(due);
                }
            }
        }
    }

    /// <summary>Waits until the client starts a wait matching <paramref name="match"/>.</summary>
    public async Task<TimeSpan> NextWaitAsync(Func<TimeSpan, bool> match)
    {
        while (true)
        {
            var due = await _timers.Reader.ReadAsync();
            if (match(due))
            {
                return due;
            }
        }
    }
}
