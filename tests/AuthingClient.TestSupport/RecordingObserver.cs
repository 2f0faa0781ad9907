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

/// <summary>A registry that records what it was asked and delegates to an in-memory one; it can be made to fail.</summary>
public sealed class RecordingRegistry(Exception? failsWith = null) : IRevokedTokenRegistry
{
    private readonly InMemoryRevokedTokenRegistry _inner = new();
    private int _calls;

    public int Calls => _calls;

    public ValueTask<bool> IsRevokedAsync(string token, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return failsWith is null ? _inner.IsRevokedAsync(token, cancellationToken) : ValueTask.FromException<bool>(failsWith);
    }

    public ValueTask MarkRevokedAsync(string token, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return failsWith is null ? _inner.MarkRevokedAsync(token, cancellationToken) : ValueTask.FromException(failsWith);
    }
}
