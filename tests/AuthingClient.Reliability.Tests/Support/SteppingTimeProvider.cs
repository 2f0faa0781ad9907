using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace AuthingClient.Reliability.Tests.Support;

/// <summary>
/// A fake clock that tells the test each time the client starts waiting, so the test can check
/// the wait it asked for and then let exactly that much fake time pass. No real time passes.
/// </summary>
internal sealed class SteppingTimeProvider : FakeTimeProvider
{
    /// <summary>How long a test waits for the client to start a wait or finish, before it fails instead of hanging.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public SteppingTimeProvider()
        : base(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Register first, publish second: a test that reacts to the published wait by advancing
        // the clock must find the timer already counting, or the timer starts after the advance
        // and never fires (the hang of issue 10).
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>
    /// Drives a call to completion: every wait shorter than <paramref name="ignoreAtLeast"/>
    /// (a retry delay) is recorded and let pass at once; longer ones (time-outs) are left alone.
    /// Returns the recorded waits when the call has finished, however it finished.
    /// </summary>
    /// <exception cref="TimeoutException">The call neither finished nor started a wait within <see cref="Patience"/>.</exception>
    public async Task<List<TimeSpan>> DriveAsync(Task call, TimeSpan ignoreAtLeast)
    {
        var waits = new List<TimeSpan>();
        using var stop = new CancellationTokenSource();
        while (true)
        {
            var next = _timers.Reader.WaitToReadAsync(stop.Token).AsTask();
            if (await Task.WhenAny(call, next).WaitAsync(Patience) == call)
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
    /// <exception cref="OperationCanceledException">No such wait started within <see cref="Patience"/>.</exception>
    public async Task<TimeSpan> NextWaitAsync(Func<TimeSpan, bool> match)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            var due = await _timers.Reader.ReadAsync(patience.Token);
            if (match(due))
            {
                return due;
            }
        }
    }
}
