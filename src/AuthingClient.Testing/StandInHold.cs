namespace AuthingClient.Testing;

/// <summary>
/// Requests the stand-in holds without an answer (<see cref="AuthingStandIn.HoldRequests"/>), to
/// test what a client does with requests in flight: a kill, a cancellation, a time-out. Once it is
/// released (or disposed), the held requests still connected and every later one are processed as
/// usual.
/// </summary>
public sealed class StandInHold : IDisposable
{
    private readonly TaskCompletionSource _firstHeld = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _after;
    private int _arrived;
    private int _held;

    internal StandInHold(int after) => _after = after;

    /// <summary>Completes when the first request is held.</summary>
    public Task FirstHeld => _firstHeld.Task;

    /// <summary>How many requests are held now.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Lets the held requests and every later one through.</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>Releases the hold.</summary>
    public void Dispose() => Release();

    /// <summary>Holds one arriving request, unless it is one of the first ones let through or the hold is released.</summary>
    internal async ValueTask WaitAsync(CancellationToken requestAborted)
    {
        if (_released.Task.IsCompleted || Interlocked.Increment(ref _arrived) <= _after)
        {
            return;
        }

        Interlocked.Increment(ref _held);
        _firstHeld.TrySetResult();
        try
        {
            await _released.Task.WaitAsync(requestAborted).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _held);
        }
    }
}
