using System.Threading.Channels;
using AuthingClient.Resilience;
using AuthingClient.Revocation;
using Microsoft.Extensions.Logging;

namespace AuthingClient.Redis;

/// <summary>
/// Keeps the local replica equal to the registry in Redis: loads every live revocation once, then
/// reads the log on from where it stopped whenever a mark is announced (and every poll interval,
/// in case an announcement was lost). After a disconnect it reads on from the same position;
/// if the log no longer reaches back that far, it loads the live set again.
/// </summary>
/// <remarks>
/// One rule covers every way Redis can forget: <b>Redis is behind</b> when it no longer holds the
/// newest thing this replica knows it held: the data's epoch (gone or new: restarted without
/// persistence, flushed), or the log entry at the replica's checkpoint, the newest entry it read
/// or that Redis confirmed to its outbox (gone before the retention could trim it: a failover to a
/// replica that never received acknowledged writes). The replica then loads Redis's live set and
/// publishes again every live entry it holds that Redis lacks or holds weaker, so nothing any
/// running instance knows is forgotten, and a new instance loads it.
/// </remarks>
internal sealed class ReplicaSync
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);

    private readonly RevocationLog _log;
    private readonly RevocationSet _replica;
    private readonly ReplicaStatus _status;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TimeSpan _pollInterval;
    // Holds at most one ring: rings while a read is under way fold into one more read.
    private readonly Channel<bool> _doorbell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly object _writtenLock = new();
    private LogPosition _position = LogPosition.Start;
    private LogPosition _written = LogPosition.Start;
    private string? _epoch;
    private long _nextPurgeUnixMs;

    public ReplicaSync(RevocationLog log, RevocationSet replica, ReplicaStatus status, TimeProvider time, ILogger logger, TimeSpan pollInterval)
    {
        _log = log;
        _replica = replica;
        _status = status;
        _time = time;
        _logger = logger;
        _pollInterval = pollInterval;
    }

    /// <summary>Reads the log now (a mark was announced, or the connection came back).</summary>
    public void Ring() => _doorbell.Writer.TryWrite(true);

    /// <summary>Redis confirmed this instance's marks up to <paramref name="last"/>: part of what the replica knows Redis held.</summary>
    public void Wrote(LogPosition last)
    {
        lock (_writtenLock)
        {
            _written = last > _written ? last : _written;
        }
    }

    /// <summary>The newest log entry this replica read or wrote.</summary>
    private LogPosition Checkpoint
    {
        get
        {
            lock (_writtenLock)
            {
                return _written > _position ? _written : _position;
            }
        }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        var retry = FirstRetry;
        while (!stop.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var lagBefore = _status.Lag;
                var wasConnected = _status.IsConnected;
                await SyncOnceAsync().ConfigureAwait(false);
                _status.Synced();
                if (!wasConnected && _status.IsLoaded && lagBefore > TimeSpan.Zero)
                {
                    ReplicaLog.Reconnected(_logger, lagBefore);
                }

                wait = _pollInterval;
                retry = FirstRetry;
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                // Whatever went wrong, the loop lives on: a replica that stops reading would
                // silently stop enforcing other instances' revocations.
                if (!RedisFailure.Is(ex))
                {
                    ReplicaLog.Unexpected(_logger, ex);
                }
                else if (_status.Disconnected() || !_status.IsLoaded)
                {
                    ReplicaLog.Disconnected(_logger, ex);
                }

                wait = retry;
                retry = Backoff.Doubled(retry, _pollInterval);
            }

            await WaitForBellAsync(wait, stop).ConfigureAwait(false);
        }
    }

    private async Task WaitForBellAsync(TimeSpan wait, CancellationToken stop)
    {
        using var timeout = new CancellationTokenSource(wait, _time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
        try
        {
            await _doorbell.Reader.ReadAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            // The poll interval passed without a bell.
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task SyncOnceAsync()
    {
        await _log.SubscribeAsync(Ring).ConfigureAwait(false);

        if (!_status.IsLoaded)
        {
            await LoadAsync().ConfigureAwait(false);
            return;
        }

        // Asked together: one round trip.
        var checkpoint = Checkpoint;
        var epoch = _log.CurrentEpochAsync();
        var first = _log.FirstPositionAsync();
        var lost = checkpoint == LogPosition.Start ? Task.FromResult(false) : _log.LostAsync(checkpoint);
        await Task.WhenAll(epoch, first, lost).ConfigureAwait(false);
        if (await epoch.ConfigureAwait(false) != _epoch || await lost.ConfigureAwait(false))
        {
            await LoadAsync(redisIsBehind: true).ConfigureAwait(false);
        }
        else if (await first.ConfigureAwait(false) is { } oldest && oldest > _position)
        {
            // The log was trimmed past where this replica stopped: what it missed is in the live set.
            await LoadAsync().ConfigureAwait(false);
        }
        else
        {
            await ReadOnAsync().ConfigureAwait(false);
        }

        PurgeIfDue();
    }

    private async Task LoadAsync(bool redisIsBehind = false)
    {
        // The epoch is adopted here and nowhere else, so a replica never takes on a new epoch (one
        // it or another instance just set in an emptied Redis) without publishing what Redis lacks:
        // that is what every other replica's epoch check relies on.
        var epoch = await _log.EpochAsync().ConfigureAwait(false);
        redisIsBehind |= _epoch is not null && epoch != _epoch;
        _epoch = epoch;

        // The position first, then the set: a mark made in between is in both, and applying it twice is harmless.
        var position = await _log.LastPositionAsync().ConfigureAwait(false);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var count = 0;
        var heldByRedis = redisIsBehind ? new HashSet<RevocationKey>() : null;
        await foreach (var entry in _log.LiveAsync().ConfigureAwait(false))
        {
            if (entry.ExpiresAtUnixMs > now)
            {
                if (heldByRedis is not null && _replica.Find(entry.Key) is { } held && entry.MergedWith(held) == entry)
                {
                    heldByRedis.Add(entry.Key);
                }

                _replica.Add(entry);
                count++;
            }
        }

        _position = position;
        if (heldByRedis is not null)
        {
            await PublishWhatRedisLacksAsync(heldByRedis, now).ConfigureAwait(false);
        }

        await ReadOnAsync().ConfigureAwait(false);
        if (!_status.IsLoaded)
        {
            _status.SetLoaded();
            ReplicaLog.Loaded(_logger, count);
        }
    }

    private async Task ReadOnAsync()
    {
        while (true)
        {
            var (entries, last, more) = await _log.ReadAfterAsync(_position).ConfigureAwait(false);
            foreach (var entry in entries)
            {
                _replica.Add(entry);
            }

            _position = last;
            if (!more)
            {
                return;
            }
        }
    }

    private async Task PublishWhatRedisLacksAsync(HashSet<RevocationKey> heldByRedis, long now)
    {
        var lacking = _replica.Live(now).Where(entry => !heldByRedis.Contains(entry.Key)).ToList();
        ReplicaLog.DataLost(_logger, lacking.Count);
        for (var start = 0; start < lacking.Count; start += RevocationLog.PageSize)
        {
            await _log.AppendAsync(lacking.GetRange(start, Math.Min(RevocationLog.PageSize, lacking.Count - start))).ConfigureAwait(false);
        }

        // What this replica wrote before is gone from Redis for good: the checkpoint starts over
        // from the log as it is now (the entries just published are read back from there).
        lock (_writtenLock)
        {
            _written = LogPosition.Start;
        }
    }

    private void PurgeIfDue()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        if (now < _nextPurgeUnixMs)
        {
            return;
        }

        _nextPurgeUnixMs = now + (long)PurgeInterval.TotalMilliseconds;
        _replica.Purge(now);
    }
}
