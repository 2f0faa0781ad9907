using System.Threading.Channels;
using AuthingClient.Resilience;
using AuthingClient.Revocation;
using Microsoft.Extensions.Logging;

namespace AuthingClient.Redis;

/// <summary>
/// Marks this instance made that Redis has not confirmed yet. A mark is enforced by the local
/// replica at once and queued here; the publisher sends the queue in batches and, while Redis
/// cannot be reached, keeps it and tries again with a bounded backoff, so a revocation made during
/// an outage reaches the other instances when Redis is back. The queue lives in memory: marks still
/// queued when the process stops are logged as abandoned, unless an <see cref="OutboxFile"/> keeps
/// them on disk for the next process.
/// </summary>
internal sealed class RevocationOutbox
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(5);

    private readonly Channel<RevocationEntry> _queue =
        Channel.CreateUnbounded<RevocationEntry>(new UnboundedChannelOptions { SingleReader = true });

    private int _pending;

    /// <summary>Marks queued or being sent, not yet confirmed by Redis.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public void Enqueue(RevocationEntry entry)
    {
        Interlocked.Increment(ref _pending);
        _queue.Writer.TryWrite(entry);
    }

    /// <summary>
    /// Sends the queue to <paramref name="log"/> until <paramref name="stop"/> is cancelled, telling
    /// <paramref name="confirmed"/> how many marks (in queue order) each confirmed batch held, and
    /// the log position Redis gave its last one.
    /// </summary>
    public async Task PublishAsync(RevocationLog log, TimeProvider time, ILogger logger, CancellationToken stop, Action<int, LogPosition>? confirmed = null)
    {
        var batch = new List<RevocationEntry>(RevocationLog.PageSize);
        var retry = FirstRetry;
        var failing = false;
        while (batch.Count > 0 || await _queue.Reader.WaitToReadAsync(stop).ConfigureAwait(false))
        {
            while (batch.Count < RevocationLog.PageSize && _queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            try
            {
                var last = await log.AppendAsync(batch).ConfigureAwait(false);
                Interlocked.Add(ref _pending, -batch.Count);
                confirmed?.Invoke(batch.Count, last);
                batch.Clear();
                retry = FirstRetry;
                failing = false;
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                // Any failure keeps the batch: a mark is dropped only when the process stops.
                if (!failing)
                {
                    ReplicaLog.PublishFailed(logger, Pending, ex);
                    failing = true;
                }

                // A mark whose answer was lost may have been applied: sending it again is harmless
                // (the later end wins, and a repeated log entry changes nothing).
                await Task.Delay(retry, time, stop).ConfigureAwait(false);
                retry = Backoff.Doubled(retry, LongestRetry);
            }
        }
    }
}
