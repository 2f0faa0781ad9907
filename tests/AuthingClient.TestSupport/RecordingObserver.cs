using System.Collections.Concurrent;
using AuthingClient.Revocation;

namespace AuthingClient.TestSupport;

/// <summary>An observer that records every notice it gets, and throws after recording when told to.</summary>
public class RecordingObserver(string name = "observer", Exception? throws = null) : IRevocationObserver
{
    private readonly ConcurrentQueue<RevocationNotice> _notices = new();

    public string Name { get; } = name;

    public IReadOnlyList<RevocationNotice> Notices => [.. _notices];

    public virtual async ValueTask OnRevokedAsync(RevocationNotice notice, CancellationToken cancellationToken)
    {
        _notices.Enqueue(notice);
        await Task.Yield();
        if (throws is not null)
        {
            throw throws;
        }
    }
}

/// <summary>
/// A store of its own, built on the public extension point (<see cref="RevokedTokenRegistry"/>) as a
/// user's would be: it counts what it was asked, and can be made to fail.
/// </summary>
public sealed class RecordingRegistry(Exception? failsWith = null) : RevokedTokenRegistry(options: null, timeProvider: null)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, RevocationEntry> _entries = new();
    private int _calls;

    public int Calls => _calls;

    protected override ValueTask<RevocationEntry?> FindAsync(RevocationKey key, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return failsWith is null
            ? ValueTask.FromResult(_entries.TryGetValue(key.ToString(), out var entry) ? entry : (RevocationEntry?)null)
            : ValueTask.FromException<RevocationEntry?>(failsWith);
    }

    protected override ValueTask StoreAsync(RevocationEntry entry, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (failsWith is not null)
        {
            return ValueTask.FromException(failsWith);
        }

        _entries[entry.Key.ToString()] = entry;
        return ValueTask.CompletedTask;
    }
}
