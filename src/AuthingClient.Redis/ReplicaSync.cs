using System.Threading.Channels;
using AuthingClient.Revocation;
using Microsoft.Extensions.Logging;

namespace AuthingClient.Redis;

/// <summary>
/// Keeps the local replica equal to the registry in Redis: loads every live revocation once, then
/// reads the log on from where it stopped whenever a mark is announced (and every poll interval,
/// in case an announcement was lost). After a disconnect it reads on from the same position;
/// if the log no longer reaches back that far, it loads the live set again; if Redis lost its
/// data, it first re-publishes what it holds, so a restart without persistence forgets nothing
/// that any running instance still knows.
/// </summary>
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
    private LogPosition _position = LogPosition.Start;
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
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, _pollInterval.Ticks));
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
        var epoch = _log.CurrentEpochAsync();
        var first = _log.FirstPositionAsync();
        await Task.WhenAll(epoch, first).ConfigureAwait(false);
        if (await epoch.ConfigureAwait(false) != _epoch
            || (await first.ConfigureAwait(false) is { } oldest && oldest > _position))
        {
            // Redis lost its data, or the log was trimmed past where this replica stopped: what it
            // missed is in the live set (and what Redis lost, LoadAsync publishes again).
            await LoadAsync().ConfigureAwait(false);
        }
        else
        {
            await ReadOnAsync().ConfigureAwait(false);
        }

        PurgeIfDue();
    }

    private async Task LoadAsync()
    {
        // The epoch is adopted here and nowhere else, so a replica never takes on a new epoch (one
        // it or another instance just set in an emptied Redis) without publishing what it holds:
        // that is what every other replica's epoch check relies on.
        var epoch = await _log.EpochAsync().ConfigureAwait(false);
        if (_epoch is not null && epoch != _epoch)
        {
            await RepublishAsync().ConfigureAwait(false);
        }

        _epoch = epoch;

        // The position first, then the set: a mark made in between is in both, and applying it twice is harmless.
        var position = await _log.LastPositionAsync().ConfigureAwait(false);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var count = 0;
        await foreach (var entry in _log.LiveAsync().ConfigureAwait(false))
        {
            if (entry.ExpiresAtUnixMs > now)
            {
                _replica.Add(entry);
                count++;
            }
        }

        _position = position;
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

    private async Task RepublishAsync()
    {
        var live = _replica.Live(_time.GetUtcNow().ToUnixTimeMilliseconds()).ToList();
        ReplicaLog.DataLost(_logger, live.Count);
        for (var start = 0; start < live.Count; start += RevocationLog.PageSize)
        {
            await _log.AppendAsync(live.GetRange(start, Math.Min(RevocationLog.PageSize, live.Count - start))).ConfigureAwait(false);
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
