using Microsoft.Extensions.ObjectPool;

namespace AuthingClient.Resilience;

/// <summary>
/// Hands out the cancellation of one attempt: it fires when the attempt's time budget runs out
/// (on the client's <see cref="TimeProvider"/>) or when the caller cancels. The sources are pooled
/// because nearly every attempt ends before its timer fires, so the source can be reset and reused
/// instead of allocating a source and a timer per call. The timer is armed only once the send is
/// waiting for the network (<see cref="AttemptDeadline.Arm"/>): an answer already there when the
/// send returns needs no timer at all.
/// </summary>
internal sealed class AttemptDeadlines
{
    private readonly ObjectPool<CancellationTokenSource> _sources;

    public AttemptDeadlines(TimeProvider timeProvider)
    {
        TimeProvider = timeProvider;

        // Two per core covers every attempt in flight at once on a busy machine; beyond that a
        // source is created and, on return, disposed (DisposableObjectPool does that).
        var provider = new DefaultObjectPoolProvider { MaximumRetained = Environment.ProcessorCount * 2 };
        _sources = provider.Create(new SourcePolicy(timeProvider));
    }

    /// <summary>
    /// Starts the cancellation of one attempt, linked to the caller's, with its timer not yet armed;
    /// dispose the result when the attempt is over.
    /// </summary>
    /// <param name="callerToken">The caller's cancellation, which also cancels the attempt.</param>
    public AttemptDeadline Start(CancellationToken callerToken)
    {
        var source = _sources.Get();
        var link = callerToken.CanBeCanceled
            ? callerToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source)
            : default;
        return new AttemptDeadline(this, source, link);
    }

    /// <summary>The clock budgets are measured on.</summary>
    internal TimeProvider TimeProvider { get; }

    internal void Return(CancellationTokenSource source) => _sources.Return(source);

    private sealed class SourcePolicy(TimeProvider timeProvider) : IPooledObjectPolicy<CancellationTokenSource>
    {
        // Infinite until CancelAfter arms it. On the system clock the source gets its timer on the
        // first CancelAfter: one created with a provider has a timer from the start, and resetting
        // it takes the timer queue's lock even when it was never armed. Another provider (a fake
        // clock in tests) must drive the timer, so the source is created with it.
        public CancellationTokenSource Create() => timeProvider == TimeProvider.System
            ? new()
            : new(Timeout.InfiniteTimeSpan, timeProvider);

        // A source that fired cannot be reused; TryReset also disarms the timer of one that did not.
        public bool Return(CancellationTokenSource obj) => obj.TryReset();
    }
}

/// <summary>The running deadline of one attempt.</summary>
internal readonly struct AttemptDeadline : IDisposable
{
    private readonly AttemptDeadlines _owner;
    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _callerLink;

    internal AttemptDeadline(AttemptDeadlines owner, CancellationTokenSource source, CancellationTokenRegistration callerLink)
    {
        _owner = owner;
        _source = source;
        _callerLink = callerLink;
    }

    /// <summary>Cancelled when the budget runs out or the caller cancels.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Whether the attempt was cancelled, by its budget or by the caller.</summary>
    public bool Expired => _source.IsCancellationRequested;

    /// <summary>
    /// Arms the timer: the attempt is cancelled once <paramref name="budget"/> has passed since
    /// <paramref name="startedAt"/>, at once if it already has.
    /// </summary>
    /// <param name="budget">The attempt's whole budget.</param>
    /// <param name="startedAt">When the attempt started, a timestamp of the deadlines' clock.</param>
    public void Arm(TimeSpan budget, long startedAt)
    {
        var time = _owner.TimeProvider;
        var left = budget - time.GetElapsedTime(startedAt);
        if (left > TimeSpan.Zero)
        {
            _source.CancelAfter(left);
        }

        // The clock is read again once the timer counts: time that passed between the first
        // reading and the arming (a fake clock moved on by another thread) still ends the attempt
        // instead of being lost.
        if (time.GetElapsedTime(startedAt) >= budget)
        {
            _source.Cancel();
        }
    }

    public void Dispose()
    {
        // Unlink first: Dispose waits for a running callback, so the source is never cancelled
        // after it went back to the pool.
        _callerLink.Dispose();
        _owner.Return(_source);
    }
}
