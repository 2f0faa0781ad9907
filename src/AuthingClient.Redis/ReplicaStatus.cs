namespace AuthingClient.Redis;

/// <summary>
/// Where a replica stands: loaded or not, connected or not, and when it last read the log
/// successfully. Written by the sync loop, read by every check, the health check and the metrics.
/// </summary>
internal sealed class ReplicaStatus
{
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeProvider _time;
    private readonly long _failClosedAfterMs;
    private readonly TimeSpan _staleAfter;
    private long _lastSyncUnixMs;
    private int _connected;

    /// <param name="time">The clock.</param>
    /// <param name="failClosedAfter">How long without reading Redis before a token the replica does not hold cannot be answered for.</param>
    /// <param name="pollInterval">How often a healthy replica reads Redis at the least.</param>
    public ReplicaStatus(TimeProvider time, TimeSpan failClosedAfter, TimeSpan pollInterval)
    {
        _time = time;
        _failClosedAfterMs = failClosedAfter == Timeout.InfiniteTimeSpan ? long.MaxValue : (long)failClosedAfter.TotalMilliseconds;

        // A read stuck waiting for a server that is gone (killed, failing over) fails only after
        // StackExchange.Redis's time-out (5 s); a replica that has not read for two poll intervals
        // and a second is already not reaching Redis.
        _staleAfter = (2 * pollInterval) + TimeSpan.FromSeconds(1);
    }

    /// <summary>Completes when every live revocation has been loaded once.</summary>
    public Task Loaded => _loaded.Task;

    public bool IsLoaded => _loaded.Task.IsCompleted;

    /// <summary>Whether the replica reaches Redis: its last read succeeded, no failure was reported since, and that read is recent.</summary>
    public bool IsConnected => Volatile.Read(ref _connected) == 1 && Lag <= _staleAfter;

    /// <summary>How long ago the replica last read the log successfully (zero before the first read).</summary>
    public TimeSpan Lag
    {
        get
        {
            var last = Interlocked.Read(ref _lastSyncUnixMs);
            return last == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Max(0, _time.GetUtcNow().ToUnixTimeMilliseconds() - last));
        }
    }

    /// <summary>
    /// Whether a token the replica does not hold can be accepted at <paramref name="nowUnixMs"/>: the
    /// replica has loaded, and has reached Redis within <see cref="RedisRevokedTokenRegistryOptions.FailClosedAfter"/>.
    /// </summary>
    public bool CanAnswer(long nowUnixMs) =>
        _loaded.Task.IsCompleted && nowUnixMs - Interlocked.Read(ref _lastSyncUnixMs) <= _failClosedAfterMs;

    public void SetLoaded() => _loaded.TrySetResult();

    /// <summary>The log was read successfully just now.</summary>
    public void Synced()
    {
        Interlocked.Exchange(ref _lastSyncUnixMs, _time.GetUtcNow().ToUnixTimeMilliseconds());
        Volatile.Write(ref _connected, 1);
    }

    /// <summary>Redis could not be reached (a read failed, or the connection reported a failure).</summary>
    /// <returns>Whether the replica was connected until now.</returns>
    public bool Disconnected() => Interlocked.Exchange(ref _connected, 0) == 1;
}
